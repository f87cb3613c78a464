/**
 * Builds the client when its sources are newer than the build, then starts a real Konvent
 * server from source (tsx) on a free port with a fresh data directory and the demo. The
 * returned function is Playwright's teardown: it stops the server and removes the data.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const clientDist = join(repo, 'client', 'dist');
const demoLogins = { moderator: 'moderation@example.org', member: 'expert01@example.org', observer: 'gast@example.org' };

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry === 'dist') continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

function buildClientIfNeeded(): void {
  const built = existsSync(join(clientDist, 'index.html')) ? statSync(join(clientDist, 'index.html')).mtimeMs : 0;
  const sources = Math.max(
    newestMtime(join(repo, 'client', 'src')),
    newestMtime(join(repo, 'client', 'index.html')),
    newestMtime(join(repo, 'shared', 'src')),
  );
  if (built >= sources) return;
  console.log('[e2e] building the client …');
  const result = spawnSync('pnpm', ['--filter', '@konvent/client', 'build'], { cwd: repo, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('client build failed');
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

async function waitForHealth(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Konvent server exited early with code ${child.exitCode}`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`Konvent server did not answer /healthz within ${timeoutMs} ms`);
}

/** Every file index.html references is there (a concurrent build may be half done). */
function isCompleteBuild(dir: string): boolean {
  const index = join(dir, 'index.html');
  if (!existsSync(index)) return false;
  const refs = [...readFileSync(index, 'utf8').matchAll(/(?:src|href)="\/(assets\/[^"]+)"/g)].map((m) => m[1]!);
  return refs.every((ref) => existsSync(join(dir, ref)));
}

/**
 * The server serves a private copy of the build: other people on this machine rebuild
 * client/dist while tests run, and a half-written dist would fail pages at random.
 */
function snapshotClient(target: string): void {
  for (let attempt = 0; attempt < 10; attempt++) {
    buildClientIfNeeded();
    if (isCompleteBuild(clientDist)) {
      rmSync(target, { recursive: true, force: true });
      cpSync(clientDist, target, { recursive: true });
      if (isCompleteBuild(target)) return;
    }
    // Someone else's build is writing dist right now: give it a moment to finish.
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10_000);
  }
  throw new Error('could not get a complete client build');
}

export default async function globalSetup(): Promise<() => Promise<void>> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'konvent-e2e-'));
  const servedClient = join(dataDir, 'client-dist');
  snapshotClient(servedClient);
  const tsx = import.meta.resolve('tsx');
  const child = spawn(process.execPath, ['--import', tsx, join(repo, 'server', 'src', 'main.ts')], {
    cwd: repo,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      KONVENT_DATA_DIR: dataDir,
      KONVENT_DEMO: '1',
      KONVENT_CLIENT_DIST: servedClient,
      KONVENT_LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(url, child, 90_000);
  } catch (err) {
    child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
    throw err;
  }
  process.env.KONVENT_E2E_URL = url;
  // Specs that are not about logging in start signed in: one API login per demo person,
  // saved as Playwright storage state (the session cookie), instead of a form per test.
  const stateDir = join(dataDir, 'e2e-state');
  mkdirSync(stateDir, { recursive: true });
  for (const [role, email] of Object.entries(demoLogins)) {
    const res = await fetch(`${url}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: url },
      body: JSON.stringify({ email, password: 'konvent-demo' }),
    });
    if (!res.ok) throw new Error(`demo login ${email} answered ${res.status}`);
    const cookie = /^([^=]+)=([^;]*)/.exec(res.headers.get('set-cookie') ?? '');
    if (!cookie) throw new Error(`demo login ${email} set no cookie`);
    const state = {
      cookies: [{ name: cookie[1], value: cookie[2], domain: '127.0.0.1', path: '/', expires: -1, httpOnly: true, secure: false, sameSite: 'Lax' }],
      origins: [],
    };
    writeFileSync(join(stateDir, `${role}.json`), JSON.stringify(state));
  }
  process.env.KONVENT_E2E_STATE_DIR = stateDir;

  return async () => {
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
}
