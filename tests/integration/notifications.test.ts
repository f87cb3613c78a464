/**
 * Notifications: who is told of what (mentions, replies, comments on assigned sections,
 * assignments, status changes), never the actor, the list contract with unreadCount,
 * marking read, and the live notification events in the user room.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifyAssignment, notifyStatusChange } from '../../server/src/commands/notifier';
import { publishNotifications } from '../../server/src/routes/notifications/publish';
import { buildApiToken, buildCast, buildMember, buildSection } from '../support/factories';
import { ApiClient } from '../support/http';
import { startTestServer, type TestServer } from '../support/server';
import { connectSocket, type TestSocket } from '../support/sockets';

let t: TestServer;
const sockets: TestSocket[] = [];
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  for (const s of sockets) s.close();
  await t.stop();
});

type Person = { id: string };
const tokens = new Map<string, string>();
const tokenOf = (p: Person) => {
  if (!tokens.has(p.id)) tokens.set(p.id, buildApiToken(t.db, t.server.ctx.config.secret, p.id));
  return tokens.get(p.id)!;
};
const as = (p: Person) => new ApiClient(t.url, { token: tokenOf(p) });
const mention = (p: Person) => `@[Name](user:${p.id})`;

async function notificationsOf(p: Person) {
  const res = await as(p).get('/api/notifications');
  expect(res.status).toBe(200);
  return res.body as { data: any[]; unreadCount: number };
}

async function openThread(p: Person, sectionId: string, body: string) {
  const res = await as(p).post(`/api/sections/${sectionId}/threads`, { body });
  expect(res.status).toBe(201);
  return res.body;
}

describe('who is notified of comments', () => {
  it('notifies the people mentioned, with actor, section, thread, text and link', async () => {
    const cast = buildCast(t.db);
    const thread = await openThread(cast.member, cast.section.id, `Bitte prüfen, ${mention(cast.lead)} und ${mention(cast.observer)}.`);
    for (const p of [cast.lead, cast.observer]) {
      const { data, unreadCount } = await notificationsOf(p);
      expect(unreadCount).toBe(1);
      expect(data).toEqual([
        expect.objectContaining({
          id: expect.any(String),
          kind: 'mention',
          read: false,
          createdAt: expect.any(String),
          workspaceId: cast.workspace.id,
          sectionId: cast.section.id,
          sectionTitle: cast.section.title,
          threadId: thread.id,
          commentId: thread.comments[0].id,
          actor: { id: cast.member.id, name: cast.member.name },
          text: `${cast.member.name} hat Sie in „${cast.section.title}“ erwähnt.`,
          link: `/a/${cast.workspace.id}/bericht/${cast.section.id}?thread=${thread.id}`,
          excerpt: expect.stringContaining('Bitte prüfen'),
        }),
      ]);
    }
    expect((await notificationsOf(cast.outsider)).data).toEqual([]);
  });

  it('never notifies the actor, not even of their own mention', async () => {
    const cast = buildCast(t.db);
    await openThread(cast.member, cast.section.id, `Notiz an mich: ${mention(cast.member)}`);
    expect((await notificationsOf(cast.member)).data).toEqual([]);
  });

  it('notifies everyone who started or wrote in a thread of a reply, except the replier', async () => {
    const cast = buildCast(t.db);
    const thread = await openThread(cast.member, cast.section.id, 'Frage');
    await as(cast.lead).post(`/api/threads/${thread.id}/comments`, { body: 'Erste Antwort' });
    const reply = (await as(cast.outsider).post(`/api/threads/${thread.id}/comments`, { body: 'Zweite Antwort' })).body;
    const ofMember = (await notificationsOf(cast.member)).data;
    expect(ofMember.map((n) => n.kind)).toEqual(['reply', 'reply']);
    expect(ofMember[0]).toMatchObject({ commentId: reply.id, actor: { id: cast.outsider.id }, threadId: thread.id });
    expect((await notificationsOf(cast.lead)).data).toEqual([expect.objectContaining({ kind: 'reply', commentId: reply.id })]);
    expect((await notificationsOf(cast.outsider)).data).toEqual([]);
    expect((await notificationsOf(cast.moderator)).data).toEqual([]);
  });

  it('sends one notification per person and comment: a mention wins over a reply', async () => {
    const cast = buildCast(t.db);
    const thread = await openThread(cast.member, cast.section.id, 'Frage');
    await as(cast.lead).post(`/api/threads/${thread.id}/comments`, { body: `Siehe ${mention(cast.member)}` });
    expect((await notificationsOf(cast.member)).data.map((n) => n.kind)).toEqual(['mention']);
  });

  it('tells the assignee of a section about comments on it', async () => {
    const cast = buildCast(t.db);
    const section = buildSection(t.db, { workspaceId: cast.workspace.id, assigneeId: cast.outsider.id });
    const thread = await openThread(cast.member, section.id, 'Kommentar zum Vorwort');
    const { data } = await notificationsOf(cast.outsider);
    expect(data).toEqual([expect.objectContaining({ kind: 'comment_on_assigned', sectionId: section.id, threadId: thread.id })]);
    // Their own comment on it tells nobody.
    await openThread(cast.outsider, section.id, 'Eigener Kommentar');
    expect((await notificationsOf(cast.outsider)).data).toHaveLength(1);
  });

  it('notifies people newly mentioned by an edit, and nobody twice', async () => {
    const cast = buildCast(t.db);
    const thread = await openThread(cast.member, cast.section.id, `Hallo ${mention(cast.lead)}`);
    const commentId = thread.comments[0].id;
    await as(cast.member).patch(`/api/comments/${commentId}`, { body: `Hallo ${mention(cast.lead)} und ${mention(cast.outsider)}` });
    expect((await notificationsOf(cast.lead)).data).toHaveLength(1);
    expect((await notificationsOf(cast.outsider)).data).toEqual([expect.objectContaining({ kind: 'mention', commentId })]);
  });

  it('hides notifications from a workspace the person has left', async () => {
    const cast = buildCast(t.db);
    await openThread(cast.member, cast.section.id, `Hallo ${mention(cast.outsider)}`);
    expect((await notificationsOf(cast.outsider)).unreadCount).toBe(1);
    t.db.$client.prepare('DELETE FROM memberships WHERE user_id = ? AND workspace_id = ?').run(cast.outsider.id, cast.workspace.id);
    expect(await notificationsOf(cast.outsider)).toEqual({ data: [], unreadCount: 0 });
  });

  it('does not notify someone who is no longer a member of the workspace', async () => {
    const cast = buildCast(t.db);
    const thread = await openThread(cast.lead, cast.section.id, 'Frage');
    t.db.$client.prepare('DELETE FROM memberships WHERE user_id = ? AND workspace_id = ?').run(cast.lead.id, cast.workspace.id);
    await as(cast.member).post(`/api/threads/${thread.id}/comments`, { body: 'Antwort' });
    expect((await notificationsOf(cast.lead)).data).toEqual([]);
  });
});

describe('assignments and status changes (the notifier the sections PATCH calls)', () => {
  it('notifies the new assignee, unless they assigned the section to themselves', async () => {
    const cast = buildCast(t.db);
    const rows = t.db.transaction((tx) => [
      ...notifyAssignment(tx, { section: cast.section, assigneeId: cast.member.id, actorId: cast.moderator.id }),
      ...notifyAssignment(tx, { section: cast.section, assigneeId: cast.lead.id, actorId: cast.lead.id }),
      ...notifyAssignment(tx, { section: cast.section, assigneeId: null, actorId: cast.moderator.id }),
    ]);
    expect(rows.map((r) => r.userId)).toEqual([cast.member.id]);
    const { data } = await notificationsOf(cast.member);
    expect(data).toEqual([
      expect.objectContaining({
        kind: 'assignment',
        sectionId: cast.section.id,
        actor: { id: cast.moderator.id, name: cast.moderator.name },
        text: `${cast.moderator.name} hat Ihnen „${cast.section.title}“ zugewiesen.`,
        link: `/a/${cast.workspace.id}/bericht/${cast.section.id}`,
      }),
    ]);
  });

  it('notifies the section’s subgroup and assignee of a status change, not the person who changed it', async () => {
    const cast = buildCast(t.db);
    const assignee = buildMember(t.db, { workspaceId: cast.workspace.id });
    const rows = t.db.transaction((tx) =>
      notifyStatusChange(tx, {
        section: { ...cast.section, assigneeId: assignee.id },
        from: 'draft',
        to: 'review',
        actorId: cast.lead.id,
      }),
    );
    expect(rows.map((r) => r.userId).sort()).toEqual([cast.member.id, assignee.id].sort());
    expect((await notificationsOf(cast.member)).data).toEqual([
      expect.objectContaining({
        kind: 'status_change',
        from: 'draft',
        to: 'review',
        text: `${cast.lead.name} hat „${cast.section.title}“ auf „In Prüfung“ gesetzt.`,
      }),
    ]);
    expect((await notificationsOf(cast.lead)).data).toEqual([]);
    expect((await notificationsOf(cast.outsider)).data).toEqual([]);
  });

  it('announces notifications published after the commit in the recipient’s user room only', async () => {
    const cast = buildCast(t.db);
    const socket = await connectSocket(t.url, { token: tokenOf(cast.member) });
    const other = await connectSocket(t.url, { token: tokenOf(cast.outsider) });
    sockets.push(socket, other);
    const rows = t.db.transaction((tx) =>
      notifyAssignment(tx, { section: cast.section, assigneeId: cast.member.id, actorId: cast.moderator.id }),
    );
    publishNotifications(t.server.ctx, rows);
    expect(await socket.next('notification.created')).toMatchObject({ id: rows[0]!.id, kind: 'assignment', read: false });
    expect(other.received('notification.created')).toEqual([]);
  });
});

describe('assignments and status changes through PATCH /api/sections/:sectionId', () => {
  it('notifies the person a section is assigned to, live', async () => {
    const cast = buildCast(t.db);
    const socket = await connectSocket(t.url, { token: tokenOf(cast.outsider) });
    sockets.push(socket);
    const res = await as(cast.moderator).patch(`/api/sections/${cast.section.id}`, { assigneeId: cast.outsider.id });
    expect(res.status).toBe(200);
    expect(await socket.next('notification.created')).toMatchObject({ kind: 'assignment', sectionId: cast.section.id });
    expect((await notificationsOf(cast.outsider)).unreadCount).toBe(1);
    expect((await notificationsOf(cast.moderator)).data).toEqual([]);
  });

  it('notifies the subgroup when its lead hands a section to review, not the lead', async () => {
    const cast = buildCast(t.db);
    const res = await as(cast.lead).patch(`/api/sections/${cast.section.id}`, { status: 'review' });
    expect(res.status).toBe(200);
    expect((await notificationsOf(cast.member)).data).toEqual([
      expect.objectContaining({ kind: 'status_change', from: 'draft', to: 'review', actor: { id: cast.lead.id, name: cast.lead.name } }),
    ]);
    expect((await notificationsOf(cast.lead)).data).toEqual([]);
    expect((await notificationsOf(cast.outsider)).data).toEqual([]);
  });
});

describe('the notification list and marking read', () => {
  it('lists newest first with the unread count, and refuses callers without a session', async () => {
    const cast = buildCast(t.db);
    const first = await openThread(cast.member, cast.section.id, `eins ${mention(cast.lead)}`);
    const second = await openThread(cast.member, cast.section.id, `zwei ${mention(cast.lead)}`);
    const { data, unreadCount } = await notificationsOf(cast.lead);
    expect(data.map((n) => n.threadId)).toEqual([second.id, first.id]);
    expect(unreadCount).toBe(2);
    expect((await new ApiClient(t.url).get('/api/notifications')).status).toBe(401);
  });

  it('marks one notification read, tells the person’s other tabs, and hides other people’s notifications (404)', async () => {
    const cast = buildCast(t.db);
    await openThread(cast.member, cast.section.id, `eins ${mention(cast.lead)}`);
    await openThread(cast.member, cast.section.id, `zwei ${mention(cast.lead)}`);
    const socket = await connectSocket(t.url, { token: tokenOf(cast.lead) });
    sockets.push(socket);
    const [newest] = (await notificationsOf(cast.lead)).data;
    expect((await as(cast.outsider).post(`/api/notifications/${newest.id}/read`)).status).toBe(404);
    expect((await notificationsOf(cast.lead)).unreadCount).toBe(2);
    const res = await as(cast.lead).post(`/api/notifications/${newest.id}/read`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: newest.id, read: true, readAt: expect.any(String) });
    expect(await socket.next('notification.read')).toEqual({ ids: [newest.id], unreadCount: 1 });
    const after = await notificationsOf(cast.lead);
    expect(after.unreadCount).toBe(1);
    expect(after.data.map((n) => n.read)).toEqual([true, false]);
    expect((await as(cast.lead).post('/api/notifications/no-such-id/read')).status).toBe(404);
  });

  it('marks all of the caller’s notifications read and no one else’s', async () => {
    const cast = buildCast(t.db);
    await openThread(cast.member, cast.section.id, `${mention(cast.lead)} ${mention(cast.outsider)}`);
    await openThread(cast.member, cast.section.id, `${mention(cast.lead)}`);
    const res = await as(cast.lead).post('/api/notifications/read-all');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ids: 'all', unreadCount: 0 });
    const lead = await notificationsOf(cast.lead);
    expect(lead.unreadCount).toBe(0);
    expect(lead.data.every((n) => n.read)).toBe(true);
    expect((await notificationsOf(cast.outsider)).unreadCount).toBe(1);
  });

  it('lists only unread notifications when asked, and refuses unknown query fields', async () => {
    const cast = buildCast(t.db);
    await openThread(cast.member, cast.section.id, `${mention(cast.lead)}`);
    await openThread(cast.member, cast.section.id, `${mention(cast.lead)}`);
    const [newest] = (await notificationsOf(cast.lead)).data;
    await as(cast.lead).post(`/api/notifications/${newest.id}/read`);
    const unread = await as(cast.lead).get('/api/notifications?unread=1');
    expect(unread.body.data).toHaveLength(1);
    expect(unread.body.data[0].read).toBe(false);
    const bad = await as(cast.lead).get('/api/notifications?colour=red');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/colour/);
  });
});
