import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { invitations, memberships } from '@konvent/db';
import { buildCast, buildMember, buildUser, signIn, snapshotDatabase } from '../support/factories';
import { ApiClient } from '../support/http';
import { startTestServer, type TestServer } from '../support/server';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.stop());

async function invite(body: Record<string, unknown> = { role: 'member' }) {
  const cast = buildCast(t.db);
  const moderator = await signIn(t.url, cast.moderator);
  const res = await moderator.post(`/api/workspaces/${cast.workspace.id}/invitations`, body);
  expect(res.status).toBe(201);
  return { cast, moderator, ...(res.body as { token: string; url: string; invitation: { id: string } }) };
}

const roleIn = (workspaceId: string, userId: string) =>
  t.db
    .select()
    .from(memberships)
    .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId)))
    .get()?.role;

describe('creating and listing invitations', () => {
  it('creates a 14-day link, storing only a hash of the token', async () => {
    const { cast, token, url, invitation } = await invite({ role: 'observer', email: 'Gast@Example.org' });
    expect(token).toMatch(/^ki_/);
    expect(url).toBe(`${t.url}/einladung/${token}`);
    expect(invitation).toMatchObject({ workspaceId: cast.workspace.id, role: 'observer', email: 'gast@example.org', acceptedAt: null, revokedAt: null, abilities: { revoke: true } });
    const row = t.db.select().from(invitations).where(eq(invitations.id, invitation.id)).get()!;
    expect(row.tokenHash).not.toContain(token);
    const days = (row.expiresAt.getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(13.9);
    expect(days).toBeLessThanOrEqual(14);
  });

  it('uses the configured public URL for the link', async () => {
    const other = await startTestServer({ KONVENT_PUBLIC_URL: 'https://konvent.example.org' });
    try {
      const cast = buildCast(other.db);
      const api = new ApiClient(other.url, { origin: 'https://konvent.example.org' });
      await api.login(cast.moderator.email, 'test-password-123');
      const res = await api.post(`/api/workspaces/${cast.workspace.id}/invitations`, { role: 'member' });
      expect(res.body.url).toBe(`https://konvent.example.org/einladung/${res.body.token}`);
    } finally {
      await other.stop();
    }
  });

  it('lists invitations to moderators only', async () => {
    const { cast, moderator, invitation } = await invite();
    const list = await moderator.get(`/api/workspaces/${cast.workspace.id}/invitations`);
    expect(list.status).toBe(200);
    expect(list.body.data.map((i: { id: string }) => i.id)).toEqual([invitation.id]);
    expect(JSON.stringify(list.body)).not.toContain('tokenHash');
    expect((await (await signIn(t.url, cast.lead)).get(`/api/workspaces/${cast.workspace.id}/invitations`)).status).toBe(403);
    expect((await (await signIn(t.url, cast.stranger)).get(`/api/workspaces/${cast.workspace.id}/invitations`)).status).toBe(404);
  });
});

describe('previewing an invitation', () => {
  it('shows the workspace and role to anyone holding the link', async () => {
    const { cast, token } = await invite({ role: 'member', email: 'x@example.org' });
    const res = await new ApiClient(t.url).get(`/api/invitations/${token}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ workspaceName: cast.workspace.name, role: 'member', email: 'x@example.org', valid: true });
  });

  it('marks revoked and expired links as not valid and answers 404 for unknown ones', async () => {
    const { moderator, token, invitation } = await invite();
    expect((await moderator.delete(`/api/invitations/${invitation.id}`)).status).toBe(204);
    expect((await new ApiClient(t.url).get(`/api/invitations/${token}`)).body.valid).toBe(false);

    const expired = await invite();
    t.db.update(invitations).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(invitations.id, expired.invitation.id)).run();
    expect((await new ApiClient(t.url).get(`/api/invitations/${expired.token}`)).body.valid).toBe(false);

    expect((await new ApiClient(t.url).get('/api/invitations/ki_unknown')).status).toBe(404);
  });
});

describe('accepting an invitation', () => {
  it('joins a signed-in person with the invited role', async () => {
    const { cast, token } = await invite({ role: 'observer' });
    const person = buildUser(t.db);
    const api = await signIn(t.url, person);
    const res = await api.post(`/api/invitations/${token}/accept`);
    expect(res.status).toBe(200);
    expect(res.body.workspace).toMatchObject({ id: cast.workspace.id, role: 'observer' });
    expect(roleIn(cast.workspace.id, person.id)).toBe('observer');
    expect((await new ApiClient(t.url).get(`/api/invitations/${token}`)).body.valid).toBe(false);
  });

  it('creates the account of a person who is not signed in and signs them in', async () => {
    const { cast, token } = await invite({ role: 'member' });
    const api = new ApiClient(t.url);
    const res = await api.post(`/api/invitations/${token}/accept`, {
      name: 'Frau Neu',
      email: 'frau.neu@example.org',
      organisation: 'Kreis Beispiel',
      password: 'sehr-geheimes-passwort',
    });
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ name: 'Frau Neu', email: 'frau.neu@example.org', organisation: 'Kreis Beispiel' });
    expect(res.headers.getSetCookie().join(';')).toMatch(/konvent_session=.*HttpOnly/i);
    expect((await api.get('/api/me')).body.memberships).toEqual([expect.objectContaining({ workspaceId: cast.workspace.id, role: 'member' })]);
  });

  it('asks for name, email and password when not signed in, naming the missing field', async () => {
    const { token } = await invite();
    const before = snapshotDatabase(t.db);
    const res = await new ApiClient(t.url).post(`/api/invitations/${token}/accept`, { name: 'Ohne Mail', password: 'ein-passwort-123' });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('email');
    expect(snapshotDatabase(t.db)).toEqual(before);
  });

  it('asks someone whose address already has an account to sign in first', async () => {
    const { token } = await invite();
    const existing = buildUser(t.db);
    const before = snapshotDatabase(t.db);
    const res = await new ApiClient(t.url).post(`/api/invitations/${token}/accept`, {
      name: 'Doppelt',
      email: existing.email,
      password: 'ein-passwort-123',
    });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toMatch(/sign in first/);
    expect(snapshotDatabase(t.db)).toEqual(before);
  });

  it('works only once', async () => {
    const { token } = await invite();
    const first = await signIn(t.url, buildUser(t.db));
    expect((await first.post(`/api/invitations/${token}/accept`)).status).toBe(200);
    const second = await signIn(t.url, buildUser(t.db));
    const before = snapshotDatabase(t.db);
    const res = await second.post(`/api/invitations/${token}/accept`);
    expect(res.status).toBe(409);
    expect(snapshotDatabase(t.db)).toEqual(before);
  });

  it('refuses revoked and expired links with 409', async () => {
    const revoked = await invite();
    await revoked.moderator.delete(`/api/invitations/${revoked.invitation.id}`);
    const api = await signIn(t.url, buildUser(t.db));
    expect((await api.post(`/api/invitations/${revoked.token}/accept`)).status).toBe(409);
    const expired = await invite();
    t.db.update(invitations).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(invitations.id, expired.invitation.id)).run();
    expect((await api.post(`/api/invitations/${expired.token}/accept`)).status).toBe(409);
  });

  it('refuses a link addressed to someone else', async () => {
    const { token } = await invite({ role: 'member', email: 'jemand@example.org' });
    const api = await signIn(t.url, buildUser(t.db));
    expect((await api.post(`/api/invitations/${token}/accept`)).status).toBe(403);
    const anonymous = await new ApiClient(t.url).post(`/api/invitations/${token}/accept`, {
      name: 'Falsch',
      email: 'falsch@example.org',
      password: 'ein-passwort-123',
    });
    expect(anonymous.status).toBe(400);
    expect(anonymous.body.error.message).toContain('email');
  });

  it('refuses someone who already is a member', async () => {
    const { cast, token } = await invite();
    const res = await (await signIn(t.url, cast.member)).post(`/api/invitations/${token}/accept`);
    expect(res.status).toBe(409);
  });

  it('answers 404 for an unknown link', async () => {
    const res = await new ApiClient(t.url).post('/api/invitations/ki_nope/accept', {});
    expect(res.status).toBe(404);
  });
});

describe('revoking an invitation', () => {
  it('lets moderators revoke, after which the invitation shows as revoked', async () => {
    const { moderator, invitation, cast } = await invite();
    expect((await moderator.delete(`/api/invitations/${invitation.id}`)).status).toBe(204);
    const list = await moderator.get(`/api/workspaces/${cast.workspace.id}/invitations`);
    expect(list.body.data[0]).toMatchObject({ id: invitation.id, abilities: { revoke: false } });
    expect(list.body.data[0].revokedAt).not.toBeNull();
  });

  it('hides invitations of other workspaces and refuses non-moderators', async () => {
    const { cast, invitation } = await invite();
    const before = snapshotDatabase(t.db);
    expect((await (await signIn(t.url, cast.stranger)).delete(`/api/invitations/${invitation.id}`)).status).toBe(404);
    expect((await (await signIn(t.url, cast.lead)).delete(`/api/invitations/${invitation.id}`)).status).toBe(403);
    expect((await new ApiClient(t.url).delete(`/api/invitations/${invitation.id}`)).status).toBe(401);
    expect(snapshotDatabase(t.db)).toEqual(before);
  });

  it('cannot revoke a used invitation', async () => {
    const { moderator, invitation, token } = await invite();
    await (await signIn(t.url, buildMember(t.db))).post(`/api/invitations/${token}/accept`);
    expect((await moderator.delete(`/api/invitations/${invitation.id}`)).status).toBe(409);
  });
});
