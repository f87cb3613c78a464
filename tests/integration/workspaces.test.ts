import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditLog, documents, memberships, workspaces } from '@konvent/db';
import type { DashboardJSON } from '@konvent/shared';
import { buildCast, buildMember, buildSection, buildTopic, buildUser, signIn, snapshotDatabase } from '../support/factories';
import { ApiClient } from '../support/http';
import { startTestServer, type TestServer } from '../support/server';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.stop());

const isoDay = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

describe('workspaces', () => {
  it('lists the caller’s workspaces with role and abilities', async () => {
    const person = buildMember(t.db, { role: 'observer' });
    const other = buildMember(t.db, { role: 'moderator' });
    t.db.insert(memberships).values({ workspaceId: other.workspaceId, userId: person.id, role: 'moderator' }).run();
    const api = await signIn(t.url, person);
    const res = await api.get('/api/workspaces');
    expect(res.status).toBe(200);
    const byId = Object.fromEntries(res.body.data.map((w: { id: string }) => [w.id, w]));
    expect(Object.keys(byId).sort()).toEqual([person.workspaceId, other.workspaceId].sort());
    expect(byId[person.workspaceId]).toMatchObject({ role: 'observer', abilities: { read: true, manage: false, export: true } });
    expect(byId[other.workspaceId]).toMatchObject({ role: 'moderator', abilities: { manage: true, manageMembers: true } });
    expect(byId[person.workspaceId]).toHaveProperty('name');
  });

  it('lets an instance administrator create a workspace and become its moderator', async () => {
    const admin = buildUser(t.db, { isAdmin: true });
    const api = await signIn(t.url, admin);
    const res = await api.post('/api/workspaces', { name: 'Arbeitskreis Open Source', description: 'KGSt' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ name: 'Arbeitskreis Open Source', description: 'KGSt', role: 'moderator', isDemo: false });
    const membership = t.db
      .select()
      .from(memberships)
      .where(and(eq(memberships.workspaceId, res.body.id), eq(memberships.userId, admin.id)))
      .get();
    expect(membership?.role).toBe('moderator');
    expect(t.db.select().from(auditLog).where(eq(auditLog.workspaceId, res.body.id)).all().map((e) => e.action)).toEqual(['workspace.created']);
  });

  it('refuses to create a workspace for someone who is not an administrator', async () => {
    const person = buildMember(t.db, { role: 'moderator' });
    const before = snapshotDatabase(t.db);
    const res = await (await signIn(t.url, person)).post('/api/workspaces', { name: 'Nope' });
    expect(res.status).toBe(403);
    expect(snapshotDatabase(t.db)).toEqual(before);
  });

  it('reads one workspace for members and hides it from others', async () => {
    const cast = buildCast(t.db);
    expect((await (await signIn(t.url, cast.observer)).get(`/api/workspaces/${cast.workspace.id}`)).body).toMatchObject({
      id: cast.workspace.id,
      role: 'observer',
    });
    expect((await (await signIn(t.url, cast.stranger)).get(`/api/workspaces/${cast.workspace.id}`)).status).toBe(404);
  });

  it('lets moderators rename the workspace and records it', async () => {
    const cast = buildCast(t.db);
    const res = await (await signIn(t.url, cast.moderator)).patch(`/api/workspaces/${cast.workspace.id}`, { name: 'Neuer Name' });
    expect(res.status).toBe(200);
    expect(res.body.name).toBe('Neuer Name');
    expect(t.db.select().from(workspaces).where(eq(workspaces.id, cast.workspace.id)).get()?.name).toBe('Neuer Name');
    expect((await (await signIn(t.url, cast.lead)).patch(`/api/workspaces/${cast.workspace.id}`, { name: 'x' })).status).toBe(403);
  });
});

describe('dashboard', () => {
  it('shows progress per topic and status, word counts, due sections and recent activity', async () => {
    const cast = buildCast(t.db);
    const ws = cast.workspace.id;
    const second = buildTopic(t.db, { workspaceId: ws, position: 1 });
    buildTopic(t.db, { workspaceId: ws, position: 2, archivedAt: new Date() });
    const review = buildSection(t.db, { workspaceId: ws, topicId: cast.topic.id, status: 'review', position: 1, dueDate: isoDay(3) });
    buildSection(t.db, { workspaceId: ws, topicId: second.id, status: 'final', position: 2, dueDate: isoDay(-1) });
    const overdue = buildSection(t.db, { workspaceId: ws, position: 3, dueDate: isoDay(-2) });
    buildSection(t.db, { workspaceId: ws, position: 4, dueDate: isoDay(60) });
    buildSection(t.db, { workspaceId: ws, position: 5, deletedAt: new Date(), dueDate: isoDay(1) });
    t.db.insert(documents).values({ name: `section:${cast.section.id}`, wordCount: 100 }).run();
    t.db.insert(documents).values({ name: `section:${review.id}`, wordCount: 50 }).run();

    const api = await signIn(t.url, cast.moderator);
    await api.patch(`/api/workspaces/${ws}`, { description: 'Beschreibung' });
    const res = await api.get<DashboardJSON>(`/api/workspaces/${ws}/dashboard`);
    expect(res.status).toBe(200);
    const body = res.body;
    expect(body.workspace).toMatchObject({ id: ws, role: 'moderator' });
    expect(body.memberCount).toBe(5);
    expect(body.sectionsByStatus).toEqual({ draft: 3, review: 1, final: 1 });
    expect(body.topics.map((x) => x.topic.id)).toEqual([cast.topic.id, second.id]);
    expect(body.topics[0]).toMatchObject({ sectionsByStatus: { draft: 1, review: 1, final: 0 }, wordCount: 150 });
    expect(body.topics[1]).toMatchObject({ sectionsByStatus: { draft: 0, review: 0, final: 1 }, wordCount: 0 });
    expect(body.due.map((s) => s.id)).toEqual([overdue.id, review.id]);
    expect(body.recentActivity[0]).toMatchObject({ action: 'workspace.updated', actorId: cast.moderator.id, actorName: cast.moderator.name });
  });

  it('is hidden from people outside the workspace', async () => {
    const cast = buildCast(t.db);
    expect((await (await signIn(t.url, cast.stranger)).get(`/api/workspaces/${cast.workspace.id}/dashboard`)).status).toBe(404);
    expect((await new ApiClient(t.url).get(`/api/workspaces/${cast.workspace.id}/dashboard`)).status).toBe(401);
  });
});

describe('activity', () => {
  it('lists the workspace’s audit entries newest first, without personal entries', async () => {
    const cast = buildCast(t.db);
    const api = await signIn(t.url, cast.moderator);
    await api.patch(`/api/sections/${cast.section.id}`, { title: 'Eins' });
    await api.patch(`/api/sections/${cast.section.id}`, { status: 'review' });
    await api.post('/api/auth/password', { currentPassword: 'test-password-123', newPassword: 'another-password-456' });
    const res = await (await signIn(t.url, cast.observer)).get(`/api/workspaces/${cast.workspace.id}/activity`);
    expect(res.status).toBe(200);
    expect(res.body.data.map((e: { action: string }) => e.action)).toEqual(['section.status_changed', 'section.renamed']);
    expect(res.body.data[0]).toMatchObject({ entityType: 'section', entityId: cast.section.id, actorName: cast.moderator.name });
  });

  it('honours the limit', async () => {
    const cast = buildCast(t.db);
    const api = await signIn(t.url, cast.moderator);
    for (const title of ['a', 'b', 'c']) await api.patch(`/api/sections/${cast.section.id}`, { title });
    const res = await api.get(`/api/workspaces/${cast.workspace.id}/activity?limit=2`);
    expect(res.body.data.map((e: { data: { to: string } }) => e.data.to)).toEqual(['c', 'b']);
  });

  it('is hidden from people outside the workspace', async () => {
    const cast = buildCast(t.db);
    expect((await (await signIn(t.url, cast.stranger)).get(`/api/workspaces/${cast.workspace.id}/activity`)).status).toBe(404);
  });
});
