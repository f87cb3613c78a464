import Database from 'better-sqlite3';
/**
 * `pnpm konvent <command>` as a person runs it: a child process on a temporary data
 * directory, mostly while a real server serves the same SQLite file (WAL).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditLog, memberships, sections, users, workspaces } from '@konvent/db';
import { CloseCodes, docNames, Events } from '@konvent/shared';
import { buildMember, buildUser } from '../support/factories';
import { ApiClient } from '../support/http';
import { startTestServer, type TestServer } from '../support/server';
import { connectSocket } from '../support/sockets';
import { connectClient, tokenFor, waitFor } from '../support/yclient';

// Every run starts a Node process that loads TypeScript through tsx: seconds each on a
// busy machine, hence the generous timeouts.
const serverDir = resolve(fileURLToPath(import.meta.url), '..', '..', '..', 'server');
// A plain read-only connection (openDatabase would switch a backup to WAL). Loaded this way
// because tests/ has no @types/better-sqlite3; the connection type comes through Db.
const commandNames = ['user:create', 'workspace:create', 'member:add', 'token:create', 'seed:demo', 'backup', 'restore', 'db:migrate'];

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** A port nobody listens on, so restore's "is a server running?" probe meets no stranger's server. */
async function unusedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((r) => probe.listen(0, '127.0.0.1', () => r()));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((r) => probe.close(() => r()));
  return port;
}

/** Runs the CLI as `pnpm konvent` would: in server/, with INIT_CWD the directory the person is in. */
function konvent(args: string[], options: { dataDir: string; cwd?: string; env?: Record<string, string> }): Promise<Run> {
  const env: Record<string, string | undefined> = { ...process.env };
  for (const key of Object.keys(env)) if (key.startsWith('KONVENT_') || key === 'PORT' || key === 'HOST') delete env[key];
  Object.assign(env, { KONVENT_DATA_DIR: options.dataDir, INIT_CWD: options.cwd ?? options.dataDir, PORT: String(port) }, options.env);
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { cwd: serverDir, env });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  return new Promise((r) => child.on('close', (code) => r({ code, stdout, stderr })));
}

let port: number;
beforeAll(async () => {
  port = await unusedPort();
});

describe('konvent --help and usage errors', { timeout: 180_000 }, () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'konvent-cli-'));
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('lists every command with --help and exits 0', async () => {
    const run = await konvent(['--help'], { dataDir });
    expect(run.code).toBe(0);
    for (const name of commandNames) expect(run.stdout).toContain(name);
  });

  it('prints the overview to stderr and exits 2 without a command', async () => {
    const run = await konvent([], { dataDir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Commands:');
  });

  // Every command's help comes from the same generator; three of them (options, a
  // positional argument, notes) keep the number of slow tsx starts down.
  it.each([
    ['user:create', '--organisation <text>'],
    ['backup', '<file>'],
    ['restore', 'Stop the server first'],
  ])('shows the usage, options and notes of %s with --help', async (name, detail) => {
    const run = await konvent([name, '--help'], { dataDir });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Usage: konvent ${name}`);
    expect(run.stdout).toContain(detail);
  });

  it('rejects an unknown command with exit code 2, naming it', async () => {
    const run = await konvent(['user:delete'], { dataDir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Unknown command "user:delete"');
  });

  it('rejects an unknown option with exit code 2, naming it', async () => {
    const run = await konvent(['user:create', '--emial', 'a@example.org'], { dataDir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("'--emial'");
  });

  it('rejects a missing required option and a missing argument with exit code 2', async () => {
    const [noName, noFile] = await Promise.all([
      konvent(['user:create', '--email', 'a@example.org'], { dataDir }),
      konvent(['backup'], { dataDir }),
    ]);
    expect(noName.code).toBe(2);
    expect(noName.stderr).toContain('--name is required');
    expect(noFile.code).toBe(2);
    expect(noFile.stderr).toContain('<file>');
  });

  it('stops with exit code 78 and names the variable when the configuration is bad', async () => {
    const run = await konvent(['db:migrate'], { dataDir, env: { PORT: 'eighty' } });
    expect(run.code).toBe(78);
    expect(run.stderr).toContain('PORT');
  });
});

describe('konvent commands while the server runs on the same database', { timeout: 120_000 }, () => {
  let srv: TestServer;
  let dataDir: string;
  const run = (args: string[], env?: Record<string, string>, cwd?: string) => konvent(args, { dataDir, env, cwd });

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'konvent-cli-'));
    srv = await startTestServer({}, { dataDir });
  });
  afterAll(() => srv?.stop());

  it('user:create makes an account that logs in, with the password from KONVENT_PASSWORD', async () => {
    const result = await run(['user:create', '--email', 'Kim.Berger@Stadt.example', '--name', 'Kim Berger', '--organisation', 'Stadt Lindenfeld', '--admin'], {
      KONVENT_PASSWORD: 'sicheres-passwort',
    });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('kim.berger@stadt.example');
    const user = srv.db.select().from(users).where(eq(users.email, 'kim.berger@stadt.example')).get();
    expect(user).toMatchObject({ name: 'Kim Berger', organisation: 'Stadt Lindenfeld', isAdmin: true });
    await new ApiClient(srv.url).login('kim.berger@stadt.example', 'sicheres-passwort');
    expect(srv.db.select().from(auditLog).where(eq(auditLog.action, 'user.created')).all()).toHaveLength(1);
  });

  it('user:create accepts --password and refuses an address that exists with exit code 1', async () => {
    const ok = await run(['user:create', '--email', 'lea@example.org', '--name', 'Lea Sommer', '--password', 'noch-ein-passwort']);
    expect(ok.code, ok.stderr).toBe(0);
    const again = await run(['user:create', '--email', 'LEA@example.org', '--name', 'Lea', '--password', 'noch-ein-passwort']);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('lea@example.org exists already');
  });

  it('user:create refuses a bad address, a short password and a missing password with exit code 2', async () => {
    const [badEmail, short, none] = await Promise.all([
      run(['user:create', '--email', 'kein-at-zeichen', '--name', 'X', '--password', 'lang-genug-123']),
      run(['user:create', '--email', 'x@example.org', '--name', 'X', '--password', 'kurz']),
      run(['user:create', '--email', 'y@example.org', '--name', 'Y']),
    ]);
    expect(badEmail.code).toBe(2);
    expect(badEmail.stderr).toContain('--email');
    expect(short.code).toBe(2);
    expect(short.stderr).toContain('--password');
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('KONVENT_PASSWORD');
    expect(srv.db.select().from(users).where(eq(users.email, 'x@example.org')).get()).toBeUndefined();
  });

  it('workspace:create makes a working group with its moderator, who sees it through the API', async () => {
    const result = await run(['workspace:create', '--name', 'AK Geodaten', '--description', 'Offene Geodaten', '--moderator', 'kim.berger@stadt.example']);
    expect(result.code, result.stderr).toBe(0);
    const client = new ApiClient(srv.url);
    await client.login('kim.berger@stadt.example', 'sicheres-passwort');
    const list = await client.get('/api/workspaces');
    expect(list.body.data).toEqual([expect.objectContaining({ name: 'AK Geodaten', role: 'moderator' })]);
  });

  it('workspace:create with an unknown moderator fails with exit code 1 and creates nothing', async () => {
    const result = await run(['workspace:create', '--name', 'AK Niemand', '--moderator', 'niemand@example.org']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('niemand@example.org');
    expect(srv.db.select().from(workspaces).where(eq(workspaces.name, 'AK Niemand')).get()).toBeUndefined();
  });

  it('member:add adds by workspace name or id, changes a role, and writes the audit log', async () => {
    const ws = srv.db.select().from(workspaces).where(eq(workspaces.name, 'AK Geodaten')).get()!;
    const byName = await run(['member:add', '--workspace', 'AK Geodaten', '--email', 'lea@example.org', '--role', 'member']);
    expect(byName.code, byName.stderr).toBe(0);
    const byId = await run(['member:add', '--workspace', ws.id, '--email', 'lea@example.org', '--role', 'observer']);
    expect(byId.code, byId.stderr).toBe(0);
    expect(byId.stdout).toContain('from member to observer');
    const lea = srv.db.select().from(users).where(eq(users.email, 'lea@example.org')).get()!;
    const row = srv.db
      .select()
      .from(memberships)
      .where(and(eq(memberships.workspaceId, ws.id), eq(memberships.userId, lea.id)))
      .get();
    expect(row?.role).toBe('observer');
    const actions = srv.db.select().from(auditLog).where(eq(auditLog.workspaceId, ws.id)).all().map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['workspace.created', 'member.added', 'member.role_changed']));
  });

  it('member:add reaches an open co-editing connection of the person within seconds', async () => {
    const ws = srv.db.select().from(workspaces).where(eq(workspaces.name, 'AK Geodaten')).get()!;
    const jan = buildMember(srv.db, { workspaceId: ws.id, role: 'moderator', user: { email: 'jan.roth@example.org', name: 'Jan Roth' } });
    const section = srv.db.insert(sections).values({ workspaceId: ws.id, title: 'Ausgangslage', position: 0 }).returning().get();
    const client = connectClient(srv.wsUrl, docNames.section(section.id), { token: await tokenFor(srv.server, jan.id) });
    try {
      await client.synced();
      const demoted = await run(['member:add', '--workspace', ws.id, '--email', 'jan.roth@example.org', '--role', 'observer']);
      expect(demoted.code, demoted.stderr).toBe(0);
      // The server notices the other process's commit and switches the connection (4509).
      await waitFor(() => client.closes.some((c) => c.code === CloseCodes.PermissionsChanged.code), { timeout: 10_000, message: '4509' });
    } finally {
      client.destroy();
    }
  });

  it('member:add brings the working group’s live events to the person’s open app without a reconnect', async () => {
    const ws = srv.db.select().from(workspaces).where(eq(workspaces.name, 'AK Geodaten')).get()!;
    const mia = buildUser(srv.db, { email: 'mia.lenz@example.org', name: 'Mia Lenz' });
    const socket = await connectSocket(srv.url, { token: await tokenFor(srv.server, mia.id) });
    const kim = new ApiClient(srv.url);
    await kim.login('kim.berger@stadt.example', 'sicheres-passwort');
    const titles = () => socket.received(Events.SectionCreated).map((p: { title: string }) => p.title);
    try {
      const before = await kim.post(`/api/workspaces/${ws.id}/sections`, { title: 'Vor der Aufnahme' });
      expect(before.status).toBe(201);
      const added = await run(['member:add', '--workspace', ws.id, '--email', 'mia.lenz@example.org', '--role', 'member']);
      expect(added.code, added.stderr).toBe(0);
      // The moderator keeps working; once the server has noticed the other process's commit
      // (it checks every 2 s), the new sections reach Mia's open connection.
      let arrived: string | undefined;
      for (let i = 1; i <= 20 && !arrived; i++) {
        const title = `Nach der Aufnahme ${i}`;
        expect((await kim.post(`/api/workspaces/${ws.id}/sections`, { title })).status).toBe(201);
        arrived = await waitFor(() => titles().find((t) => t === title), { timeout: 500, message: title }).catch(() => undefined);
      }
      expect(arrived).toBeDefined();
      // One socket delivers in order: had she been in the room before, the first section's
      // event would have arrived first.
      expect(titles()).not.toContain('Vor der Aufnahme');
    } finally {
      socket.close();
    }
  });

  it('member:add refuses a bad role (2), an unknown workspace or person (1) and demoting the last moderator (1)', async () => {
    const [badRole, noWorkspace, noPerson, lastModerator] = await Promise.all([
      run(['member:add', '--workspace', 'AK Geodaten', '--email', 'lea@example.org', '--role', 'admin']),
      run(['member:add', '--workspace', 'AK Unbekannt', '--email', 'lea@example.org', '--role', 'member']),
      run(['member:add', '--workspace', 'AK Geodaten', '--email', 'wer@example.org', '--role', 'member']),
      run(['member:add', '--workspace', 'AK Geodaten', '--email', 'kim.berger@stadt.example', '--role', 'member']),
    ]);
    expect(badRole.code).toBe(2);
    expect(badRole.stderr).toContain('--role');
    expect(noWorkspace.code).toBe(1);
    expect(noWorkspace.stderr).toContain('AK Unbekannt');
    expect(noPerson.code).toBe(1);
    expect(noPerson.stderr).toContain('wer@example.org');
    expect(lastModerator.code).toBe(1);
    expect(lastModerator.stderr).toContain('last moderator');
  });

  it('token:create prints only a token that authenticates API requests', async () => {
    const result = await run(['token:create', '--email', 'kim.berger@stadt.example', '--name', 'Benchmark']);
    expect(result.code, result.stderr).toBe(0);
    const token = result.stdout.trim();
    expect(token).toMatch(/^kt_[\w-]{20,}$/);
    const me = await new ApiClient(srv.url, { token }).get('/api/me');
    expect(me.status).toBe(200);
    expect(me.body.user.email).toBe('kim.berger@stadt.example');
  });

  it('seed:demo seeds into a database with data, refuses a second time (1) and replaces with --replace', async () => {
    const first = await run(['seed:demo']);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain('Open Source in Kommunen');
    await new ApiClient(srv.url).login('expert39@example.org', 'konvent-demo');
    const again = await run(['seed:demo']);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('--replace');
    const replaced = await run(['seed:demo', '--replace']);
    expect(replaced.code, replaced.stderr).toBe(0);
    expect(srv.db.select().from(workspaces).where(eq(workspaces.isDemo, true)).all()).toHaveLength(1);
  });

  it('backup writes a database with the same rows, relative to the directory the command runs in', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'konvent-cwd-'));
    try {
      const result = await run(['backup', 'sicherung.sqlite'], undefined, cwd);
      expect(result.code, result.stderr).toBe(0);
      const file = join(cwd, 'sicherung.sqlite');
      const copy = new Database(file, { readonly: true });
      try {
        expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
        for (const table of ['users', 'workspaces', 'memberships', 'topics', 'sections', 'documents', 'audit_log']) {
          const live = srv.db.$client.prepare(`select count(*) as n from ${table}`).get();
          expect(copy.prepare(`select count(*) as n from ${table}`).get(), table).toEqual(live);
        }
      } finally {
        copy.close();
      }
      // One self-contained file: no -wal or -shm beside it.
      expect(readdirSync(cwd)).toEqual(['sicherung.sqlite']);
    } finally {
      rmSync(cwd, { recursive: true, force: true });
    }
  });

  it('backup refuses to overwrite a file (1) unless --force is given', async () => {
    const file = join(dataDir, 'vorhanden.sqlite');
    writeFileSync(file, 'nicht überschreiben');
    const refused = await run(['backup', file]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('--force');
    const forced = await run(['backup', file, '--force']);
    expect(forced.code, forced.stderr).toBe(0);
    const copy = new Database(file, { readonly: true });
    expect(copy.prepare('select count(*) as n from users').get()).toEqual(srv.db.$client.prepare('select count(*) as n from users').get());
    copy.close();
  });

  it('restore refuses while the server answers on the configured port', async () => {
    const file = join(dataDir, 'vorhanden.sqlite');
    const result = await run(['restore', file], { PORT: String(srv.port) });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Stop it before restoring');
  });

  it('db:migrate reports an up-to-date schema', async () => {
    const result = await run(['db:migrate']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('up to date');
  });
});

describe('konvent restore with the server stopped', { timeout: 120_000 }, () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'konvent-cli-'));
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('refuses a file that is not a Konvent database with exit code 1', async () => {
    const text = join(dataDir, 'notiz.txt');
    writeFileSync(text, 'Dies ist keine Datenbank, sondern eine Notiz.');
    const other = join(dataDir, 'fremd.sqlite');
    const db = new Database(other);
    db.exec('create table notes (id integer primary key, body text)');
    db.close();
    const [notSqlite, foreign, missing] = await Promise.all([
      konvent(['restore', text], { dataDir }),
      konvent(['restore', other], { dataDir }),
      konvent(['restore', join(dataDir, 'gibt-es-nicht.sqlite')], { dataDir }),
    ]);
    expect(notSqlite.code).toBe(1);
    expect(notSqlite.stderr).toContain('not a readable SQLite database');
    expect(foreign.code).toBe(1);
    expect(foreign.stderr).toContain('not a Konvent database');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('gibt-es-nicht.sqlite');
  });

  it('puts a backup back in place, keeps the previous database, and the server serves the restored data', async () => {
    const created = await konvent(['user:create', '--email', 'vorher@example.org', '--name', 'Vorher', '--password', 'passwort-vorher'], { dataDir });
    expect(created.code, created.stderr).toBe(0);
    const file = join(dataDir, 'stand.sqlite');
    expect((await konvent(['backup', file], { dataDir })).code).toBe(0);
    const later = await konvent(['user:create', '--email', 'nachher@example.org', '--name', 'Nachher', '--password', 'passwort-nachher'], { dataDir });
    expect(later.code).toBe(0);

    const restored = await konvent(['restore', file], { dataDir });
    expect(restored.code, restored.stderr).toBe(0);
    expect(readdirSync(dataDir).some((f) => f.startsWith('konvent.sqlite.before-restore-'))).toBe(true);

    const srv = await startTestServer({}, { dataDir });
    try {
      await new ApiClient(srv.url).login('vorher@example.org', 'passwort-vorher');
      expect(srv.db.select().from(users).where(eq(users.email, 'nachher@example.org')).get()).toBeUndefined();
    } finally {
      await srv.stop({ keepData: true });
    }
    expect(existsSync(join(dataDir, 'konvent.sqlite'))).toBe(true);
  });
});
