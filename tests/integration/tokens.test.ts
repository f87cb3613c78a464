import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { apiTokens } from '@konvent/db';
import { buildMember, signIn } from '../support/factories';
import { ApiClient } from '../support/http';
import { startTestServer, type TestServer } from '../support/server';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.stop());

describe('personal access tokens', () => {
  it('creates a token shown once, which then works as a bearer token', async () => {
    const person = buildMember(t.db);
    const api = await signIn(t.url, person);
    const res = await api.post('/api/tokens', { name: 'Skript' });
    expect(res.status).toBe(201);
    expect(res.body.token).toMatch(/^kt_/);
    expect(res.body.apiToken).toMatchObject({ name: 'Skript', prefix: res.body.token.slice(0, 8), lastUsedAt: null });
    expect(JSON.stringify(res.body.apiToken)).not.toContain(res.body.token);
    const stored = t.db.select().from(apiTokens).where(eq(apiTokens.id, res.body.apiToken.id)).get()!;
    expect(stored.tokenHash).not.toContain(res.body.token);

    const bearer = new ApiClient(t.url, { token: res.body.token });
    const me = await bearer.get('/api/me');
    expect(me.status).toBe(200);
    expect(me.body.user.id).toBe(person.id);
    const workspaces = await bearer.get('/api/workspaces');
    expect(workspaces.body.data.map((w: { id: string }) => w.id)).toEqual([person.workspaceId]);
  });

  it('lists only the caller’s own tokens, without secrets', async () => {
    const a = buildMember(t.db);
    const b = buildMember(t.db);
    const apiA = await signIn(t.url, a);
    const apiB = await signIn(t.url, b);
    await apiA.post('/api/tokens', { name: 'A1' });
    await apiA.post('/api/tokens', { name: 'A2' });
    await apiB.post('/api/tokens', { name: 'B1' });
    const list = await apiA.get('/api/tokens');
    expect(list.status).toBe(200);
    expect(list.body.data.map((x: { name: string }) => x.name).sort()).toEqual(['A1', 'A2']);
    for (const token of list.body.data) expect(Object.keys(token).sort()).toEqual(['createdAt', 'id', 'lastUsedAt', 'name', 'prefix']);
  });

  it('revokes an own token, after which it no longer works', async () => {
    const person = buildMember(t.db);
    const api = await signIn(t.url, person);
    const created = await api.post('/api/tokens', { name: 'kurzlebig' });
    const bearer = new ApiClient(t.url, { token: created.body.token });
    expect((await bearer.get('/api/me')).status).toBe(200);
    expect((await api.delete(`/api/tokens/${created.body.apiToken.id}`)).status).toBe(204);
    expect((await bearer.get('/api/me')).status).toBe(401);
    expect((await api.get('/api/tokens')).body.data).toEqual([]);
  });

  it('answers 404 for someone else’s token and leaves it alone', async () => {
    const owner = buildMember(t.db);
    const other = buildMember(t.db);
    const created = await (await signIn(t.url, owner)).post('/api/tokens', { name: 'meins' });
    const res = await (await signIn(t.url, other)).delete(`/api/tokens/${created.body.apiToken.id}`);
    expect(res.status).toBe(404);
    expect(t.db.select().from(apiTokens).where(eq(apiTokens.id, created.body.apiToken.id)).get()).toBeTruthy();
  });

  it('lets a token revoke itself and create others without an Origin header', async () => {
    const person = buildMember(t.db);
    const created = await (await signIn(t.url, person)).post('/api/tokens', { name: 'cli' });
    const bearer = new ApiClient(t.url, { token: created.body.token, origin: null });
    expect((await bearer.post('/api/tokens', { name: 'zweiter' })).status).toBe(201);
    expect((await bearer.delete(`/api/tokens/${created.body.apiToken.id}`)).status).toBe(204);
  });

  it('refuses every token route without a session', async () => {
    const api = new ApiClient(t.url);
    expect((await api.get('/api/tokens')).status).toBe(401);
    expect((await api.post('/api/tokens', { name: 'x' })).status).toBe(401);
    expect((await api.delete('/api/tokens/abc')).status).toBe(401);
  });
});
