/**
 * Bad input on every route: missing fields, wrong types, too long, unknown fields,
 * malformed JSON, unknown ids and ids from another workspace. Each answer is a clear 4xx
 * error that names the field, and the database is left exactly as it was. The body is
 * validated before anything is loaded, so a request about a foreign id carries a valid
 * body to show that the id alone earns the 404.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHmac, randomBytes } from 'node:crypto';
import { invitations } from '@konvent/db';
import { limits } from '@konvent/shared';
import { buildApiToken, buildCast, buildSection, buildTopic, buildUser, snapshotDatabase } from '../support/factories';
import { ApiClient } from '../support/http';
import { startTestServer, type TestServer } from '../support/server';

let t: TestServer;
let f: ReturnType<typeof fixture>;
let moderator: ApiClient;
let admin: ApiClient;
let anonymous: ApiClient;
let member: ApiClient;

function fixture() {
  const cast = buildCast(t.db);
  const foreignTopic = buildTopic(t.db, { workspaceId: cast.stranger.workspaceId });
  const foreignSection = buildSection(t.db, { workspaceId: cast.stranger.workspaceId });
  const invitationToken = `ki_${randomBytes(24).toString('base64url')}`;
  const invitation = t.db
    .insert(invitations)
    .values({
      workspaceId: cast.workspace.id,
      role: 'member',
      tokenHash: createHmac('sha256', t.server.ctx.config.secret).update(invitationToken).digest('hex'),
      expiresAt: new Date(Date.now() + 86_400_000),
    })
    .returning()
    .get();
  const foreignInvitation = t.db
    .insert(invitations)
    .values({ workspaceId: cast.stranger.workspaceId, role: 'member', tokenHash: 'x'.repeat(64), expiresAt: new Date(Date.now() + 86_400_000) })
    .returning()
    .get();
  return { cast, ws: cast.workspace.id, foreignWs: cast.stranger.workspaceId, foreignTopic, foreignSection, invitation, invitationToken, foreignInvitation };
}

beforeAll(async () => {
  t = await startTestServer();
  f = fixture();
  const secret = t.server.ctx.config.secret;
  moderator = new ApiClient(t.url, { token: buildApiToken(t.db, secret, f.cast.moderator.id) });
  admin = new ApiClient(t.url, { token: buildApiToken(t.db, secret, buildUser(t.db, { isAdmin: true }).id) });
  anonymous = new ApiClient(t.url);
  member = new ApiClient(t.url, { token: buildApiToken(t.db, secret, f.cast.member.id) });
});
afterAll(() => t.stop());

interface Case {
  name: string;
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  path: () => string;
  /** A string is sent as the raw body. */
  body?: () => unknown;
  as?: () => ApiClient;
  status: number;
  code: string;
  /** Text the error message must contain (the field's name for validation errors). */
  mentions?: string;
}

const long = (n: number) => 'x'.repeat(n + 1);
const invalid = (name: string, method: Case['method'], path: () => string, body: () => unknown, mentions: string, as?: () => ApiClient): Case => ({
  name,
  method,
  path,
  body,
  as,
  status: 400,
  code: 'validation_failed',
  mentions,
});
const malformed = (method: Case['method'], path: () => string, as?: () => ApiClient): Case => ({
  name: 'malformed JSON',
  method,
  path,
  body: () => '{"title": ',
  as,
  status: 400,
  code: 'invalid_json',
});
const missing = (name: string, method: Case['method'], path: () => string, as?: () => ApiClient): Case => ({
  name,
  method,
  path,
  body: method === 'GET' || method === 'DELETE' ? undefined : () => ({}),
  as,
  status: 404,
  code: 'not_found',
});

const cases: Record<string, Case[]> = {
  tokens: [
    invalid('missing name', 'POST', () => '/api/tokens', () => ({}), 'name'),
    invalid('name of the wrong type', 'POST', () => '/api/tokens', () => ({ name: 42 }), 'name'),
    invalid('blank name', 'POST', () => '/api/tokens', () => ({ name: '   ' }), 'name'),
    invalid('name too long', 'POST', () => '/api/tokens', () => ({ name: long(limits.tokenNameMax) }), 'name'),
    invalid('unknown field', 'POST', () => '/api/tokens', () => ({ name: 'x', scope: 'all' }), 'scope'),
    malformed('POST', () => '/api/tokens'),
    missing('unknown token id', 'DELETE', () => '/api/tokens/no-such-token'),
  ],
  workspaces: [
    invalid('missing name', 'POST', () => '/api/workspaces', () => ({}), 'name', () => admin),
    invalid('name too long', 'POST', () => '/api/workspaces', () => ({ name: long(limits.workspaceNameMax) }), 'name', () => admin),
    invalid('unknown field', 'POST', () => '/api/workspaces', () => ({ name: 'x', isDemo: true }), 'isDemo', () => admin),
    malformed('POST', () => '/api/workspaces', () => admin),
    invalid('a JSON array as body', 'POST', () => '/api/workspaces', () => '[]', 'body', () => admin),
    invalid('blank name', 'PATCH', () => `/api/workspaces/${f.ws}`, () => ({ name: '' }), 'name'),
    invalid('description of the wrong type', 'PATCH', () => `/api/workspaces/${f.ws}`, () => ({ description: 7 }), 'description'),
    invalid('description too long', 'PATCH', () => `/api/workspaces/${f.ws}`, () => ({ description: long(limits.descriptionMax) }), 'description'),
    invalid('unknown field', 'PATCH', () => `/api/workspaces/${f.ws}`, () => ({ id: 'other' }), 'id'),
    malformed('PATCH', () => `/api/workspaces/${f.ws}`),
    missing('unknown workspace', 'GET', () => '/api/workspaces/no-such-workspace'),
    missing('unknown workspace', 'PATCH', () => '/api/workspaces/no-such-workspace'),
    missing('foreign workspace', 'GET', () => `/api/workspaces/${f.foreignWs}`, () => member),
    missing('unknown workspace dashboard', 'GET', () => '/api/workspaces/no-such-workspace/dashboard'),
    invalid('activity limit not a number', 'GET', () => `/api/workspaces/${f.ws}/activity?limit=abc`, () => undefined, 'limit'),
    invalid('activity limit zero', 'GET', () => `/api/workspaces/${f.ws}/activity?limit=0`, () => undefined, 'limit'),
    invalid('activity limit too high', 'GET', () => `/api/workspaces/${f.ws}/activity?limit=100000`, () => undefined, 'limit'),
    invalid('unknown query parameter', 'GET', () => `/api/workspaces/${f.ws}/activity?since=yesterday`, () => undefined, 'since'),
    missing('unknown workspace activity', 'GET', () => '/api/workspaces/no-such-workspace/activity'),
  ],
  members: [
    invalid('not an email address', 'POST', () => `/api/workspaces/${f.ws}/members`, () => ({ email: 'kein-mail', name: 'X', role: 'member' }), 'email'),
    invalid('missing name', 'POST', () => `/api/workspaces/${f.ws}/members`, () => ({ email: 'a@example.org', role: 'member' }), 'name'),
    invalid('unknown role', 'POST', () => `/api/workspaces/${f.ws}/members`, () => ({ email: 'a@example.org', name: 'A', role: 'admin' }), 'role'),
    invalid('password too short', 'POST', () => `/api/workspaces/${f.ws}/members`, () => ({ email: 'a@example.org', name: 'A', role: 'member', password: 'kurz' }), 'password'),
    invalid('name too long', 'POST', () => `/api/workspaces/${f.ws}/members`, () => ({ email: 'a@example.org', name: long(limits.nameMax), role: 'member' }), 'name'),
    invalid('unknown field', 'POST', () => `/api/workspaces/${f.ws}/members`, () => ({ email: 'a@example.org', name: 'A', role: 'member', isAdmin: true }), 'isAdmin'),
    malformed('POST', () => `/api/workspaces/${f.ws}/members`),
    { ...missing('foreign workspace', 'POST', () => `/api/workspaces/${f.foreignWs}/members`), body: () => ({ email: 'a@example.org', name: 'A', role: 'member' }) },
    invalid('role of the wrong type', 'PATCH', () => `/api/workspaces/${f.ws}/members/${f.cast.member.id}`, () => ({ role: 1 }), 'role'),
    invalid('missing role', 'PATCH', () => `/api/workspaces/${f.ws}/members/${f.cast.member.id}`, () => ({}), 'role'),
    malformed('PATCH', () => `/api/workspaces/${f.ws}/members/${f.cast.member.id}`),
    { ...missing('unknown member', 'PATCH', () => `/api/workspaces/${f.ws}/members/no-such-user`), body: () => ({ role: 'member' }) },
    missing('unknown member', 'DELETE', () => `/api/workspaces/${f.ws}/members/no-such-user`),
    missing('a member of another workspace', 'DELETE', () => `/api/workspaces/${f.ws}/members/${f.cast.stranger.id}`),
    missing('foreign workspace', 'DELETE', () => `/api/workspaces/${f.foreignWs}/members/${f.cast.stranger.id}`),
  ],
  invitations: [
    invalid('missing role', 'POST', () => `/api/workspaces/${f.ws}/invitations`, () => ({}), 'role'),
    invalid('unknown role', 'POST', () => `/api/workspaces/${f.ws}/invitations`, () => ({ role: 'boss' }), 'role'),
    invalid('not an email address', 'POST', () => `/api/workspaces/${f.ws}/invitations`, () => ({ role: 'member', email: 'x' }), 'email'),
    invalid('unknown field', 'POST', () => `/api/workspaces/${f.ws}/invitations`, () => ({ role: 'member', days: 90 }), 'days'),
    malformed('POST', () => `/api/workspaces/${f.ws}/invitations`),
    { ...missing('foreign workspace', 'POST', () => `/api/workspaces/${f.foreignWs}/invitations`), body: () => ({ role: 'member' }) },
    missing('unknown invitation', 'DELETE', () => '/api/invitations/no-such-invitation'),
    missing('foreign invitation', 'DELETE', () => `/api/invitations/${f.foreignInvitation.id}`),
    missing('unknown link', 'GET', () => '/api/invitations/ki_unknown', () => anonymous),
    missing('unknown link', 'POST', () => '/api/invitations/ki_unknown/accept', () => anonymous),
    invalid('password too short', 'POST', () => `/api/invitations/${f.invitationToken}/accept`, () => ({ name: 'A', email: 'a@example.org', password: 'kurz' }), 'password', () => anonymous),
    invalid('name of the wrong type', 'POST', () => `/api/invitations/${f.invitationToken}/accept`, () => ({ name: ['A'], email: 'a@example.org', password: 'lang-genug-123' }), 'name', () => anonymous),
    invalid('unknown field', 'POST', () => `/api/invitations/${f.invitationToken}/accept`, () => ({ role: 'moderator' }), 'role', () => anonymous),
    invalid('missing password', 'POST', () => `/api/invitations/${f.invitationToken}/accept`, () => ({ name: 'A', email: 'a@example.org' }), 'password', () => anonymous),
    malformed('POST', () => `/api/invitations/${f.invitationToken}/accept`, () => anonymous),
  ],
  topics: [
    invalid('missing title', 'POST', () => `/api/workspaces/${f.ws}/topics`, () => ({}), 'title'),
    invalid('title too long', 'POST', () => `/api/workspaces/${f.ws}/topics`, () => ({ title: long(limits.topicTitleMax) }), 'title'),
    invalid('description of the wrong type', 'POST', () => `/api/workspaces/${f.ws}/topics`, () => ({ title: 'A', description: {} }), 'description'),
    invalid('unknown field', 'POST', () => `/api/workspaces/${f.ws}/topics`, () => ({ title: 'A', workspaceId: f.foreignWs }), 'workspaceId'),
    malformed('POST', () => `/api/workspaces/${f.ws}/topics`),
    { ...missing('foreign workspace', 'POST', () => `/api/workspaces/${f.foreignWs}/topics`), body: () => ({ title: 'A' }) },
    invalid('archived filter not a flag', 'GET', () => `/api/workspaces/${f.ws}/topics?archived=maybe`, () => undefined, 'archived'),
    invalid('negative position', 'PATCH', () => `/api/topics/${f.cast.topic.id}`, () => ({ position: -1 }), 'position'),
    invalid('fractional position', 'PATCH', () => `/api/topics/${f.cast.topic.id}`, () => ({ position: 1.5 }), 'position'),
    invalid('archived of the wrong type', 'PATCH', () => `/api/topics/${f.cast.topic.id}`, () => ({ archived: 'yes' }), 'archived'),
    invalid('unknown field', 'PATCH', () => `/api/topics/${f.cast.topic.id}`, () => ({ color: 'red' }), 'color'),
    malformed('PATCH', () => `/api/topics/${f.cast.topic.id}`),
    missing('unknown topic', 'PATCH', () => '/api/topics/no-such-topic'),
    missing('foreign topic', 'PATCH', () => `/api/topics/${f.foreignTopic.id}`),
    missing('foreign topic', 'GET', () => `/api/topics/${f.foreignTopic.id}`),
    invalid('missing userId', 'POST', () => `/api/topics/${f.cast.topic.id}/members`, () => ({}), 'userId'),
    invalid('userId of the wrong type', 'POST', () => `/api/topics/${f.cast.topic.id}/members`, () => ({ userId: 5 }), 'userId'),
    invalid('unknown userId', 'POST', () => `/api/topics/${f.cast.topic.id}/members`, () => ({ userId: 'no-such-user' }), 'userId'),
    invalid('lead of the wrong type', 'POST', () => `/api/topics/${f.cast.topic.id}/members`, () => ({ userId: f.cast.outsider.id, lead: 'yes' }), 'lead'),
    malformed('POST', () => `/api/topics/${f.cast.topic.id}/members`),
    { ...missing('foreign topic', 'POST', () => `/api/topics/${f.foreignTopic.id}/members`), body: () => ({ userId: f.cast.stranger.id }) },
    invalid('lead as a string', 'PATCH', () => `/api/topics/${f.cast.topic.id}/members/${f.cast.member.id}`, () => ({ lead: 'true' }), 'lead'),
    { ...missing('not in the subgroup', 'PATCH', () => `/api/topics/${f.cast.topic.id}/members/${f.cast.outsider.id}`), body: () => ({ lead: true }) },
    missing('not in the subgroup', 'DELETE', () => `/api/topics/${f.cast.topic.id}/members/no-such-user`),
    missing('foreign topic', 'DELETE', () => `/api/topics/${f.foreignTopic.id}/members/${f.cast.member.id}`),
  ],
  sections: [
    invalid('missing title', 'POST', () => `/api/workspaces/${f.ws}/sections`, () => ({}), 'title'),
    invalid('title too long', 'POST', () => `/api/workspaces/${f.ws}/sections`, () => ({ title: long(limits.sectionTitleMax) }), 'title'),
    invalid('title of the wrong type', 'POST', () => `/api/workspaces/${f.ws}/sections`, () => ({ title: 12 }), 'title'),
    invalid('negative position', 'POST', () => `/api/workspaces/${f.ws}/sections`, () => ({ title: 'A', position: -1 }), 'position'),
    invalid('position as a string', 'POST', () => `/api/workspaces/${f.ws}/sections`, () => ({ title: 'A', position: '1' }), 'position'),
    invalid('unknown parentId', 'POST', () => `/api/workspaces/${f.ws}/sections`, () => ({ title: 'A', parentId: 'no-such-section' }), 'parentId'),
    invalid('parent from another workspace', 'POST', () => `/api/workspaces/${f.ws}/sections`, () => ({ title: 'A', parentId: f.foreignSection.id }), 'parentId'),
    invalid('topic from another workspace', 'POST', () => `/api/workspaces/${f.ws}/sections`, () => ({ title: 'A', topicId: f.foreignTopic.id }), 'topicId'),
    invalid('unknown field', 'POST', () => `/api/workspaces/${f.ws}/sections`, () => ({ title: 'A', status: 'final' }), 'status'),
    malformed('POST', () => `/api/workspaces/${f.ws}/sections`),
    { ...missing('foreign workspace', 'POST', () => `/api/workspaces/${f.foreignWs}/sections`), body: () => ({ title: 'A' }) },
    missing('unknown workspace', 'GET', () => '/api/workspaces/no-such-workspace/sections'),
    invalid('trash filter not a flag', 'GET', () => `/api/workspaces/${f.ws}/sections?trash=yes`, () => undefined, 'trash'),
    invalid('unknown status', 'PATCH', () => `/api/sections/${f.cast.section.id}`, () => ({ status: 'published' }), 'status'),
    invalid('due date not ISO', 'PATCH', () => `/api/sections/${f.cast.section.id}`, () => ({ dueDate: '31.12.2026' }), 'dueDate'),
    invalid('impossible due date', 'PATCH', () => `/api/sections/${f.cast.section.id}`, () => ({ dueDate: '2026-02-30' }), 'dueDate'),
    invalid('null title', 'PATCH', () => `/api/sections/${f.cast.section.id}`, () => ({ title: null }), 'title'),
    invalid('unknown assignee', 'PATCH', () => `/api/sections/${f.cast.section.id}`, () => ({ assigneeId: 'no-such-user' }), 'assigneeId'),
    invalid('unknown topic', 'PATCH', () => `/api/sections/${f.cast.section.id}`, () => ({ topicId: 'no-such-topic' }), 'topicId'),
    invalid('parent from another workspace', 'PATCH', () => `/api/sections/${f.cast.section.id}`, () => ({ parentId: f.foreignSection.id }), 'parentId'),
    invalid('itself as parent', 'PATCH', () => `/api/sections/${f.cast.section.id}`, () => ({ parentId: f.cast.section.id }), 'cannot move a section under itself or its descendant'),
    invalid('unknown field', 'PATCH', () => `/api/sections/${f.cast.section.id}`, () => ({ workspaceId: f.foreignWs }), 'workspaceId'),
    malformed('PATCH', () => `/api/sections/${f.cast.section.id}`),
    missing('unknown section', 'GET', () => '/api/sections/no-such-section'),
    missing('unknown section', 'PATCH', () => '/api/sections/no-such-section'),
    missing('foreign section', 'PATCH', () => `/api/sections/${f.foreignSection.id}`),
    missing('foreign section', 'DELETE', () => `/api/sections/${f.foreignSection.id}`),
    missing('unknown section', 'POST', () => '/api/sections/no-such-section/restore'),
  ],
};

for (const [resource, list] of Object.entries(cases)) {
  describe(`bad input: ${resource}`, () => {
    it.each(list.map((c) => [`${c.method} ${c.name}`, c] as const))('%s → clear error, nothing changed', async (_label, c) => {
      const before = snapshotDatabase(t.db);
      const client = c.as?.() ?? moderator;
      const res = await client.request(c.method, c.path(), c.body?.());
      expect(res.status).toBe(c.status);
      expect(res.body.error.code).toBe(c.code);
      if (c.mentions) expect(res.body.error.message).toContain(c.mentions);
      expect(snapshotDatabase(t.db)).toEqual(before);
    });
  });
}
