import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditLog, subgroupMembers, topics } from '@konvent/db';
import type { TopicJSON } from '@konvent/shared';
import { buildCast, buildMember, buildSection, buildTopic, signIn, snapshotDatabase } from '../support/factories';
import { startTestServer, type TestServer } from '../support/server';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.stop());

const titles = (list: TopicJSON[]) => list.map((x) => `${x.title}#${x.position}`);

describe('topics', () => {
  it('lists topics in order with subgroup, section count and abilities', async () => {
    const cast = buildCast(t.db);
    buildSection(t.db, { workspaceId: cast.workspace.id, topicId: cast.topic.id, position: 1 });
    buildSection(t.db, { workspaceId: cast.workspace.id, topicId: cast.topic.id, position: 2, deletedAt: new Date() });
    const res = await (await signIn(t.url, cast.lead)).get(`/api/workspaces/${cast.workspace.id}/topics`);
    expect(res.status).toBe(200);
    expect(res.body.data).toHaveLength(1);
    expect(res.body.data[0]).toMatchObject({
      id: cast.topic.id,
      archived: false,
      sectionCount: 2,
      abilities: { update: false, manageSubgroup: true },
    });
    expect(res.body.data[0].members).toEqual([
      { userId: cast.lead.id, name: cast.lead.name, organisation: null, lead: true },
      { userId: cast.member.id, name: cast.member.name, organisation: null, lead: false },
    ]);
  });

  it('creates topics at the end and records topic.created', async () => {
    const cast = buildCast(t.db);
    const api = await signIn(t.url, cast.moderator);
    const res = await api.post(`/api/workspaces/${cast.workspace.id}/topics`, { title: 'Beschaffung', description: 'Vergabe von OSS' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ title: 'Beschaffung', description: 'Vergabe von OSS', position: 1, members: [], sectionCount: 0 });
    expect(t.db.select().from(auditLog).where(eq(auditLog.entityId, res.body.id)).get()?.action).toBe('topic.created');
  });

  it('reorders topics densely', async () => {
    const cast = buildCast(t.db);
    const api = await signIn(t.url, cast.moderator);
    const ws = cast.workspace.id;
    t.db.update(topics).set({ title: 'A' }).where(eq(topics.id, cast.topic.id)).run();
    await api.post(`/api/workspaces/${ws}/topics`, { title: 'B' });
    const c = await api.post(`/api/workspaces/${ws}/topics`, { title: 'C' });
    expect((await api.patch(`/api/topics/${c.body.id}`, { position: 0 })).body.position).toBe(0);
    expect(titles((await api.get(`/api/workspaces/${ws}/topics`)).body.data)).toEqual(['C#0', 'A#1', 'B#2']);
    await api.patch(`/api/topics/${c.body.id}`, { position: 50 });
    expect(titles((await api.get(`/api/workspaces/${ws}/topics`)).body.data)).toEqual(['A#0', 'B#1', 'C#2']);
  });

  it('renames, describes and archives a topic; archived topics are listed apart', async () => {
    const cast = buildCast(t.db);
    const api = await signIn(t.url, cast.moderator);
    const res = await api.patch(`/api/topics/${cast.topic.id}`, { title: 'Umbenannt', description: 'Neu', archived: true });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ title: 'Umbenannt', description: 'Neu', archived: true });
    expect((await api.get(`/api/workspaces/${cast.workspace.id}/topics`)).body.data).toEqual([]);
    const archived = await api.get(`/api/workspaces/${cast.workspace.id}/topics?archived=1`);
    expect(archived.body.data.map((x: TopicJSON) => x.id)).toEqual([cast.topic.id]);
    const actions = t.db.select().from(auditLog).where(eq(auditLog.entityId, cast.topic.id)).all().map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['topic.renamed', 'topic.updated', 'topic.archived']));
    expect((await api.patch(`/api/topics/${cast.topic.id}`, { archived: false })).body.archived).toBe(false);
  });

  it('lets only moderators create and change topics', async () => {
    const cast = buildCast(t.db);
    const before = snapshotDatabase(t.db);
    const lead = await signIn(t.url, cast.lead);
    expect((await lead.post(`/api/workspaces/${cast.workspace.id}/topics`, { title: 'x' })).status).toBe(403);
    expect((await lead.patch(`/api/topics/${cast.topic.id}`, { title: 'x' })).status).toBe(403);
    expect(snapshotDatabase(t.db)).toEqual(before);
  });
});

describe('subgroups', () => {
  it('lists the subgroup of a topic', async () => {
    const cast = buildCast(t.db);
    const res = await (await signIn(t.url, cast.observer)).get(`/api/topics/${cast.topic.id}/members`);
    expect(res.status).toBe(200);
    expect(res.body.data.map((m: { userId: string; lead: boolean }) => [m.userId, m.lead])).toEqual([
      [cast.lead.id, true],
      [cast.member.id, false],
    ]);
  });

  it('lets a lead add a member of the workspace, who may then write the topic’s sections', async () => {
    const cast = buildCast(t.db);
    const lead = await signIn(t.url, cast.lead);
    const outsider = await signIn(t.url, cast.outsider);
    expect((await outsider.get(`/api/sections/${cast.section.id}`)).body.abilities.edit).toBe(false);
    const res = await lead.post(`/api/topics/${cast.topic.id}/members`, { userId: cast.outsider.id });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ userId: cast.outsider.id, lead: false });
    expect((await outsider.get(`/api/sections/${cast.section.id}`)).body.abilities.edit).toBe(true);
    expect(t.db.select().from(auditLog).where(eq(auditLog.action, 'subgroup.member_added')).all().some((e) => e.entityId === cast.topic.id)).toBe(true);
  });

  it('refuses observers and people outside the workspace, naming userId', async () => {
    const cast = buildCast(t.db);
    const api = await signIn(t.url, cast.moderator);
    const before = snapshotDatabase(t.db);
    for (const person of [cast.observer, cast.stranger]) {
      const res = await api.post(`/api/topics/${cast.topic.id}/members`, { userId: person.id });
      expect(res.status).toBe(400);
      expect(res.body.error.message).toContain('userId');
    }
    expect((await api.post(`/api/topics/${cast.topic.id}/members`, { userId: 'no-such-user' })).status).toBe(400);
    expect(snapshotDatabase(t.db)).toEqual(before);
  });

  it('answers 409 when the person already belongs to the subgroup', async () => {
    const cast = buildCast(t.db);
    const res = await (await signIn(t.url, cast.moderator)).post(`/api/topics/${cast.topic.id}/members`, { userId: cast.member.id });
    expect(res.status).toBe(409);
  });

  it('makes a member lead and back, which changes who may update sections', async () => {
    const cast = buildCast(t.db);
    const moderator = await signIn(t.url, cast.moderator);
    const member = await signIn(t.url, cast.member);
    const res = await moderator.patch(`/api/topics/${cast.topic.id}/members/${cast.member.id}`, { lead: true });
    expect(res.status).toBe(200);
    expect(res.body.lead).toBe(true);
    expect((await member.get(`/api/sections/${cast.section.id}`)).body.abilities.update).toBe(true);
    await moderator.patch(`/api/topics/${cast.topic.id}/members/${cast.member.id}`, { lead: false });
    expect((await member.get(`/api/sections/${cast.section.id}`)).body.abilities.update).toBe(false);
  });

  it('removes someone from the subgroup and tells the collab hooks', async () => {
    const cast = buildCast(t.db);
    const calls: unknown[] = [];
    const hooks = t.server.ctx.collab;
    const original = hooks.permissionsChanged;
    hooks.permissionsChanged = (scope) => {
      calls.push(scope);
      original.call(hooks, scope);
    };
    try {
      const res = await (await signIn(t.url, cast.lead)).delete(`/api/topics/${cast.topic.id}/members/${cast.member.id}`);
      expect(res.status).toBe(204);
    } finally {
      hooks.permissionsChanged = original;
    }
    expect(calls).toEqual([{ workspaceId: cast.workspace.id, userIds: [cast.member.id] }]);
    expect(t.db.select().from(subgroupMembers).where(eq(subgroupMembers.userId, cast.member.id)).all()).toEqual([]);
    expect((await (await signIn(t.url, cast.member)).get(`/api/sections/${cast.section.id}`)).body.abilities.edit).toBe(false);
  });

  it('answers 404 for someone not in the subgroup', async () => {
    const cast = buildCast(t.db);
    const api = await signIn(t.url, cast.moderator);
    expect((await api.patch(`/api/topics/${cast.topic.id}/members/${cast.outsider.id}`, { lead: true })).status).toBe(404);
    expect((await api.delete(`/api/topics/${cast.topic.id}/members/${cast.outsider.id}`)).status).toBe(404);
  });

  it('refuses a lead managing the subgroup of another topic', async () => {
    const cast = buildCast(t.db);
    const other = buildTopic(t.db, { workspaceId: cast.workspace.id });
    const newcomer = buildMember(t.db, { workspaceId: cast.workspace.id });
    const res = await (await signIn(t.url, cast.lead)).post(`/api/topics/${other.id}/members`, { userId: newcomer.id });
    expect(res.status).toBe(403);
  });
});
