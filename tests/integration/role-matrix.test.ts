/**
 * Every route against every kind of caller. Each cell gets a fresh cast (buildCast), so
 * one cell's write never changes another's answer, and every refusal is checked to have
 * written nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHmac, randomBytes } from 'node:crypto';
import { apiTokens, invitations } from '@konvent/db';
import { buildApiToken, buildCast, buildSection, snapshotDatabase } from '../support/factories';
import { ApiClient } from '../support/http';
import { startTestServer, type TestServer } from '../support/server';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.stop());

const actors = ['moderator', 'lead', 'member', 'outsider', 'observer', 'stranger', 'anonymous'] as const;
type Actor = (typeof actors)[number];

function setup() {
  const cast = buildCast(t.db);
  const ws = cast.workspace.id;
  const sibling = buildSection(t.db, { workspaceId: ws, topicId: cast.topic.id, position: 1 });
  const trashed = buildSection(t.db, { workspaceId: ws, topicId: cast.topic.id, deletedAt: new Date() });
  const invitationToken = `ki_${randomBytes(24).toString('base64url')}`;
  const invitation = t.db
    .insert(invitations)
    .values({
      workspaceId: ws,
      role: 'member',
      tokenHash: createHmac('sha256', t.server.ctx.config.secret).update(invitationToken).digest('hex'),
      expiresAt: new Date(Date.now() + 86_400_000),
      createdById: cast.moderator.id,
    })
    .returning()
    .get();
  buildApiToken(t.db, t.server.ctx.config.secret, cast.moderator.id);
  const moderatorTokenId = t.db.select().from(apiTokens).all().at(-1)!.id;
  return { cast, ws, sibling, trashed, invitation, invitationToken, moderatorTokenId };
}
type Fixture = ReturnType<typeof setup>;

interface Route {
  name: string;
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  path: (f: Fixture) => string;
  body?: (f: Fixture) => unknown;
  expect: Record<Actor, number>;
}

/** Shorthands for the common rows: what everyone in the workspace may read, what only moderators may do. */
const readable = { moderator: 200, lead: 200, member: 200, outsider: 200, observer: 200, stranger: 404, anonymous: 401 };
const moderatorsOnly = (ok: number) => ({ moderator: ok, lead: 403, member: 403, outsider: 403, observer: 403, stranger: 404, anonymous: 401 });
const moderatorsAndLead = (ok: number) => ({ moderator: ok, lead: ok, member: 403, outsider: 403, observer: 403, stranger: 404, anonymous: 401 });
const anyoneSignedIn = (ok: number) => ({ moderator: ok, lead: ok, member: ok, outsider: ok, observer: ok, stranger: ok, anonymous: 401 });
const unique = () => randomBytes(6).toString('hex');

const routes: Route[] = [
  { name: 'list tokens', method: 'GET', path: () => '/api/tokens', expect: anyoneSignedIn(200) },
  { name: 'create token', method: 'POST', path: () => '/api/tokens', body: () => ({ name: 'x' }), expect: anyoneSignedIn(201) },
  {
    name: 'delete the moderator’s token',
    method: 'DELETE',
    path: (f) => `/api/tokens/${f.moderatorTokenId}`,
    expect: { moderator: 204, lead: 404, member: 404, outsider: 404, observer: 404, stranger: 404, anonymous: 401 },
  },
  { name: 'list workspaces', method: 'GET', path: () => '/api/workspaces', expect: anyoneSignedIn(200) },
  {
    name: 'create workspace (instance admins only)',
    method: 'POST',
    path: () => '/api/workspaces',
    body: () => ({ name: 'Neu' }),
    expect: { moderator: 403, lead: 403, member: 403, outsider: 403, observer: 403, stranger: 403, anonymous: 401 },
  },
  { name: 'read workspace', method: 'GET', path: (f) => `/api/workspaces/${f.ws}`, expect: readable },
  { name: 'rename workspace', method: 'PATCH', path: (f) => `/api/workspaces/${f.ws}`, body: () => ({ name: 'Neu' }), expect: moderatorsOnly(200) },
  { name: 'dashboard', method: 'GET', path: (f) => `/api/workspaces/${f.ws}/dashboard`, expect: readable },
  { name: 'activity', method: 'GET', path: (f) => `/api/workspaces/${f.ws}/activity`, expect: readable },
  { name: 'list members', method: 'GET', path: (f) => `/api/workspaces/${f.ws}/members`, expect: readable },
  {
    name: 'add member',
    method: 'POST',
    path: (f) => `/api/workspaces/${f.ws}/members`,
    body: () => ({ email: `neu-${unique()}@example.org`, name: 'Neu', role: 'member' }),
    expect: moderatorsOnly(201),
  },
  {
    name: 'change a role',
    method: 'PATCH',
    path: (f) => `/api/workspaces/${f.ws}/members/${f.cast.outsider.id}`,
    body: () => ({ role: 'observer' }),
    expect: moderatorsOnly(200),
  },
  { name: 'remove member', method: 'DELETE', path: (f) => `/api/workspaces/${f.ws}/members/${f.cast.outsider.id}`, expect: moderatorsOnly(204) },
  { name: 'list invitations', method: 'GET', path: (f) => `/api/workspaces/${f.ws}/invitations`, expect: moderatorsOnly(200) },
  {
    name: 'create invitation',
    method: 'POST',
    path: (f) => `/api/workspaces/${f.ws}/invitations`,
    body: () => ({ role: 'member' }),
    expect: moderatorsOnly(201),
  },
  { name: 'revoke invitation', method: 'DELETE', path: (f) => `/api/invitations/${f.invitation.id}`, expect: moderatorsOnly(204) },
  {
    name: 'preview invitation (public)',
    method: 'GET',
    path: (f) => `/api/invitations/${f.invitationToken}`,
    expect: { moderator: 200, lead: 200, member: 200, outsider: 200, observer: 200, stranger: 200, anonymous: 200 },
  },
  {
    name: 'accept invitation (public; members already belong)',
    method: 'POST',
    path: (f) => `/api/invitations/${f.invitationToken}/accept`,
    body: () => ({ name: 'Neu', email: `neu-${unique()}@example.org`, password: 'ein-passwort-123' }),
    expect: { moderator: 409, lead: 409, member: 409, outsider: 409, observer: 409, stranger: 200, anonymous: 200 },
  },
  { name: 'list topics', method: 'GET', path: (f) => `/api/workspaces/${f.ws}/topics`, expect: readable },
  { name: 'create topic', method: 'POST', path: (f) => `/api/workspaces/${f.ws}/topics`, body: () => ({ title: 'Neu' }), expect: moderatorsOnly(201) },
  { name: 'read topic', method: 'GET', path: (f) => `/api/topics/${f.cast.topic.id}`, expect: readable },
  { name: 'update topic', method: 'PATCH', path: (f) => `/api/topics/${f.cast.topic.id}`, body: () => ({ title: 'Neu' }), expect: moderatorsOnly(200) },
  { name: 'list subgroup', method: 'GET', path: (f) => `/api/topics/${f.cast.topic.id}/members`, expect: readable },
  {
    name: 'add to subgroup',
    method: 'POST',
    path: (f) => `/api/topics/${f.cast.topic.id}/members`,
    body: (f) => ({ userId: f.cast.outsider.id }),
    expect: moderatorsAndLead(201),
  },
  {
    name: 'make subgroup lead',
    method: 'PATCH',
    path: (f) => `/api/topics/${f.cast.topic.id}/members/${f.cast.member.id}`,
    body: () => ({ lead: true }),
    expect: moderatorsAndLead(200),
  },
  {
    name: 'remove from subgroup',
    method: 'DELETE',
    path: (f) => `/api/topics/${f.cast.topic.id}/members/${f.cast.member.id}`,
    expect: moderatorsAndLead(204),
  },
  { name: 'outline', method: 'GET', path: (f) => `/api/workspaces/${f.ws}/sections`, expect: readable },
  { name: 'trash', method: 'GET', path: (f) => `/api/workspaces/${f.ws}/sections?trash=1`, expect: readable },
  {
    name: 'create section of the topic',
    method: 'POST',
    path: (f) => `/api/workspaces/${f.ws}/sections`,
    body: (f) => ({ title: 'Neu', topicId: f.cast.topic.id }),
    expect: moderatorsAndLead(201),
  },
  {
    name: 'create section without topic',
    method: 'POST',
    path: (f) => `/api/workspaces/${f.ws}/sections`,
    body: () => ({ title: 'Neu' }),
    expect: moderatorsOnly(201),
  },
  { name: 'read section', method: 'GET', path: (f) => `/api/sections/${f.cast.section.id}`, expect: readable },
  { name: 'rename section', method: 'PATCH', path: (f) => `/api/sections/${f.cast.section.id}`, body: () => ({ title: 'Neu' }), expect: moderatorsAndLead(200) },
  {
    name: 'move section under a sibling',
    method: 'PATCH',
    path: (f) => `/api/sections/${f.cast.section.id}`,
    body: (f) => ({ parentId: f.sibling.id }),
    expect: moderatorsAndLead(200),
  },
  {
    name: 'reorder section',
    method: 'PATCH',
    path: (f) => `/api/sections/${f.cast.section.id}`,
    body: () => ({ position: 1 }),
    expect: moderatorsAndLead(200),
  },
  {
    name: 'assign section',
    method: 'PATCH',
    path: (f) => `/api/sections/${f.cast.section.id}`,
    body: (f) => ({ assigneeId: f.cast.member.id, dueDate: '2027-03-01' }),
    expect: moderatorsAndLead(200),
  },
  {
    name: 'section to review',
    method: 'PATCH',
    path: (f) => `/api/sections/${f.cast.section.id}`,
    body: () => ({ status: 'review' }),
    expect: moderatorsAndLead(200),
  },
  {
    name: 'section to final',
    method: 'PATCH',
    path: (f) => `/api/sections/${f.cast.section.id}`,
    body: () => ({ status: 'final' }),
    expect: moderatorsOnly(200),
  },
  { name: 'delete section', method: 'DELETE', path: (f) => `/api/sections/${f.cast.section.id}`, expect: moderatorsAndLead(204) },
  { name: 'restore section', method: 'POST', path: (f) => `/api/sections/${f.trashed.id}/restore`, expect: moderatorsOnly(200) },
];

function clientFor(f: Fixture, actor: Actor): ApiClient {
  if (actor === 'anonymous') return new ApiClient(t.url);
  const person = f.cast[actor];
  return new ApiClient(t.url, { token: buildApiToken(t.db, t.server.ctx.config.secret, person.id) });
}

describe.each(routes)('$method $name', (route) => {
  it.each(actors.map((actor) => [actor, route.expect[actor]] as const))('as %s answers %i', async (actor) => {
    const f = setup();
    const api = clientFor(f, actor);
    const before = snapshotDatabase(t.db);
    const res = await api.request(route.method, route.path(f), route.body?.(f));
    expect({ actor, status: res.status }).toEqual({ actor, status: route.expect[actor] });
    if (res.status >= 400) {
      expect(res.body.error).toEqual(expect.objectContaining({ code: expect.any(String), message: expect.any(String) }));
      expect(snapshotDatabase(t.db)).toEqual(before);
    } else if (route.method === 'GET') {
      expect(snapshotDatabase(t.db)).toEqual(before);
    }
  });
});
