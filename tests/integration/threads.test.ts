/**
 * Comment threads on sections: the role matrix, bad input, resolve and reopen, edit and
 * delete rules, anchors that follow co-edited text and turn detached when their passage is
 * deleted, mentions, realtime events and the activity feed.
 */
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docNames, limits } from '@konvent/shared';
import { buildApiToken, buildCast, buildMember, buildSection, snapshotDatabase } from '../support/factories';
import { ApiClient } from '../support/http';
import { startTestServer, type TestServer } from '../support/server';
import { connectSocket, type TestSocket } from '../support/sockets';
import { appendParagraph, connectClient, fragment, waitFor, type YClient } from '../support/yclient';

let t: TestServer;
let cast: ReturnType<typeof buildCast>;
const clients: YClient[] = [];
const sockets: TestSocket[] = [];

beforeAll(async () => {
  t = await startTestServer();
  cast = buildCast(t.db);
});
afterAll(async () => {
  for (const s of sockets) s.close();
  for (const c of clients) c.destroy();
  await t.stop();
});

type Person = { id: string };
const tokens = new Map<string, string>();
const tokenOf = (p: Person) => {
  if (!tokens.has(p.id)) tokens.set(p.id, buildApiToken(t.db, t.server.ctx.config.secret, p.id));
  return tokens.get(p.id)!;
};
const as = (p: Person) => new ApiClient(t.url, { token: tokenOf(p) });
const anonymous = () => new ApiClient(t.url);

/** Base64 of a Yjs relative position at `index` in `type`, as the client sends it. */
const relPos = (type: Y.AbstractType<any>, index: number) =>
  Buffer.from(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(type, index))).toString('base64');

const firstText = (doc: Y.Doc) => (fragment(doc).get(0) as Y.XmlElement).get(0) as Y.XmlText;

async function openThread(person: Person, sectionId = cast.section.id, body = 'Bitte die Zahlen prüfen.') {
  const res = await as(person).post(`/api/sections/${sectionId}/threads`, { body });
  expect(res.status).toBe(201);
  return res.body;
}

const threadCount = () => (t.db.$client.prepare('SELECT COUNT(*) AS n FROM threads').get() as { n: number }).n;
const commentCount = () => (t.db.$client.prepare('SELECT COUNT(*) AS n FROM comments').get() as { n: number }).n;
const notificationCount = () => (t.db.$client.prepare('SELECT COUNT(*) AS n FROM notifications').get() as { n: number }).n;

describe('the thread contract', () => {
  it('creates a thread with its first comment and lists it with anchor, comments and abilities', async () => {
    const created = await openThread(cast.member, cast.section.id, 'Quelle fehlt.');
    expect(created).toMatchObject({
      id: expect.any(String),
      resolved: false,
      anchor: null,
      detached: false,
      createdById: cast.member.id,
      comments: [{ id: expect.any(String), body: 'Quelle fehlt.', authorId: cast.member.id, createdAt: expect.any(String) }],
      abilities: { reply: true, resolve: true, delete: true },
    });
    const list = await as(cast.observer).get(`/api/sections/${cast.section.id}/threads`);
    expect(list.status).toBe(200);
    const listed = list.body.data.find((th: any) => th.id === created.id);
    expect(listed.comments).toEqual([expect.objectContaining({ id: created.comments[0].id, body: 'Quelle fehlt.', authorId: cast.member.id })]);
    expect(listed.abilities).toEqual({ reply: false, resolve: false, delete: false });
    expect(listed.comments[0].abilities).toEqual({ edit: false, delete: false });
  });

  it('adds a reply with 201 and the comment, stamped with the caller as author', async () => {
    const thread = await openThread(cast.member);
    const res = await as(cast.lead).post(`/api/threads/${thread.id}/comments`, { body: 'Erledigt.' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ id: expect.any(String), threadId: thread.id, body: 'Erledigt.', authorId: cast.lead.id });
    const list = await as(cast.member).get(`/api/sections/${cast.section.id}/threads`);
    expect(list.body.data.find((th: any) => th.id === thread.id).comments.map((c: any) => c.body)).toEqual([
      'Bitte die Zahlen prüfen.',
      'Erledigt.',
    ]);
  });

  it('ignores an authorId sent by the client: unknown fields are refused', async () => {
    const res = await as(cast.member).post(`/api/sections/${cast.section.id}/threads`, { body: 'x', authorId: cast.moderator.id });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/authorId/);
  });
});

describe('role matrix', () => {
  const writers = ['moderator', 'lead', 'member', 'outsider'] as const;

  it('lets every member read threads, hides them from strangers (404) and refuses callers without a session (401)', async () => {
    const path = `/api/sections/${cast.section.id}/threads`;
    for (const who of [...writers, 'observer'] as const) expect((await as(cast[who]).get(path)).status).toBe(200);
    expect((await as(cast.stranger).get(path)).status).toBe(404);
    expect((await anonymous().get(path)).status).toBe(401);
  });

  it('lets moderators, leads and members open threads; observers get 403, strangers 404, no session 401', async () => {
    const path = `/api/sections/${cast.section.id}/threads`;
    for (const who of writers) expect((await as(cast[who]).post(path, { body: `von ${who}` })).status).toBe(201);
    const before = threadCount();
    expect((await as(cast.observer).post(path, { body: 'Gast' })).status).toBe(403);
    expect((await as(cast.stranger).post(path, { body: 'fremd' })).status).toBe(404);
    expect((await anonymous().post(path, { body: 'anonym' })).status).toBe(401);
    expect(threadCount()).toBe(before);
  });

  it('lets writers reply and resolve; observers, strangers and callers without a session cannot', async () => {
    const thread = await openThread(cast.member);
    for (const who of writers) {
      expect((await as(cast[who]).post(`/api/threads/${thread.id}/comments`, { body: `Antwort ${who}` })).status).toBe(201);
    }
    const before = commentCount();
    expect((await as(cast.observer).post(`/api/threads/${thread.id}/comments`, { body: 'x' })).status).toBe(403);
    expect((await as(cast.stranger).post(`/api/threads/${thread.id}/comments`, { body: 'x' })).status).toBe(404);
    expect((await anonymous().post(`/api/threads/${thread.id}/comments`, { body: 'x' })).status).toBe(401);
    expect(commentCount()).toBe(before);

    expect((await as(cast.observer).patch(`/api/threads/${thread.id}`, { resolved: true })).status).toBe(403);
    expect((await as(cast.stranger).patch(`/api/threads/${thread.id}`, { resolved: true })).status).toBe(404);
    expect((await anonymous().patch(`/api/threads/${thread.id}`, { resolved: true })).status).toBe(401);
    for (const who of writers) {
      const resolved = await as(cast[who]).patch(`/api/threads/${thread.id}`, { resolved: true });
      expect(resolved.status).toBe(200);
      expect(resolved.body.resolved).toBe(true);
      const reopened = await as(cast[who]).patch(`/api/threads/${thread.id}`, { resolved: false });
      expect(reopened.body.resolved).toBe(false);
    }
  });

  it('lets only the author edit a comment, not even a moderator', async () => {
    const thread = await openThread(cast.member);
    const commentId = thread.comments[0].id;
    for (const who of ['moderator', 'lead', 'outsider', 'observer'] as const) {
      expect((await as(cast[who]).patch(`/api/comments/${commentId}`, { body: 'geändert' })).status).toBe(403);
    }
    expect((await as(cast.stranger).patch(`/api/comments/${commentId}`, { body: 'geändert' })).status).toBe(404);
    const res = await as(cast.member).patch(`/api/comments/${commentId}`, { body: 'Bitte die Zahlen von 2024 prüfen.' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ body: 'Bitte die Zahlen von 2024 prüfen.', editedAt: expect.any(String) });
  });

  it('lets the author or a moderator delete a comment, nobody else', async () => {
    const thread = await openThread(cast.member);
    const reply = (await as(cast.lead).post(`/api/threads/${thread.id}/comments`, { body: 'Antwort' })).body;
    for (const who of ['member', 'outsider', 'observer'] as const) {
      expect((await as(cast[who]).delete(`/api/comments/${reply.id}`)).status).toBe(403);
    }
    expect((await as(cast.stranger).delete(`/api/comments/${reply.id}`)).status).toBe(404);
    expect((await as(cast.moderator).delete(`/api/comments/${reply.id}`)).status).toBe(204);
    const own = (await as(cast.lead).post(`/api/threads/${thread.id}/comments`, { body: 'noch eine' })).body;
    expect((await as(cast.lead).delete(`/api/comments/${own.id}`)).status).toBe(204);
    const list = await as(cast.member).get(`/api/sections/${cast.section.id}/threads`);
    expect(list.body.data.find((th: any) => th.id === thread.id).comments.map((c: any) => c.id)).toEqual([thread.comments[0].id]);
  });

  it('lets the thread author or a moderator delete a thread, nobody else', async () => {
    const thread = await openThread(cast.member);
    for (const who of ['lead', 'outsider', 'observer'] as const) {
      expect((await as(cast[who]).delete(`/api/threads/${thread.id}`)).status).toBe(403);
    }
    expect((await as(cast.stranger).delete(`/api/threads/${thread.id}`)).status).toBe(404);
    expect((await as(cast.member).delete(`/api/threads/${thread.id}`)).status).toBe(204);
    const other = await openThread(cast.lead);
    expect((await as(cast.moderator).delete(`/api/threads/${other.id}`)).status).toBe(204);
    const list = await as(cast.member).get(`/api/sections/${cast.section.id}/threads`);
    expect(list.body.data.map((th: any) => th.id)).not.toContain(thread.id);
    expect(list.body.data.map((th: any) => th.id)).not.toContain(other.id);
  });

  it('shows each caller their own abilities on the same thread', async () => {
    const thread = await openThread(cast.member);
    const abilities = async (p: Person) =>
      (await as(p).get(`/api/sections/${cast.section.id}/threads`)).body.data.find((th: any) => th.id === thread.id).abilities;
    expect(await abilities(cast.member)).toEqual({ reply: true, resolve: true, delete: true });
    expect(await abilities(cast.outsider)).toEqual({ reply: true, resolve: true, delete: false });
    expect(await abilities(cast.moderator)).toEqual({ reply: true, resolve: true, delete: true });
    expect(await abilities(cast.observer)).toEqual({ reply: false, resolve: false, delete: false });
  });
});

describe('rules and bad input', () => {
  it('refuses a reply to a resolved thread with 409 until it is reopened', async () => {
    const thread = await openThread(cast.member);
    await as(cast.lead).patch(`/api/threads/${thread.id}`, { resolved: true });
    const before = commentCount();
    const refused = await as(cast.member).post(`/api/threads/${thread.id}/comments`, { body: 'Noch etwas' });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(/reopen/i);
    expect(commentCount()).toBe(before);
    const list = await as(cast.member).get(`/api/sections/${cast.section.id}/threads`);
    expect(list.body.data.find((th: any) => th.id === thread.id).abilities.reply).toBe(false);
    await as(cast.member).patch(`/api/threads/${thread.id}`, { resolved: false });
    expect((await as(cast.member).post(`/api/threads/${thread.id}/comments`, { body: 'Noch etwas' })).status).toBe(201);
  });

  it('records who resolved a thread and when', async () => {
    const thread = await openThread(cast.member);
    const res = await as(cast.lead).patch(`/api/threads/${thread.id}`, { resolved: true });
    expect(res.body).toMatchObject({ resolved: true, resolvedById: cast.lead.id, resolvedAt: expect.any(String) });
  });

  it('refuses empty and over-long bodies with 400 naming body, writing nothing', async () => {
    const thread = await openThread(cast.member);
    const before = snapshotDatabase(t.db);
    const counts = [threadCount(), commentCount()];
    const tooLong = 'x'.repeat(limits.commentMax + 1);
    for (const res of [
      await as(cast.member).post(`/api/sections/${cast.section.id}/threads`, { body: '' }),
      await as(cast.member).post(`/api/sections/${cast.section.id}/threads`, { body: '   ' }),
      await as(cast.member).post(`/api/sections/${cast.section.id}/threads`, { body: tooLong }),
      await as(cast.member).post(`/api/sections/${cast.section.id}/threads`, {}),
      await as(cast.member).post(`/api/threads/${thread.id}/comments`, { body: '' }),
      await as(cast.member).post(`/api/threads/${thread.id}/comments`, { body: tooLong }),
      await as(cast.member).patch(`/api/comments/${thread.comments[0].id}`, { body: '' }),
    ]) {
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(/body/);
    }
    expect(snapshotDatabase(t.db)).toEqual(before);
    expect([threadCount(), commentCount()]).toEqual(counts);
  });

  it('refuses malformed anchors with 400 naming the anchor field', async () => {
    const path = `/api/sections/${cast.section.id}/threads`;
    const doc = new Y.Doc();
    appendParagraph(doc, 'Text');
    const good = relPos(firstText(doc), 1);
    const cases: [unknown, RegExp][] = [
      [{ from: good, to: good, quote: 'x'.repeat(501) }, /anchor\.quote/],
      [{ from: 'not base64!', to: good, quote: 'x' }, /anchor\.from/],
      [{ from: good, quote: 'x' }, /anchor\.to/],
      [{ from: good, to: good, quote: 'x', extra: 1 }, /anchor\.extra/],
      // Base64, but not a relative position.
      [{ from: 'CQkJ', to: good, quote: 'x' }, /anchor/],
      // A relative position in another root type than the editor's field.
      [{ from: good, to: Buffer.from(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(doc.getText('other'), 0))).toString('base64'), quote: 'x' }, /anchor/],
    ];
    const before = threadCount();
    for (const [anchor, field] of cases) {
      const res = await as(cast.member).post(path, { body: 'Hier', anchor });
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(field);
    }
    expect(threadCount()).toBe(before);
  });

  it('answers 404 for threads of unknown sections and for deleted threads', async () => {
    expect((await as(cast.member).get('/api/sections/no-such-section/threads')).status).toBe(404);
    expect((await as(cast.member).post('/api/sections/no-such-section/threads', { body: 'x' })).status).toBe(404);
    const thread = await openThread(cast.member);
    await as(cast.member).delete(`/api/threads/${thread.id}`);
    expect((await as(cast.member).get(`/api/threads/${thread.id}`)).status).toBe(404);
    expect((await as(cast.member).post(`/api/threads/${thread.id}/comments`, { body: 'x' })).status).toBe(404);
    expect((await as(cast.member).patch(`/api/threads/${thread.id}`, { resolved: true })).status).toBe(404);
    expect((await as(cast.member).patch(`/api/comments/${thread.comments[0].id}`, { body: 'x' })).status).toBe(404);
  });

  it('refuses comments on a section in the trash with 409 but still lists its threads', async () => {
    const section = buildSection(t.db, { workspaceId: cast.workspace.id, topicId: cast.topic.id });
    const thread = await openThread(cast.member, section.id);
    t.db.$client.prepare('UPDATE sections SET deleted_at = ? WHERE id = ?').run(Date.now(), section.id);
    expect((await as(cast.member).post(`/api/sections/${section.id}/threads`, { body: 'x' })).status).toBe(409);
    expect((await as(cast.member).post(`/api/threads/${thread.id}/comments`, { body: 'x' })).status).toBe(409);
    const list = await as(cast.member).get(`/api/sections/${section.id}/threads`);
    expect(list.status).toBe(200);
    expect(list.body.data.map((th: any) => th.id)).toEqual([thread.id]);
  });

  it('deletes a thread together with its last comment, but keeps it while replies remain', async () => {
    const lonely = await openThread(cast.member);
    expect((await as(cast.member).delete(`/api/comments/${lonely.comments[0].id}`)).status).toBe(204);
    expect((await as(cast.member).get(`/api/threads/${lonely.id}`)).status).toBe(404);

    const busy = await openThread(cast.member);
    await as(cast.lead).post(`/api/threads/${busy.id}/comments`, { body: 'Antwort bleibt' });
    expect((await as(cast.member).delete(`/api/comments/${busy.comments[0].id}`)).status).toBe(204);
    const after = await as(cast.member).get(`/api/threads/${busy.id}`);
    expect(after.status).toBe(200);
    expect(after.body.comments.map((c: any) => c.body)).toEqual(['Antwort bleibt']);
  });
});

describe('anchors', () => {
  it('keeps an anchor attached while people type around it and reports it detached once the passage is deleted', async () => {
    const section = buildSection(t.db, { workspaceId: cast.workspace.id, topicId: cast.topic.id });
    const client = connectClient(t.wsUrl, docNames.section(section.id), { token: tokenOf(cast.member) });
    clients.push(client);
    await client.synced();
    appendParagraph(client.doc, 'Die Kommunen nutzen Open Source seit Jahren.');
    const text = firstText(client.doc);
    const anchor = { from: relPos(text, 4), to: relPos(text, 12), quote: 'Kommunen' };
    const threadsOf = async () => (await as(cast.member).get(`/api/sections/${section.id}/threads`)).body.data;
    await waitFor(async () => (await as(cast.member).get(`/api/sections/${section.id}/content?format=text`)).body?.includes?.('Kommunen'), {
      message: 'the server has the text',
    });

    const created = await as(cast.member).post(`/api/sections/${section.id}/threads`, { body: 'Welche?', anchor });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ anchor, quote: 'Kommunen', detached: false });

    text.insert(0, 'Heute: ');
    text.insert(text.length, ' Und morgen.');
    await waitFor(async () => (await as(cast.member).get(`/api/sections/${section.id}/content?format=text`)).body?.includes?.('morgen'), {
      message: 'the server has the edits around the passage',
    });
    expect((await threadsOf())[0]).toMatchObject({ id: created.body.id, detached: false, quote: 'Kommunen' });

    text.delete(11, 'Kommunen'.length);
    const detached = await waitFor(async () => (await threadsOf()).find((th: any) => th.detached));
    expect(detached).toMatchObject({ id: created.body.id, quote: 'Kommunen', detached: true });
  });

  it('reports a thread detached when its whole paragraph is deleted, and still lists it', async () => {
    const section = buildSection(t.db, { workspaceId: cast.workspace.id, topicId: cast.topic.id });
    const client = connectClient(t.wsUrl, docNames.section(section.id), { token: tokenOf(cast.lead) });
    clients.push(client);
    await client.synced();
    appendParagraph(client.doc, 'Erster Absatz.');
    appendParagraph(client.doc, 'Zweiter Absatz bleibt.');
    const text = firstText(client.doc);
    await waitFor(async () => (await as(cast.lead).get(`/api/sections/${section.id}/content?format=text`)).body?.includes?.('Zweiter'));
    const created = await as(cast.lead).post(`/api/sections/${section.id}/threads`, {
      body: 'Streichen?',
      anchor: { from: relPos(text, 0), to: relPos(text, 6), quote: 'Erster' },
    });
    expect(created.body.detached).toBe(false);
    fragment(client.doc).delete(0, 1);
    const list = await waitFor(async () => {
      const data = (await as(cast.lead).get(`/api/sections/${section.id}/threads`)).body.data;
      return data[0]?.detached ? data : null;
    });
    expect(list.map((th: any) => th.id)).toEqual([created.body.id]);
  });

  it('reads anchors against the stored document when nobody has the section open', async () => {
    const section = buildSection(t.db, { workspaceId: cast.workspace.id, topicId: cast.topic.id });
    const name = docNames.section(section.id);
    const doc = new Y.Doc();
    appendParagraph(doc, 'Gespeicherter Text über Straßenbeleuchtung.');
    t.db.$client
      .prepare('INSERT INTO documents (name, snapshot, compacted_through) VALUES (?, ?, 0)')
      .run(name, Buffer.from(Y.encodeStateAsUpdate(doc)));
    const text = firstText(doc);
    const created = await as(cast.member).post(`/api/sections/${section.id}/threads`, {
      body: 'Genauer?',
      anchor: { from: relPos(text, 24), to: relPos(text, 42), quote: 'Straßenbeleuchtung' },
    });
    expect(created.body.detached).toBe(false);

    // What the collab server appends when someone deletes the word.
    const before = Y.encodeStateVector(doc);
    text.delete(24, 18);
    t.db.$client
      .prepare('INSERT INTO document_updates (document_name, "update", user_id, created_at) VALUES (?, ?, ?, ?)')
      .run(name, Buffer.from(Y.encodeStateAsUpdate(doc, before)), cast.member.id, Date.now());
    const list = await as(cast.member).get(`/api/sections/${section.id}/threads`);
    expect(list.body.data).toEqual([expect.objectContaining({ id: created.body.id, detached: true, quote: 'Straßenbeleuchtung' })]);
  });
});

describe('mentions', () => {
  it('stores mentions with the person’s real name and lists their ids', async () => {
    const res = await as(cast.member).post(`/api/sections/${cast.section.id}/threads`, {
      body: `Frage an @[Chefin](user:${cast.lead.id}): passt das?`,
    });
    expect(res.status).toBe(201);
    const lead = t.db.$client.prepare('SELECT name FROM users WHERE id = ?').get(cast.lead.id) as { name: string };
    expect(res.body.comments[0].body).toBe(`Frage an @[${lead.name}](user:${cast.lead.id}): passt das?`);
    expect(res.body.comments[0].mentions).toEqual([cast.lead.id]);
  });

  it('refuses a mention of someone outside the workspace with 400 naming body, writing nothing', async () => {
    const thread = await openThread(cast.member);
    const before = [threadCount(), commentCount(), notificationCount()];
    const audit = snapshotDatabase(t.db);
    for (const res of [
      await as(cast.member).post(`/api/sections/${cast.section.id}/threads`, { body: `Hallo @[X](user:${cast.stranger.id})` }),
      await as(cast.member).post(`/api/threads/${thread.id}/comments`, { body: `Hallo @[X](user:${cast.stranger.id})` }),
      await as(cast.member).post(`/api/threads/${thread.id}/comments`, { body: 'Hallo @[Niemand](user:no-such-user)' }),
      await as(cast.member).patch(`/api/comments/${thread.comments[0].id}`, { body: `Hallo @[X](user:${cast.stranger.id})` }),
    ]) {
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(/body/);
      expect(res.body.error.message).toMatch(/not a member/);
    }
    expect([threadCount(), commentCount(), notificationCount()]).toEqual(before);
    expect(snapshotDatabase(t.db)).toEqual(audit);
  });

  it('notifies a mentioned person live in their user room', async () => {
    const socket = await connectSocket(t.url, { token: tokenOf(cast.outsider) });
    sockets.push(socket);
    const res = await as(cast.member).post(`/api/sections/${cast.section.id}/threads`, {
      body: `@[O](user:${cast.outsider.id}) bitte ansehen`,
    });
    const event = await socket.next('notification.created', (n) => n.threadId === res.body.id);
    expect(event).toMatchObject({ kind: 'mention', read: false, sectionId: cast.section.id, actor: { id: cast.member.id } });
  });
});

describe('realtime events', () => {
  it('sends comment.created with the thread to the workspace room, with each recipient’s abilities, and nothing to strangers', async () => {
    const observer = await connectSocket(t.url, { token: tokenOf(cast.observer) });
    const member = await connectSocket(t.url, { token: tokenOf(cast.lead) });
    const stranger = await connectSocket(t.url, { token: tokenOf(cast.stranger) });
    sockets.push(observer, member, stranger);
    const thread = await openThread(cast.member, cast.section.id, 'Live-Kommentar');
    const forObserver = await observer.next('comment.created', (c) => c.threadId === thread.id);
    const forLead = await member.next('comment.created', (c) => c.threadId === thread.id);
    expect(forObserver).toMatchObject({ body: 'Live-Kommentar', thread: { id: thread.id, abilities: { reply: false } } });
    expect(forLead).toMatchObject({ body: 'Live-Kommentar', thread: { id: thread.id, abilities: { reply: true } } });

    const reply = (await as(cast.lead).post(`/api/threads/${thread.id}/comments`, { body: 'Antwort live' })).body;
    expect(await observer.next('comment.created', (c) => c.id === reply.id)).toMatchObject({ body: 'Antwort live' });
    await as(cast.lead).patch(`/api/threads/${thread.id}`, { resolved: true });
    expect(await observer.next('thread.updated', (th) => th.id === thread.id)).toMatchObject({ resolved: true });
    await as(cast.lead).patch(`/api/comments/${reply.id}`, { body: 'Antwort geändert' });
    expect(await observer.next('comment.updated', (c) => c.id === reply.id)).toMatchObject({ body: 'Antwort geändert' });
    await as(cast.lead).delete(`/api/comments/${reply.id}`);
    expect(await observer.next('comment.deleted', (c) => c.id === reply.id)).toEqual({
      id: reply.id,
      threadId: thread.id,
      sectionId: cast.section.id,
      workspaceId: cast.workspace.id,
    });
    await as(cast.member).delete(`/api/threads/${thread.id}`);
    await observer.next('thread.deleted', (th) => th.id === thread.id);
    expect(stranger.events.filter((e) => e.event.startsWith('comment.') || e.event.startsWith('thread.'))).toEqual([]);
  });

  it('stops sending comment events to someone the moment their membership ends', async () => {
    const leaving = buildMember(t.db, { workspaceId: cast.workspace.id, role: 'member' });
    const staying = await connectSocket(t.url, { token: tokenOf(cast.outsider) });
    const socket = await connectSocket(t.url, { token: tokenOf(leaving) });
    sockets.push(staying, socket);
    const before = await openThread(cast.member, cast.section.id, 'Noch dabei');
    await socket.next('comment.created', (c) => c.threadId === before.id);
    // Only the membership row goes: even a socket still in the room gets nothing more.
    t.db.$client.prepare('DELETE FROM memberships WHERE user_id = ? AND workspace_id = ?').run(leaving.id, cast.workspace.id);
    const after = await openThread(cast.member, cast.section.id, 'Nicht mehr dabei');
    await staying.next('comment.created', (c) => c.threadId === after.id);
    expect(socket.received('comment.created').map((c) => c.threadId)).toEqual([before.id]);
  });

  it('authenticates sockets with the session cookie like the browser', async () => {
    const person = buildMember(t.db, { workspaceId: cast.workspace.id, role: 'member' });
    const api = new ApiClient(t.url);
    await api.login(person.email, 'test-password-123');
    const socket = await connectSocket(t.url, { cookie: api.cookie });
    sockets.push(socket);
    const thread = await openThread(cast.member, cast.section.id, 'Für alle');
    expect(await socket.next('comment.created', (c) => c.threadId === thread.id)).toMatchObject({ body: 'Für alle' });
  });
});

describe('activity feed', () => {
  it('records comment.created and thread.resolved for the dashboard feed', async () => {
    const thread = await openThread(cast.member, cast.section.id, 'Fürs Protokoll');
    await as(cast.lead).patch(`/api/threads/${thread.id}`, { resolved: true });
    const feed = await as(cast.observer).get(`/api/workspaces/${cast.workspace.id}/activity`);
    expect(feed.status).toBe(200);
    const mine = feed.body.data.filter((a: any) => a.entityId === thread.id || a.entityId === thread.comments[0].id);
    expect(mine.map((a: any) => a.action).sort()).toEqual(['comment.created', 'thread.resolved']);
    expect(mine.find((a: any) => a.action === 'comment.created')).toMatchObject({
      actorId: cast.member.id,
      data: expect.objectContaining({ sectionId: cast.section.id, threadId: thread.id }),
    });
  });
});
