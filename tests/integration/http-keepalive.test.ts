/**
 * HTTP clients and reverse proxies keep connections to the server open between requests and
 * send the next request on one of them. The server must not close an idle connection that
 * such a client may reuse at that moment: Node's default of 5 s did, and the request sent on
 * it failed with ECONNRESET (a login in the browser tests, through Playwright's shared agent).
 */
import { Agent, get, type IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.stop());

function fetchOn(agent: Agent, path: string): Promise<{ res: IncomingMessage; socket: Socket; reused: boolean }> {
  return new Promise((resolve, reject) => {
    const req = get(`${t.url}${path}`, { agent }, (res) => {
      res.resume();
      res.on('end', () => resolve({ res, socket: req.socket as Socket, reused: req.reusedSocket }));
    });
    req.on('error', reject);
  });
}

it('keeps an idle keep-alive connection open past 5 s, so the next request reuses it', { timeout: 20_000 }, async () => {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  try {
    const first = await fetchOn(agent, '/healthz');
    expect(first.res.statusCode).toBe(200);
    expect(first.res.headers.connection).toBe('keep-alive');
    // The server announces how long it keeps the connection: longer than a proxy's 60 s.
    const timeout = Number(/timeout=(\d+)/.exec(String(first.res.headers['keep-alive']))?.[1]);
    expect(timeout).toBeGreaterThan(60);

    await new Promise((r) => setTimeout(r, 6_000));
    expect(first.socket.destroyed).toBe(false);
    const second = await fetchOn(agent, '/healthz');
    expect(second.res.statusCode).toBe(200);
    expect(second.reused).toBe(true);
    expect(second.socket).toBe(first.socket);
  } finally {
    agent.destroy();
  }
});
