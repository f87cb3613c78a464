import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../support/http';
import { TEST_PASSWORD, buildMember } from '../support/factories';
import { startTestServer, type TestServer } from '../support/server';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.stop());

describe('login', () => {
  it('logs in with email and password and sets an HttpOnly session cookie', async () => {
    const person = buildMember(t.db, { role: 'member' });
    const api = new ApiClient(t.url);
    const res = await api.post('/api/auth/login', { email: person.email, password: TEST_PASSWORD });
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ id: person.id, email: person.email });
    expect(res.body.user.passwordHash).toBeUndefined();
    const cookie = res.headers.getSetCookie().join(';');
    expect(cookie).toMatch(/konvent_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const me = await api.get('/api/me');
    expect(me.status).toBe(200);
    expect(me.body.user.id).toBe(person.id);
    expect(me.body.memberships).toEqual([
      expect.objectContaining({ workspaceId: person.workspaceId, role: 'member' }),
    ]);
  });

  it('answers the same 401 for an unknown email and a wrong password', async () => {
    const person = buildMember(t.db);
    const api = new ApiClient(t.url);
    const wrong = await api.post('/api/auth/login', { email: person.email, password: 'not-the-password' });
    const unknown = await api.post('/api/auth/login', { email: 'nobody@example.org', password: 'not-the-password' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body.error.code).toBe('invalid_credentials');
  });

  it('ends the session on logout', async () => {
    const person = buildMember(t.db);
    const api = new ApiClient(t.url);
    await api.login(person.email, TEST_PASSWORD);
    const stale = api.cookie;
    expect((await api.post('/api/auth/logout')).status).toBe(204);
    api.cookie = stale;
    expect((await api.get('/api/me')).status).toBe(401);
  });

  it('rate-limits repeated failures on one account with 429 and Retry-After', async () => {
    const person = buildMember(t.db);
    const api = new ApiClient(t.url);
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      statuses.push((await api.post('/api/auth/login', { email: person.email, password: 'wrong-password' })).status);
    }
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    const limited = await api.post('/api/auth/login', { email: person.email, password: TEST_PASSWORD });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('refuses a cookie-authenticated write from another origin', async () => {
    const person = buildMember(t.db);
    const api = new ApiClient(t.url);
    await api.login(person.email, TEST_PASSWORD);
    const evil = new ApiClient(t.url, { origin: 'https://evil.example.com' });
    evil.cookie = api.cookie;
    const res = await evil.post('/api/auth/logout');
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('bad_origin');
    expect((await api.get('/api/me')).status).toBe(200);
  });
});

describe('bad input', () => {
  it('answers malformed JSON with 400 invalid_json', async () => {
    const res = await new ApiClient(t.url).request('POST', '/api/auth/login', '{"email":');
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_json');
  });

  it('names an unknown field', async () => {
    const res = await new ApiClient(t.url).post('/api/auth/login', { email: 'a@b.de', password: 'x', admin: true });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('admin');
  });

  it('answers a body over 1 MB with 413', async () => {
    const res = await new ApiClient(t.url).post('/api/auth/login', { email: 'a@b.de', password: 'x'.repeat(1_100_000) });
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('payload_too_large');
  });

  it('answers unknown API routes with 404 JSON', async () => {
    const res = await new ApiClient(t.url).get('/api/does-not-exist');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('not_found');
  });

  it('reports health', async () => {
    const res = await new ApiClient(t.url).get('/healthz');
    expect(res.status).toBe(200);
  });
});
