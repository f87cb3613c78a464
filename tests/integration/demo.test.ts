/**
 * The demo working group (DESIGN.md, "Embedded default and operations": a contract): seeded
 * into an empty database, its logins, its shape, the stored section texts, and that seeding
 * again changes nothing.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { count, eq } from 'drizzle-orm';
import { auditLog, documents, memberships, sections, subgroupMembers, topics, users, workspaces } from '@konvent/db';
import { COLLAB_FIELD, docNames } from '@konvent/shared';
import { seedDemo, seedDemoIfEmpty } from '../../server/src/demo/seed';
import { buildUser } from '../support/factories';
import { ApiClient } from '../support/http';
import { startTestServer, type TestServer } from '../support/server';
import { connectClient, tokenFor, waitFor } from '../support/yclient';

const PASSWORD = 'konvent-demo';
const serverDir = resolve(fileURLToPath(import.meta.url), '..', '..', '..', 'server');

/** Names of every element below a Yjs XML node (the ProseMirror node types of the stored text). */
function elementNames(node: Y.XmlFragment | Y.XmlElement, into: string[] = []): string[] {
  for (const child of node.toArray()) {
    if (child instanceof Y.XmlElement) {
      into.push(child.nodeName);
      elementNames(child, into);
    }
  }
  return into;
}

describe('the demo working group seeded into an empty database', () => {
  let srv: TestServer;
  let workspaceId: string;

  beforeAll(async () => {
    srv = await startTestServer({ KONVENT_DEMO: '1' }, { seedDemo: true });
    workspaceId = srv.db.select().from(workspaces).where(eq(workspaces.isDemo, true)).get()!.id;
  });
  afterAll(() => srv?.stop());

  it('reports the demo login that main.ts prints', () => {
    expect(srv.demo).toEqual({
      workspaceName: 'Open Source in Kommunen',
      moderatorEmail: 'moderation@example.org',
      password: PASSWORD,
    });
  });

  it.each(['moderation@example.org', 'expert01@example.org', 'expert39@example.org', 'gast@example.org'])(
    'lets %s log in with konvent-demo and see the demo workspace',
    async (email) => {
      const client = new ApiClient(srv.url);
      const login = await client.post('/api/auth/login', { email, password: PASSWORD });
      expect(login.status).toBe(200);
      expect(login.body.user.email).toBe(email);
      const list = await client.get('/api/workspaces');
      expect(list.status).toBe(200);
      expect(list.body.data.map((w: { name: string }) => w.name)).toContain('Open Source in Kommunen');
    },
  );

  it('refuses the demo accounts with a wrong password', async () => {
    const res = await new ApiClient(srv.url).post('/api/auth/login', { email: 'expert01@example.org', password: 'konvent-demo!' });
    expect(res.status).toBe(401);
  });

  it('is one workspace marked as demo with a German description', () => {
    const rows = srv.db.select().from(workspaces).all();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ name: 'Open Source in Kommunen', isDemo: true });
    expect(rows[0]!.description).toMatch(/Arbeitskreis/);
  });

  it('has 41 members: moderation@ as moderator, expert01 … expert39 as members, gast@ as observer', () => {
    const rows = srv.db
      .select({ email: users.email, role: memberships.role })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(eq(memberships.workspaceId, workspaceId))
      .all();
    expect(rows).toHaveLength(41);
    const roleOf = new Map(rows.map((r) => [r.email, r.role]));
    expect(roleOf.get('moderation@example.org')).toBe('moderator');
    expect(roleOf.get('gast@example.org')).toBe('observer');
    for (let n = 1; n <= 39; n++) {
      expect(roleOf.get(`expert${String(n).padStart(2, '0')}@example.org`)).toBe('member');
    }
  });

  it('gives every person a distinct name and an organisation', () => {
    const people = srv.db.select({ name: users.name, organisation: users.organisation }).from(users).all();
    expect(new Set(people.map((p) => p.name)).size).toBe(people.length);
    for (const p of people) expect(p.organisation?.length).toBeGreaterThan(3);
  });

  it('has five focus topics whose subgroups have 6 to 9 members with one or two leads', () => {
    const rows = srv.db.select().from(topics).where(eq(topics.workspaceId, workspaceId)).orderBy(topics.position).all();
    expect(rows.map((t) => t.title)).toEqual([
      'Sensibilisierung und Grundlagen',
      'Umsetzungsstrategien',
      'Open Source Governance',
      'Praxisbeispiele aus Kommunen',
      'Zusammenarbeit mit Wirtschaft und Community',
    ]);
    for (const topic of rows) {
      expect(topic.description.length).toBeGreaterThan(40);
      const group = srv.db.select().from(subgroupMembers).where(eq(subgroupMembers.topicId, topic.id)).all();
      expect(group.length).toBeGreaterThanOrEqual(6);
      expect(group.length).toBeLessThanOrEqual(9);
      const leads = group.filter((m) => m.isLead).length;
      expect(leads).toBeGreaterThanOrEqual(1);
      expect(leads).toBeLessThanOrEqual(2);
    }
  });

  it('puts every expert in at least one subgroup and only members in subgroups', () => {
    const inGroups = srv.db
      .select({ email: users.email, role: memberships.role })
      .from(subgroupMembers)
      .innerJoin(users, eq(users.id, subgroupMembers.userId))
      .innerJoin(memberships, eq(memberships.userId, users.id))
      .all();
    const emails = new Set(inGroups.map((r) => r.email));
    for (let n = 1; n <= 39; n++) expect(emails).toContain(`expert${String(n).padStart(2, '0')}@example.org`);
    expect(inGroups.every((r) => r.role === 'member')).toBe(true);
    // Some experts work in two subgroups.
    expect(inGroups.length).toBeGreaterThan(39);
  });

  it('builds the outline: Vorwort, Einleitung, a chapter per topic with two or three sections, Empfehlungen, Anhang', () => {
    const all = srv.db.select().from(sections).where(eq(sections.workspaceId, workspaceId)).all();
    const top = all.filter((s) => s.parentId === null).sort((a, b) => a.position - b.position);
    const topicRows = srv.db.select().from(topics).where(eq(topics.workspaceId, workspaceId)).orderBy(topics.position).all();
    expect(top.map((s) => s.title)).toEqual([
      'Vorwort',
      'Einleitung',
      ...topicRows.map((t) => t.title),
      'Empfehlungen',
      'Anhang',
    ]);
    for (const topic of topicRows) {
      const chapter = top.find((s) => s.topicId === topic.id)!;
      const children = all.filter((s) => s.parentId === chapter.id);
      expect(children.length).toBeGreaterThanOrEqual(2);
      expect(children.length).toBeLessThanOrEqual(3);
      expect(children.every((s) => s.topicId === topic.id)).toBe(true);
      expect(children.map((s) => s.position).sort()).toEqual(children.map((_, i) => i));
    }
    for (const title of ['Vorwort', 'Einleitung', 'Empfehlungen']) {
      const s = top.find((x) => x.title === title)!;
      expect(s.topicId).toBeNull();
      expect(s.assigneeId).not.toBeNull();
    }
    expect(all.filter((s) => s.parentId === top.at(-1)!.id).map((s) => s.title)).toEqual([
      'Glossar',
      'Quellen und weiterführende Literatur',
    ]);
  });

  it('mixes statuses (draft, review, at least one final) and sets assignees and due dates on some sections', () => {
    const all = srv.db.select().from(sections).where(eq(sections.workspaceId, workspaceId)).all();
    const statuses = new Set(all.map((s) => s.status));
    expect([...statuses].sort()).toEqual(['draft', 'final', 'review']);
    expect(all.some((s) => s.assigneeId && /^\d{4}-\d{2}-\d{2}$/.test(s.dueDate ?? ''))).toBe(true);
    expect(all.some((s) => !s.dueDate)).toBe(true);
  });

  it('stores a non-empty Yjs document in the field "default" for every section, edited last by someone who may write it', () => {
    const all = srv.db.select().from(sections).where(eq(sections.workspaceId, workspaceId)).all();
    let words = 0;
    for (const section of all) {
      const row = srv.db.select().from(documents).where(eq(documents.name, docNames.section(section.id))).get();
      expect(row, section.title).toBeDefined();
      expect(row!.compactedThrough).toBe(0);
      const ydoc = new Y.Doc();
      Y.applyUpdate(ydoc, row!.snapshot!);
      // The state vector travels with the snapshot, as the collab server's compaction writes it.
      expect(Buffer.from(Y.encodeStateVector(ydoc)).equals(row!.stateVector!), section.title).toBe(true);
      const fragment = ydoc.getXmlFragment('default');
      expect(fragment.length, section.title).toBeGreaterThan(2);
      const names = elementNames(fragment);
      expect(names, section.title).toContain('paragraph');
      // The section title is heading level 1 and not part of the text.
      const headings = names.filter((n) => n === 'heading').length;
      const levels = fragment.createTreeWalker((n) => n instanceof Y.XmlElement && n.nodeName === 'heading');
      for (const h of levels) expect([2, 3]).toContain(Number((h as Y.XmlElement).getAttribute('level')));
      expect(headings + names.filter((n) => n === 'bulletList' || n === 'orderedList' || n === 'table').length).toBeGreaterThan(0);
      expect(row!.plainText.length).toBeGreaterThan(300);
      expect(row!.wordCount).toBeGreaterThan(50);
      expect(row!.lastEditedAt!.getTime()).toBeLessThan(Date.now());
      words += row!.wordCount;
      if (section.topicId) {
        const writer = srv.db
          .select()
          .from(subgroupMembers)
          .where(eq(subgroupMembers.topicId, section.topicId))
          .all()
          .map((m) => m.userId);
        expect(writer, section.title).toContain(row!.lastEditedById);
      }
    }
    expect(words).toBeGreaterThan(3000);
  });

  it('has headings, both kinds of lists, links and at least one table in the report', () => {
    const names: string[] = [];
    let links = 0;
    for (const row of srv.db.select().from(documents).all()) {
      const ydoc = new Y.Doc();
      Y.applyUpdate(ydoc, row.snapshot!);
      const fragment = ydoc.getXmlFragment('default');
      elementNames(fragment, names);
      // Marks are formatting attributes of Y.XmlText; toString renders them as tags.
      links += (fragment.toString().match(/href="https?:\/\//g) ?? []).length;
    }
    for (const kind of ['heading', 'bulletList', 'orderedList', 'table', 'tableHeader', 'tableCell', 'blockquote']) {
      expect(names, kind).toContain(kind);
    }
    expect(links).toBeGreaterThan(0);
  });

  it('serves a seeded section through the content API with its table', async () => {
    const client = new ApiClient(srv.url);
    await client.login('expert01@example.org', PASSWORD);
    const section = srv.db.select().from(sections).where(eq(sections.title, 'Lizenzen verständlich erklärt')).get()!;
    const html = await client.get(`/api/sections/${section.id}/content?format=html`);
    expect(html.status).toBe(200);
    expect(String(html.body)).toContain('<table');
    expect(String(html.body)).toContain('EUPL');
  });

  it('gives a y-websocket client of a subgroup member the seeded text over /collab', async () => {
    const section = srv.db.select().from(sections).where(eq(sections.title, 'Lizenzen verständlich erklärt')).get()!;
    const stored = srv.db.select().from(documents).where(eq(documents.name, docNames.section(section.id))).get()!;
    const expected = new Y.Doc();
    Y.applyUpdate(expected, stored.snapshot!);
    const expert04 = srv.db.select().from(users).where(eq(users.email, 'expert04@example.org')).get()!;
    const client = connectClient(srv.wsUrl, docNames.section(section.id), { token: await tokenFor(srv.server, expert04.id) });
    try {
      await client.synced();
      expect(client.doc.getXmlFragment('default').toString()).toBe(expected.getXmlFragment('default').toString());
      expect(client.closes).toEqual([]);
    } finally {
      client.destroy();
    }
  });

  it('writes the history of the last weeks to the audit log', () => {
    const rows = srv.db.select().from(auditLog).where(eq(auditLog.workspaceId, workspaceId)).all();
    const actions = new Set(rows.map((r) => r.action));
    for (const a of ['workspace.created', 'member.added', 'topic.created', 'section.created', 'section.status_changed']) {
      expect(actions).toContain(a);
    }
    const times = rows.map((r) => r.createdAt.getTime());
    expect(Math.max(...times)).toBeLessThan(Date.now());
    expect(Date.now() - Math.min(...times)).toBeGreaterThan(21 * 86_400_000);
  });

  it('shows that history, newest first, in the activity feed of the dashboard', async () => {
    const client = new ApiClient(srv.url);
    await client.login('expert01@example.org', PASSWORD);
    const res = await client.get(`/api/workspaces/${workspaceId}/activity?limit=20`);
    expect(res.status).toBe(200);
    expect(res.body.data).toHaveLength(20);
    const times = res.body.data.map((a: { createdAt: string }) => Date.parse(a.createdAt));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(res.body.data.every((a: { actorName: string | null }) => a.actorName)).toBe(true);
  });

  it('does nothing when seeded a second time', async () => {
    const before = {
      users: srv.db.select({ n: count() }).from(users).get()!.n,
      sections: srv.db.select({ n: count() }).from(sections).get()!.n,
      audit: srv.db.select({ n: count() }).from(auditLog).get()!.n,
    };
    expect(await seedDemoIfEmpty(srv.server.ctx)).toBeNull();
    expect({
      users: srv.db.select({ n: count() }).from(users).get()!.n,
      sections: srv.db.select({ n: count() }).from(sections).get()!.n,
      audit: srv.db.select({ n: count() }).from(auditLog).get()!.n,
    }).toEqual(before);
  });
});

describe('seeding the demo', () => {
  it('leaves a database with users alone', async () => {
    const srv = await startTestServer();
    try {
      buildUser(srv.db);
      expect(await seedDemoIfEmpty(srv.server.ctx)).toBeNull();
      expect(srv.db.select().from(workspaces).all()).toHaveLength(0);
    } finally {
      await srv.stop();
    }
  });

  it('finishes within 3 seconds', async () => {
    const srv = await startTestServer();
    try {
      const started = performance.now();
      const result = await seedDemo(srv.db, {});
      expect(result?.sectionCount).toBeGreaterThan(20);
      expect(performance.now() - started).toBeLessThan(3000);
    } finally {
      await srv.stop();
    }
  });

  it('refuses a second demo workspace and replaces it on request, reusing the accounts', async () => {
    const srv = await startTestServer();
    try {
      const first = await seedDemo(srv.db, {});
      await expect(seedDemo(srv.db, {})).rejects.toThrow(/exists already/);
      const second = await seedDemo(srv.db, { replace: true });
      expect(second!.workspaceId).not.toBe(first!.workspaceId);
      expect(second!.reusedAccounts).toHaveLength(41);
      expect(srv.db.select().from(workspaces).all()).toHaveLength(1);
      const docs = srv.db.select({ name: documents.name }).from(documents).all();
      const live = srv.db.select({ id: sections.id }).from(sections).all().map((s) => docNames.section(s.id));
      expect(docs.map((d) => d.name).sort()).toEqual(live.sort());
    } finally {
      await srv.stop();
    }
  });
});

/**
 * Starts a server process with the demo on a fresh data directory, waits until it prints its
 * address and the demo login, runs `use` against it and stops it with SIGTERM.
 */
async function withDemoProcess(args: string[], use: (url: string, out: string) => Promise<void>): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'konvent-main-'));
  const env: Record<string, string | undefined> = {
    ...process.env,
    PORT: '0',
    HOST: '127.0.0.1',
    KONVENT_DATA_DIR: dataDir,
    KONVENT_DEMO: '1',
    KONVENT_LOG_LEVEL: 'warn',
    // No client build needed: these tests talk to the API and the co-editing socket.
    KONVENT_CLIENT_DIST: dataDir,
  };
  delete env.INIT_CWD;
  const child = spawn(process.execPath, args, { cwd: serverDir, env, stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    let out = '';
    const url = await new Promise<string>((resolveUrl, reject) => {
      const timer = setTimeout(() => reject(new Error(`no start within 180 s: ${out}`)), 180_000);
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const m = /Konvent läuft auf (\S+)/.exec(out);
        if (m && out.includes('Demo-Arbeitskreis')) {
          clearTimeout(timer);
          resolveUrl(m[1]!);
        }
      });
      child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
      child.on('exit', (code) => reject(new Error(`exited with ${code}: ${out}`)));
    });
    await use(url, out);
  } finally {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  }
}

describe('the server process (server/src/main.ts)', { timeout: 200_000 }, () => {
  it('seeds the demo on first start with KONVENT_DEMO=1, prints the login, and serves it', async () => {
    await withDemoProcess(['--import', 'tsx', 'src/main.ts'], async (url, out) => {
      expect(out).toContain('moderation@example.org / konvent-demo');
      const client = new ApiClient(url);
      await client.login('gast@example.org', PASSWORD);
      expect((await client.get('/api/me')).status).toBe(200);
    });
  });

  // `pnpm start` runs the esbuild bundle (server/build.mjs), which inlines Yjs, y-protocols,
  // y-prosemirror, drizzle-orm and zod: one copy of Yjs for the seeder, the store and the
  // socket, or the demo's texts would not survive the trip.
  it('as `pnpm start` runs it (the bundle, with the production flags) serves the demo texts over the API and the co-editing socket', async () => {
    // Its own build beside dist/ (a server started from dist/ keeps running), inside server/ so
    // that the external packages resolve from server/node_modules as they do for dist/.
    const outdir = `dist-test-${process.pid}`;
    const build = spawnSync(process.execPath, ['build.mjs', outdir], { cwd: serverDir, encoding: 'utf8' });
    expect(build.status, build.stderr).toBe(0);
    const flags = JSON.parse(readFileSync(join(serverDir, 'node-flags.json'), 'utf8')) as string[];
    try {
      await withDemoProcess([...flags, `${outdir}/main.js`], async (url, out) => {
        expect(out).toContain('moderation@example.org / konvent-demo');
        const client = new ApiClient(url);
        await client.login('moderation@example.org', PASSWORD);
        const [workspace] = (await client.get('/api/workspaces')).body.data as { id: string }[];
        const listed = await client.get(`/api/workspaces/${workspace!.id}/sections`);
        const section = (listed.body.data as { id: string; title: string; wordCount: number }[]).find((s) => s.wordCount > 20)!;
        expect(section).toBeDefined();
        const text = (await client.get<string>(`/api/sections/${section.id}/content?format=text`)).body;
        expect(text.split(/\s+/).length).toBeGreaterThan(20);

        const created = await client.post('/api/tokens', { name: 'bundle test' });
        expect(created.status).toBe(201);
        const reader = connectClient(url.replace(/^http/, 'ws').replace(/\/$/, ''), docNames.section(section.id), { token: created.body.token });
        try {
          await reader.synced();
          // The paragraphs the socket delivers are the ones the API rendered.
          const firstWords = text.trim().split(/\s+/).slice(0, 5).join(' ');
          await waitFor(() => reader.doc.getXmlFragment(COLLAB_FIELD).toString().replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').includes(firstWords), {
            message: `the socket's copy to contain "${firstWords}"`,
          });
        } finally {
          reader.destroy();
        }
      });
    } finally {
      rmSync(join(serverDir, outdir), { recursive: true, force: true });
    }
  });
});
