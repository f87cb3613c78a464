import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditLog, documents, sections } from '@konvent/db';
import type { SectionJSON } from '@konvent/shared';
import { io as connect, type Socket } from 'socket.io-client';
import { addToSubgroup, buildApiToken, buildCast, buildSection, buildTopic, signIn, snapshotDatabase } from '../support/factories';
import type { ApiClient } from '../support/http';
import { startTestServer, type TestServer } from '../support/server';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.stop());

const outline = async (api: ApiClient, workspaceId: string) => {
  const res = await api.get<{ data: SectionJSON[] }>(`/api/workspaces/${workspaceId}/sections`);
  expect(res.status).toBe(200);
  return res.body.data;
};
const shape = (list: SectionJSON[]) => list.map((s) => `${s.title}@${s.parentId ? list.find((p) => p.id === s.parentId)?.title : '-'}#${s.position}`);

/** A workspace with a moderator and an outline A(A1, A2(A2a)), B, C. */
async function outlineFixture() {
  const cast = buildCast(t.db);
  const ws = cast.workspace.id;
  t.db.delete(sections).where(eq(sections.id, cast.section.id)).run();
  const api = await signIn(t.url, cast.moderator);
  const make = async (title: string, parentId?: string) => {
    const res = await api.post(`/api/workspaces/${ws}/sections`, { title, ...(parentId ? { parentId } : {}) });
    expect(res.status).toBe(201);
    return res.body as SectionJSON;
  };
  const A = await make('A');
  const B = await make('B');
  const C = await make('C');
  const A1 = await make('A1', A.id);
  const A2 = await make('A2', A.id);
  const A2a = await make('A2a', A2.id);
  return { cast, ws, api, A, B, C, A1, A2, A2a };
}

describe('the outline', () => {
  it('lists sections in reading order: each parent followed by its children by position', async () => {
    const { api, ws } = await outlineFixture();
    expect(shape(await outline(api, ws))).toEqual(['A@-#0', 'A1@A#0', 'A2@A#1', 'A2a@A2#0', 'B@-#1', 'C@-#2']);
  });

  it('carries the contract fields and abilities on every section', async () => {
    const cast = buildCast(t.db);
    const api = await signIn(t.url, cast.member);
    const [section] = await outline(api, cast.workspace.id);
    expect(section).toMatchObject({
      id: cast.section.id,
      title: cast.section.title,
      topicId: cast.topic.id,
      parentId: null,
      position: 0,
      status: 'draft',
      wordCount: 0,
      abilities: { read: true, edit: true, comment: true, setStatus: false, update: false, delete: false },
    });
  });

  it('reads the word count and last edit from the co-edited document', async () => {
    const cast = buildCast(t.db);
    t.db
      .insert(documents)
      .values({ name: `section:${cast.section.id}`, wordCount: 321, lastEditedById: cast.member.id, lastEditedAt: new Date() })
      .run();
    const api = await signIn(t.url, cast.observer);
    const res = await api.get(`/api/sections/${cast.section.id}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ wordCount: 321, lastEditedById: cast.member.id });
    expect(res.body.abilities).toMatchObject({ read: true, edit: false, comment: false });
  });

  it('creates a section at a given position and shifts its siblings', async () => {
    const { api, ws } = await outlineFixture();
    const res = await api.post(`/api/workspaces/${ws}/sections`, { title: 'Vorwort', position: 0 });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ title: 'Vorwort', position: 0, parentId: null, status: 'draft' });
    expect(shape(await outline(api, ws)).filter((s) => s.includes('@-'))).toEqual(['Vorwort@-#0', 'A@-#1', 'B@-#2', 'C@-#3']);
  });

  it('gives a new section under a parent the topic of that parent', async () => {
    const cast = buildCast(t.db);
    const api = await signIn(t.url, cast.moderator);
    const res = await api.post(`/api/workspaces/${cast.workspace.id}/sections`, { title: 'Unterabschnitt', parentId: cast.section.id });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ parentId: cast.section.id, topicId: cast.topic.id });
  });

  it('lets a subgroup lead create sections of their own topic and not of others', async () => {
    const cast = buildCast(t.db);
    const other = buildTopic(t.db, { workspaceId: cast.workspace.id });
    const api = await signIn(t.url, cast.lead);
    const ws = cast.workspace.id;
    expect((await api.post(`/api/workspaces/${ws}/sections`, { title: 'Eigenes', topicId: cast.topic.id })).status).toBe(201);
    expect((await api.post(`/api/workspaces/${ws}/sections`, { title: 'Darunter', parentId: cast.section.id })).status).toBe(201);
    expect((await api.post(`/api/workspaces/${ws}/sections`, { title: 'Fremdes', topicId: other.id })).status).toBe(403);
    expect((await api.post(`/api/workspaces/${ws}/sections`, { title: 'Ohne Thema' })).status).toBe(403);
  });

  it('records section.created in the audit log', async () => {
    const { cast, A } = await outlineFixture();
    const entry = t.db.select().from(auditLog).where(eq(auditLog.entityId, A.id)).get();
    expect(entry).toMatchObject({ action: 'section.created', actorId: cast.moderator.id, workspaceId: cast.workspace.id });
  });
});

describe('moving sections', () => {
  it('reorders among siblings and keeps positions dense', async () => {
    const { api, ws, C } = await outlineFixture();
    const res = await api.patch(`/api/sections/${C.id}`, { position: 0 });
    expect(res.status).toBe(200);
    expect(res.body.position).toBe(0);
    expect(shape(await outline(api, ws)).filter((s) => s.includes('@-'))).toEqual(['C@-#0', 'A@-#1', 'B@-#2']);
  });

  it('moves a section with its subtree under another parent, dense on both parents', async () => {
    const { api, ws, A2, B } = await outlineFixture();
    const res = await api.patch(`/api/sections/${A2.id}`, { parentId: B.id });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ parentId: B.id, position: 0 });
    expect(shape(await outline(api, ws))).toEqual(['A@-#0', 'A1@A#0', 'B@-#1', 'A2@B#0', 'A2a@A2#0', 'C@-#2']);
  });

  it('moves a section to the root at a position', async () => {
    const { api, ws, A1 } = await outlineFixture();
    const res = await api.patch(`/api/sections/${A1.id}`, { parentId: null, position: 1 });
    expect(res.status).toBe(200);
    expect(shape(await outline(api, ws))).toEqual(['A@-#0', 'A2@A#0', 'A2a@A2#0', 'A1@-#1', 'B@-#2', 'C@-#3']);
  });

  it('clamps a position past the end to the end', async () => {
    const { api, ws, A } = await outlineFixture();
    expect((await api.patch(`/api/sections/${A.id}`, { position: 99 })).body.position).toBe(2);
    expect(shape(await outline(api, ws)).filter((s) => s.includes('@-'))).toEqual(['B@-#0', 'C@-#1', 'A@-#2']);
  });

  it('refuses to move a section under itself', async () => {
    const { api, A } = await outlineFixture();
    const res = await api.patch(`/api/sections/${A.id}`, { parentId: A.id });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('cannot move a section under itself or its descendant');
  });

  it('refuses to move a section under its own descendant and changes nothing', async () => {
    const { api, A, A2a } = await outlineFixture();
    const before = snapshotDatabase(t.db);
    const res = await api.patch(`/api/sections/${A.id}`, { parentId: A2a.id });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('parentId');
    expect(res.body.error.message).toContain('cannot move a section under itself or its descendant');
    expect(snapshotDatabase(t.db)).toEqual(before);
  });

  it('refuses a move that would nest deeper than the outline allows', async () => {
    const { api, ws, A, A2a } = await outlineFixture();
    const deep = await api.post(`/api/workspaces/${ws}/sections`, { title: 'A2a-i', parentId: A2a.id });
    expect(deep.status).toBe(201);
    const tooDeep = await api.post(`/api/workspaces/${ws}/sections`, { title: 'zu tief', parentId: deep.body.id });
    expect(tooDeep.status).toBe(400);
    expect(tooDeep.body.error.message).toContain('parentId');
    const B2 = await api.post(`/api/workspaces/${ws}/sections`, { title: 'B2' });
    const sub = await api.post(`/api/workspaces/${ws}/sections`, { title: 'B2-sub', parentId: B2.body.id });
    expect(sub.status).toBe(201);
    // B2 with its child is two levels; under A2a (level 3) it would reach level 5.
    expect((await api.patch(`/api/sections/${B2.body.id}`, { parentId: A2a.id })).status).toBe(400);
    expect((await api.patch(`/api/sections/${B2.body.id}`, { parentId: A.id })).status).toBe(200);
  });

  it('refuses a parent from another workspace without telling whether it exists', async () => {
    const { api, A } = await outlineFixture();
    const foreign = buildSection(t.db);
    const res = await api.patch(`/api/sections/${A.id}`, { parentId: foreign.id });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('parentId');
  });

  it('records section.moved', async () => {
    const { api, A2, B } = await outlineFixture();
    await api.patch(`/api/sections/${A2.id}`, { parentId: B.id });
    const actions = t.db.select().from(auditLog).where(eq(auditLog.entityId, A2.id)).all().map((e) => e.action);
    expect(actions).toContain('section.moved');
  });
});

describe('updating sections', () => {
  it('renames, assigns and sets a due date, with an audit entry for each', async () => {
    const cast = buildCast(t.db);
    const api = await signIn(t.url, cast.moderator);
    const res = await api.patch(`/api/sections/${cast.section.id}`, { title: 'Neuer Titel', assigneeId: cast.member.id, dueDate: '2027-01-31' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ title: 'Neuer Titel', assigneeId: cast.member.id, dueDate: '2027-01-31' });
    const actions = t.db.select().from(auditLog).where(eq(auditLog.entityId, cast.section.id)).all().map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['section.renamed', 'section.assigned', 'section.due_changed']));
  });

  it('notifies the new assignee and the subgroup of a status change, never the actor', async () => {
    const cast = buildCast(t.db);
    const moderator = await signIn(t.url, cast.moderator);
    await moderator.patch(`/api/sections/${cast.section.id}`, { assigneeId: cast.outsider.id });
    await moderator.patch(`/api/sections/${cast.section.id}`, { status: 'review' });
    const kinds = async (person: { email: string }) =>
      ((await (await signIn(t.url, person)).get('/api/notifications')).body.data as Array<{ kind: string }>).map((n) => n.kind).sort();
    expect(await kinds(cast.outsider)).toEqual(['assignment', 'status_change']);
    expect(await kinds(cast.member)).toEqual(['status_change']);
    expect(await kinds(cast.moderator)).toEqual([]);
  });

  it('refuses an observer or a stranger as assignee', async () => {
    const cast = buildCast(t.db);
    const api = await signIn(t.url, cast.moderator);
    for (const person of [cast.observer, cast.stranger]) {
      const res = await api.patch(`/api/sections/${cast.section.id}`, { assigneeId: person.id });
      expect(res.status).toBe(400);
      expect(res.body.error.message).toContain('assigneeId');
    }
  });

  it('lets the assignee of a section without topic write it and hand it to review', async () => {
    const cast = buildCast(t.db);
    const section = buildSection(t.db, { workspaceId: cast.workspace.id, assigneeId: cast.outsider.id, position: 1 });
    const api = await signIn(t.url, cast.outsider);
    const before = await api.get(`/api/sections/${section.id}`);
    expect(before.body.abilities).toMatchObject({ edit: true, setStatus: true, finalize: false });
    expect((await api.patch(`/api/sections/${section.id}`, { status: 'review' })).status).toBe(200);
    expect((await api.patch(`/api/sections/${section.id}`, { status: 'final' })).status).toBe(403);
  });

  it('walks the status workflow: lead to review, moderator to final, which locks the content', async () => {
    const cast = buildCast(t.db);
    const lead = await signIn(t.url, cast.lead);
    const moderator = await signIn(t.url, cast.moderator);
    const id = cast.section.id;
    expect((await lead.patch(`/api/sections/${id}`, { status: 'review' })).body.status).toBe('review');
    expect((await lead.patch(`/api/sections/${id}`, { status: 'final' })).status).toBe(403);
    const final = await moderator.patch(`/api/sections/${id}`, { status: 'final' });
    expect(final.body).toMatchObject({ status: 'final', abilities: { edit: false } });
    expect((await lead.get(`/api/sections/${id}`)).body.abilities).toMatchObject({ edit: false, setStatus: false });
    expect((await lead.patch(`/api/sections/${id}`, { status: 'draft' })).status).toBe(403);
    expect((await moderator.patch(`/api/sections/${id}`, { status: 'draft' })).body.abilities.edit).toBe(true);
    const actions = t.db.select().from(auditLog).where(eq(auditLog.entityId, id)).all().map((e) => e.action);
    expect(actions.filter((a) => a === 'section.status_changed')).toHaveLength(3);
  });

  it('lets a lead move a section only into a topic they lead', async () => {
    const cast = buildCast(t.db);
    const ledToo = buildTopic(t.db, { workspaceId: cast.workspace.id });
    const foreign = buildTopic(t.db, { workspaceId: cast.workspace.id });
    addToSubgroup(t.db, ledToo.id, cast.lead.id, true);
    const api = await signIn(t.url, cast.lead);
    expect((await api.patch(`/api/sections/${cast.section.id}`, { topicId: foreign.id })).status).toBe(403);
    expect((await api.patch(`/api/sections/${cast.section.id}`, { topicId: null })).status).toBe(403);
    const moved = await api.patch(`/api/sections/${cast.section.id}`, { topicId: ledToo.id });
    expect(moved.status).toBe(200);
    expect(moved.body.topicId).toBe(ledToo.id);
  });

  it('refuses a lead who moves their section under a section of another topic, or touches another topic’s section', async () => {
    const cast = buildCast(t.db);
    const foreignTopic = buildTopic(t.db, { workspaceId: cast.workspace.id });
    const foreign = buildSection(t.db, { workspaceId: cast.workspace.id, topicId: foreignTopic.id, position: 1 });
    const api = await signIn(t.url, cast.lead);
    const before = snapshotDatabase(t.db);
    expect((await api.patch(`/api/sections/${cast.section.id}`, { parentId: foreign.id })).status).toBe(403);
    expect((await api.patch(`/api/sections/${foreign.id}`, { title: 'fremd' })).status).toBe(403);
    expect((await api.delete(`/api/sections/${foreign.id}`)).status).toBe(403);
    expect(snapshotDatabase(t.db)).toEqual(before);
  });

  it('gives edit rights exactly to moderators, subgroup members and the assignee', async () => {
    const cast = buildCast(t.db);
    const expected: Array<[{ email: string }, boolean]> = [
      [cast.moderator, true],
      [cast.lead, true],
      [cast.member, true],
      [cast.outsider, false],
      [cast.observer, false],
    ];
    for (const [person, edit] of expected) {
      const api = await signIn(t.url, person);
      expect((await api.get(`/api/sections/${cast.section.id}`)).body.abilities.edit).toBe(edit);
    }
  });

  it('answers an update that changes nothing with the section', async () => {
    const cast = buildCast(t.db);
    const api = await signIn(t.url, cast.moderator);
    const before = snapshotDatabase(t.db);
    const res = await api.patch(`/api/sections/${cast.section.id}`, { title: cast.section.title });
    expect(res.status).toBe(200);
    expect(snapshotDatabase(t.db)).toEqual(before);
  });
});

describe('the trash', () => {
  it('moves a section and its descendants to the trash and closes the gap', async () => {
    const { api, ws, A, B } = await outlineFixture();
    expect((await api.delete(`/api/sections/${A.id}`)).status).toBe(204);
    expect(shape(await outline(api, ws))).toEqual(['B@-#0', 'C@-#1']);
    const trash = await api.get(`/api/workspaces/${ws}/sections?trash=1`);
    expect(trash.body.data.map((s: SectionJSON) => s.title).sort()).toEqual(['A', 'A1', 'A2', 'A2a']);
    expect(trash.body.data.every((s: SectionJSON) => s.deletedAt && !s.abilities.edit)).toBe(true);
    expect((await api.patch(`/api/sections/${A.id}`, { title: 'x' })).status).toBe(409);
    expect((await api.patch(`/api/sections/${A.id}`, { status: 'final' })).status).toBe(409);
    expect((await api.delete(`/api/sections/${A.id}`)).status).toBe(409);
    expect((await api.post(`/api/workspaces/${ws}/sections`, { title: 'x', parentId: A.id })).status).toBe(400);
    expect((await api.post(`/api/sections/${B.id}/restore`)).status).toBe(409);
  });

  it('restores a section with what was trashed with it at the end of its parent', async () => {
    const { api, ws, A, A1 } = await outlineFixture();
    await api.delete(`/api/sections/${A1.id}`);
    await api.delete(`/api/sections/${A.id}`);
    const res = await api.post(`/api/sections/${A.id}/restore`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: A.id, deletedAt: null, parentId: null, position: 2 });
    expect(shape(await outline(api, ws))).toEqual(['B@-#0', 'C@-#1', 'A@-#2', 'A2@A#0', 'A2a@A2#0']);
    // A1 went to the trash on its own earlier and stays there.
    const trash = await api.get(`/api/workspaces/${ws}/sections?trash=1`);
    expect(trash.body.data.map((s: SectionJSON) => s.id)).toEqual([A1.id]);
  });

  it('restores a section whose parent is still in the trash at the root', async () => {
    const { api, ws, A, A2 } = await outlineFixture();
    await api.delete(`/api/sections/${A.id}`);
    const res = await api.post(`/api/sections/${A2.id}/restore`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ parentId: null, position: 2 });
    expect(shape(await outline(api, ws))).toEqual(['B@-#0', 'C@-#1', 'A2@-#2', 'A2a@A2#0']);
  });

  it('records section.deleted and section.restored', async () => {
    const { api, B } = await outlineFixture();
    await api.delete(`/api/sections/${B.id}`);
    await api.post(`/api/sections/${B.id}/restore`);
    const actions = t.db.select().from(auditLog).where(eq(auditLog.entityId, B.id)).all().map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['section.deleted', 'section.restored']));
  });

  it('refuses a lead who would trash another topic’s section nested below theirs', async () => {
    const cast = buildCast(t.db);
    const foreignTopic = buildTopic(t.db, { workspaceId: cast.workspace.id });
    buildSection(t.db, { workspaceId: cast.workspace.id, topicId: foreignTopic.id, parentId: cast.section.id });
    const before = snapshotDatabase(t.db);
    const res = await (await signIn(t.url, cast.lead)).delete(`/api/sections/${cast.section.id}`);
    expect(res.status).toBe(403);
    expect(snapshotDatabase(t.db)).toEqual(before);
    expect((await (await signIn(t.url, cast.moderator)).delete(`/api/sections/${cast.section.id}`)).status).toBe(204);
  });

  it('lets only moderators restore', async () => {
    const cast = buildCast(t.db);
    const moderator = await signIn(t.url, cast.moderator);
    await moderator.delete(`/api/sections/${cast.section.id}`);
    const lead = await signIn(t.url, cast.lead);
    expect((await lead.post(`/api/sections/${cast.section.id}/restore`)).status).toBe(403);
  });
});

describe('permissions reach the co-editing server', () => {
  it('tells the collab hooks about status changes and trash', async () => {
    const cast = buildCast(t.db);
    const calls: unknown[] = [];
    const hooks = t.server.ctx.collab;
    const original = hooks.permissionsChanged;
    hooks.permissionsChanged = (scope) => {
      calls.push(scope);
      original.call(hooks, scope);
    };
    try {
      const api = await signIn(t.url, cast.moderator);
      await api.patch(`/api/sections/${cast.section.id}`, { status: 'final' });
      await api.delete(`/api/sections/${cast.section.id}`);
    } finally {
      hooks.permissionsChanged = original;
    }
    expect(calls).toEqual([
      { workspaceId: cast.workspace.id, sectionIds: [cast.section.id] },
      { workspaceId: cast.workspace.id, sectionIds: [cast.section.id] },
    ]);
  });
});

describe('a member of one workspace', () => {
  it('cannot see the sections of another', async () => {
    const cast = buildCast(t.db);
    const api = await signIn(t.url, cast.stranger);
    expect((await api.get(`/api/workspaces/${cast.workspace.id}/sections`)).status).toBe(404);
    expect((await api.get(`/api/sections/${cast.section.id}`)).status).toBe(404);
  });
});

describe('realtime', () => {
  const secret = () => t.server.ctx.config.secret;
  async function socketFor(userId: string): Promise<Socket> {
    const socket = connect(t.url, { auth: { token: buildApiToken(t.db, secret(), userId) }, transports: ['websocket'], reconnection: false });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    return socket;
  }

  it('sends section.updated after the write, with each recipient’s own abilities, and nothing to strangers', async () => {
    const cast = buildCast(t.db);
    const member = await socketFor(cast.member.id);
    const observer = await socketFor(cast.observer.id);
    const stranger = await socketFor(cast.stranger.id);
    const strangerGot: unknown[] = [];
    stranger.on('section.updated', (payload) => strangerGot.push(payload));
    try {
      const forMember = new Promise<SectionJSON>((resolve) => member.once('section.updated', resolve));
      const forObserver = new Promise<SectionJSON>((resolve) => observer.once('section.updated', resolve));
      const api = await signIn(t.url, cast.moderator);
      expect((await api.patch(`/api/sections/${cast.section.id}`, { title: 'Live' })).status).toBe(200);
      expect(await forMember).toMatchObject({ id: cast.section.id, title: 'Live', abilities: { edit: true, update: false } });
      expect(await forObserver).toMatchObject({ id: cast.section.id, title: 'Live', abilities: { edit: false } });
      // Let anything misrouted arrive before asserting that nothing did.
      await api.get('/api/me');
      expect(strangerGot).toEqual([]);
    } finally {
      for (const s of [member, observer, stranger]) s.close();
    }
  });

  it('sends nothing when a write is refused', async () => {
    const cast = buildCast(t.db);
    const member = await socketFor(cast.member.id);
    const got: unknown[] = [];
    member.onAny((event) => got.push(event));
    try {
      const observer = await signIn(t.url, cast.observer);
      expect((await observer.patch(`/api/sections/${cast.section.id}`, { title: 'x' })).status).toBe(403);
      await observer.get('/api/me');
      expect(got).toEqual([]);
    } finally {
      member.close();
    }
  });
});
