import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditLog, memberships, sections, subgroupMembers, users } from '@konvent/db';
import type { MemberJSON } from '@konvent/shared';
import { TEST_PASSWORD, buildCast, buildTopic, addToSubgroup, buildUser, signIn, snapshotDatabase } from '../support/factories';
import { ApiClient } from '../support/http';
import { startTestServer, type TestServer } from '../support/server';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.stop());

const membership = (workspaceId: string, userId: string) =>
  t.db
    .select()
    .from(memberships)
    .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId)))
    .get();

describe('listing members', () => {
  it('lists every member with role, subgroups and abilities', async () => {
    const cast = buildCast(t.db);
    const res = await (await signIn(t.url, cast.observer)).get(`/api/workspaces/${cast.workspace.id}/members`);
    expect(res.status).toBe(200);
    const byId: Record<string, MemberJSON> = Object.fromEntries(res.body.data.map((m: MemberJSON) => [m.userId, m]));
    expect(Object.keys(byId)).toHaveLength(5);
    expect(byId[cast.lead.id]).toMatchObject({ role: 'member', subgroups: [{ topicId: cast.topic.id, lead: true }] });
    expect(byId[cast.observer.id]).toMatchObject({ role: 'observer', subgroups: [], abilities: { update: false, remove: false } });
    expect(byId[cast.stranger.id]).toBeUndefined();
    expect(Object.keys(byId[cast.member.id]!).sort()).toEqual(
      ['abilities', 'email', 'joinedAt', 'name', 'organisation', 'role', 'subgroups', 'userId'].sort(),
    );
  });

  it('shows e-mail addresses to contributors, and observers only their own', async () => {
    const cast = buildCast(t.db);
    const emails = async (who: typeof cast.member) => {
      const res = await (await signIn(t.url, who)).get(`/api/workspaces/${cast.workspace.id}/members`);
      expect(res.status).toBe(200);
      return Object.fromEntries(res.body.data.map((m: MemberJSON) => [m.userId, m.email]));
    };
    const seenByMember = await emails(cast.member);
    expect(seenByMember[cast.lead.id]).toBe(cast.lead.email);
    expect(seenByMember[cast.observer.id]).toBe(cast.observer.email);
    expect((await emails(cast.moderator))[cast.member.id]).toBe(cast.member.email);
    const seenByObserver = await emails(cast.observer);
    expect(seenByObserver[cast.observer.id]).toBe(cast.observer.email);
    for (const other of [cast.moderator, cast.lead, cast.member]) expect(seenByObserver[other.id]).toBeNull();
    // Nowhere in the response: the body holds no address but the observer's own.
    const raw = JSON.stringify((await (await signIn(t.url, cast.observer)).get(`/api/workspaces/${cast.workspace.id}/members`)).body);
    expect(raw).not.toContain(cast.member.email);
  });

  it('shows a moderator that the last moderator cannot be removed', async () => {
    const cast = buildCast(t.db);
    const res = await (await signIn(t.url, cast.moderator)).get(`/api/workspaces/${cast.workspace.id}/members`);
    const me = res.body.data.find((m: MemberJSON) => m.userId === cast.moderator.id);
    const other = res.body.data.find((m: MemberJSON) => m.userId === cast.member.id);
    expect(me.abilities).toEqual({ update: true, remove: false });
    expect(other.abilities).toEqual({ update: true, remove: true });
  });
});

describe('adding members', () => {
  it('creates an account with a password who can sign in at once', async () => {
    const cast = buildCast(t.db);
    const api = await signIn(t.url, cast.moderator);
    const res = await api.post(`/api/workspaces/${cast.workspace.id}/members`, {
      email: 'Neu.Person@Example.org',
      name: 'Neue Person',
      organisation: 'Stadt Musterstadt',
      role: 'member',
      password: 'ein-sicheres-passwort',
    });
    expect(res.status).toBe(201);
    expect(res.body.invitation).toBeNull();
    expect(res.body.member).toMatchObject({ email: 'neu.person@example.org', role: 'member', organisation: 'Stadt Musterstadt' });
    await new ApiClient(t.url).login('neu.person@example.org', 'ein-sicheres-passwort');
    const entry = t.db.select().from(auditLog).where(eq(auditLog.entityId, res.body.member.userId)).get();
    expect(entry?.action).toBe('member.added');
  });

  it('creates an account without a password and hands back an invitation link to set one', async () => {
    const cast = buildCast(t.db);
    const api = await signIn(t.url, cast.moderator);
    const res = await api.post(`/api/workspaces/${cast.workspace.id}/members`, { email: 'ohne@example.org', name: 'Ohne Passwort', role: 'observer' });
    expect(res.status).toBe(201);
    expect(res.body.invitation.url).toBe(`${t.url}/einladung/${res.body.invitation.token}`);
    expect(res.body.invitation.invitation).toMatchObject({ role: 'observer', email: 'ohne@example.org' });

    const newcomer = new ApiClient(t.url);
    const accepted = await newcomer.post(`/api/invitations/${res.body.invitation.token}/accept`, {
      name: 'Ohne Passwort',
      email: 'ohne@example.org',
      password: 'jetzt-mit-passwort',
    });
    expect(accepted.status).toBe(200);
    expect((await newcomer.get('/api/me')).body.memberships).toEqual([expect.objectContaining({ workspaceId: cast.workspace.id, role: 'observer' })]);
    await new ApiClient(t.url).login('ohne@example.org', 'jetzt-mit-passwort');
  });

  it('adds an existing account without touching its name or password', async () => {
    const cast = buildCast(t.db);
    const existing = buildUser(t.db, { name: 'Bleibt So' });
    const res = await (await signIn(t.url, cast.moderator)).post(`/api/workspaces/${cast.workspace.id}/members`, {
      email: existing.email,
      name: 'Anderer Name',
      role: 'member',
      password: 'ueberschreiben-verboten',
    });
    expect(res.status).toBe(201);
    expect(res.body.member).toMatchObject({ userId: existing.id, name: 'Bleibt So' });
    await new ApiClient(t.url).login(existing.email, TEST_PASSWORD);
  });

  it('answers 409 for someone who already is a member, changing nothing', async () => {
    const cast = buildCast(t.db);
    const before = snapshotDatabase(t.db);
    const res = await (await signIn(t.url, cast.moderator)).post(`/api/workspaces/${cast.workspace.id}/members`, {
      email: cast.member.email,
      name: 'x',
      role: 'observer',
    });
    expect(res.status).toBe(409);
    expect(snapshotDatabase(t.db)).toEqual(before);
  });
});

describe('changing roles', () => {
  it('changes a role and records member.role_changed', async () => {
    const cast = buildCast(t.db);
    const res = await (await signIn(t.url, cast.moderator)).patch(`/api/workspaces/${cast.workspace.id}/members/${cast.outsider.id}`, { role: 'moderator' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ userId: cast.outsider.id, role: 'moderator' });
    expect(membership(cast.workspace.id, cast.outsider.id)?.role).toBe('moderator');
    const entry = t.db.select().from(auditLog).where(eq(auditLog.action, 'member.role_changed')).all().find((e) => e.entityId === cast.outsider.id);
    expect(entry?.data).toEqual({ from: 'member', to: 'moderator' });
  });

  it('takes subgroup memberships and assignments from someone made observer', async () => {
    const cast = buildCast(t.db);
    t.db.update(sections).set({ assigneeId: cast.lead.id }).where(eq(sections.id, cast.section.id)).run();
    const res = await (await signIn(t.url, cast.moderator)).patch(`/api/workspaces/${cast.workspace.id}/members/${cast.lead.id}`, { role: 'observer' });
    expect(res.status).toBe(200);
    expect(res.body.subgroups).toEqual([]);
    expect(t.db.select().from(subgroupMembers).where(eq(subgroupMembers.userId, cast.lead.id)).all()).toEqual([]);
    expect(t.db.select().from(sections).where(eq(sections.id, cast.section.id)).get()?.assigneeId).toBeNull();
  });

  it('never demotes the last moderator', async () => {
    const cast = buildCast(t.db);
    const before = snapshotDatabase(t.db);
    const res = await (await signIn(t.url, cast.moderator)).patch(`/api/workspaces/${cast.workspace.id}/members/${cast.moderator.id}`, { role: 'member' });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toMatch(/last moderator/);
    expect(snapshotDatabase(t.db)).toEqual(before);
  });

  it('lets a moderator step down once there is another moderator', async () => {
    const cast = buildCast(t.db);
    const api = await signIn(t.url, cast.moderator);
    await api.patch(`/api/workspaces/${cast.workspace.id}/members/${cast.member.id}`, { role: 'moderator' });
    const res = await api.patch(`/api/workspaces/${cast.workspace.id}/members/${cast.moderator.id}`, { role: 'member' });
    expect(res.status).toBe(200);
    expect(res.body.abilities).toEqual({ update: false, remove: false });
  });

  it('tells the collab hooks about a role change', async () => {
    const cast = buildCast(t.db);
    const calls: unknown[] = [];
    const hooks = t.server.ctx.collab;
    const original = hooks.permissionsChanged;
    hooks.permissionsChanged = (scope) => {
      calls.push(scope);
      original.call(hooks, scope);
    };
    try {
      await (await signIn(t.url, cast.moderator)).patch(`/api/workspaces/${cast.workspace.id}/members/${cast.member.id}`, { role: 'observer' });
    } finally {
      hooks.permissionsChanged = original;
    }
    expect(calls).toEqual([{ workspaceId: cast.workspace.id, userIds: [cast.member.id] }]);
  });

  it('answers 404 for someone who is not a member', async () => {
    const cast = buildCast(t.db);
    const api = await signIn(t.url, cast.moderator);
    expect((await api.patch(`/api/workspaces/${cast.workspace.id}/members/${cast.stranger.id}`, { role: 'member' })).status).toBe(404);
    expect((await api.delete(`/api/workspaces/${cast.workspace.id}/members/${cast.stranger.id}`)).status).toBe(404);
  });
});

describe('removing members', () => {
  it('removes a member with their subgroup memberships in that workspace only', async () => {
    const cast = buildCast(t.db);
    const elsewhere = buildTopic(t.db, { workspaceId: cast.stranger.workspaceId });
    t.db.insert(memberships).values({ workspaceId: cast.stranger.workspaceId, userId: cast.lead.id, role: 'member' }).run();
    addToSubgroup(t.db, elsewhere.id, cast.lead.id);
    const api = await signIn(t.url, cast.moderator);
    expect((await api.delete(`/api/workspaces/${cast.workspace.id}/members/${cast.lead.id}`)).status).toBe(204);
    expect(membership(cast.workspace.id, cast.lead.id)).toBeUndefined();
    expect(t.db.select().from(subgroupMembers).where(eq(subgroupMembers.userId, cast.lead.id)).all().map((r) => r.topicId)).toEqual([elsewhere.id]);
    expect(t.db.select().from(users).where(eq(users.id, cast.lead.id)).get()).toBeTruthy();
    const lead = await signIn(t.url, cast.lead);
    expect((await lead.get(`/api/workspaces/${cast.workspace.id}/sections`)).status).toBe(404);
  });

  it('never removes the last moderator', async () => {
    const cast = buildCast(t.db);
    const before = snapshotDatabase(t.db);
    const res = await (await signIn(t.url, cast.moderator)).delete(`/api/workspaces/${cast.workspace.id}/members/${cast.moderator.id}`);
    expect(res.status).toBe(409);
    expect(res.body.error.message).toMatch(/last moderator/);
    expect(snapshotDatabase(t.db)).toEqual(before);
  });

  it('refuses members, leads and observers who try to manage members', async () => {
    const cast = buildCast(t.db);
    const ws = cast.workspace.id;
    for (const person of [cast.lead, cast.member, cast.observer]) {
      const api = await signIn(t.url, person);
      expect((await api.post(`/api/workspaces/${ws}/members`, { email: 'x@example.org', name: 'X', role: 'member' })).status).toBe(403);
      expect((await api.patch(`/api/workspaces/${ws}/members/${cast.outsider.id}`, { role: 'moderator' })).status).toBe(403);
      expect((await api.delete(`/api/workspaces/${ws}/members/${cast.outsider.id}`)).status).toBe(403);
    }
  });
});
