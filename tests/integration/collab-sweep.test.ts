/**
 * Compaction writes the snapshot and its pointer but leaves the folded log rows for a
 * background sweeper. These tests pin down what that relies on: a document whose folded
 * rows are still there (crash between compaction and sweep) loads exactly its snapshot plus
 * the rows after the pointer, and the sweeper deletes only rows the snapshot covers.
 */
import { join } from 'node:path';
import * as Y from 'yjs';
import { afterEach, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '@konvent/db';
import { docNames } from '@konvent/shared';
import { DocumentStore } from '../../server/src/collab/documentStore';
import { FoldedRowSweeper } from '../../server/src/collab/sweeper';
import { buildCast } from '../support/factories';
import { startTestServer, type TestServer } from '../support/server';
import { appendParagraph, connectClient, logLength, paragraphs, tokenFor, waitFor, type YClient } from '../support/yclient';

const servers: TestServer[] = [];
const clients: YClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  for (const s of servers.splice(0)) await s.stop();
});

async function server(env: Record<string, string> = {}, options: { dataDir?: string } = {}) {
  const s = await startTestServer(env, options);
  servers.push(s);
  return s;
}

const silent = { debug() {}, info() {}, warn() {}, error() {}, child() { return silent; } } as never;

/**
 * Stores a document the way a crash right after compaction leaves it: a snapshot of the
 * first `folded` paragraphs with `compacted_through` at their last row, those rows still in
 * the log, then `after` more rows. One extra row inside the folded range carries a paragraph
 * the snapshot does not hold: it must never appear, since rows <= the pointer are skipped.
 */
function craftUnswept(db: TestServer['db'], name: string, folded: number, after: number) {
  const sqlite = db.$client;
  const insert = sqlite.prepare('INSERT INTO document_updates (document_name, "update", user_id, created_at) VALUES (?, ?, NULL, ?)');
  const author = new Y.Doc();
  const updates: Uint8Array[] = [];
  author.on('update', (u: Uint8Array) => updates.push(u));
  for (let i = 0; i < folded + after; i++) appendParagraph(author, `Absatz ${i}`);
  const snapshotDoc = new Y.Doc();
  let through = 0;
  for (let i = 0; i < folded; i++) {
    Y.applyUpdate(snapshotDoc, updates[i]!);
    through = Number(insert.run(name, Buffer.from(updates[i]!), Date.now()).lastInsertRowid);
  }
  // A row inside the folded range that is not in the snapshot: a reader that did not skip
  // folded rows would show it.
  const stray = new Y.Doc();
  appendParagraph(stray, 'darf nicht erscheinen');
  const strayId = Number(insert.run(name, Buffer.from(Y.encodeStateAsUpdate(stray)), Date.now()).lastInsertRowid);
  sqlite
    .prepare('INSERT INTO documents (name, snapshot, state_vector, compacted_through) VALUES (?, ?, ?, ?)')
    .run(name, Buffer.from(Y.encodeStateAsUpdate(snapshotDoc)), Buffer.from(Y.encodeStateVector(snapshotDoc)), strayId);
  for (let i = folded; i < folded + after; i++) insert.run(name, Buffer.from(updates[i]!), Date.now());
  return { expected: paragraphs(author), through, strayId };
}

const foldedRows = (db: TestServer['db'], name: string) =>
  (
    db.$client
      .prepare('SELECT COUNT(*) AS n FROM document_updates u JOIN documents d ON d.name = u.document_name WHERE d.name = ? AND u.id <= d.compacted_through')
      .get(name) as { n: number }
  ).n;

describe('folded rows left for the sweeper', () => {
  it('loads a document whose folded rows were not swept yet, and sweeps only folded rows', async () => {
    const t = await server();
    const cast = buildCast(t.db);
    const name = docNames.section(cast.section.id);
    const { expected } = craftUnswept(t.db, name, 30, 7);
    const store = new DocumentStore(t.db);

    const before = store.load(name).ydoc;
    expect(paragraphs(before)).toEqual(expected);
    expect(logLength(t.db, name)).toBe(30 + 1 + 7);

    const sweeper = new FoldedRowSweeper(store, silent, { chunkRows: 4, tickBudgetMs: 1_000, intervalMs: 1 });
    expect(store.sweepFolded(name, 4)).toBe(4);
    sweeper.mark(name);
    sweeper.stop();
    sweeper.drain();
    expect(foldedRows(t.db, name)).toBe(0);
    expect(logLength(t.db, name)).toBe(7);
    expect(paragraphs(store.load(name).ydoc)).toEqual(expected);
  });

  it('a restarted server serves such a document correctly and sweeps what the crash left', async () => {
    const first = await server();
    const cast = buildCast(first.db);
    const name = docNames.section(cast.section.id);
    const token = await tokenFor(first.server, cast.member.id);
    servers.splice(servers.indexOf(first), 1);
    await first.stop({ keepData: true });

    const db = openDatabase(join(first.dataDir, 'konvent.sqlite'));
    const { expected } = craftUnswept(db, name, 40, 5);
    closeDatabase(db);

    const t = await server({}, { dataDir: first.dataDir });
    const c = connectClient(t.wsUrl, name, { token });
    clients.push(c);
    await c.synced();
    expect(paragraphs(c.doc)).toEqual(expected);
    await waitFor(() => foldedRows(t.db, name) === 0, { message: 'leftover folded rows swept after the restart' });
    expect(logLength(t.db, name)).toBe(5);
  });

  it('compaction by the live server leaves the state equal and the sweeper empties the folded range', async () => {
    const t = await server();
    const cast = buildCast(t.db);
    const name = docNames.section(cast.section.id);
    const c = connectClient(t.wsUrl, name, { token: await tokenFor(t.server, cast.member.id) });
    clients.push(c);
    await c.synced();
    for (let i = 0; i < 900; i++) {
      appendParagraph(c.doc, `Zeile ${i}`);
      if (i % 50 === 0) await new Promise((r) => setTimeout(r, 5));
    }
    await waitFor(
      () => {
        const row = t.db.$client.prepare('SELECT compacted_through AS n FROM documents WHERE name = ?').get(name) as { n: number } | undefined;
        return (row?.n ?? 0) > 0 && foldedRows(t.db, name) === 0;
      },
      { message: 'compacted and swept' },
    );
    const store = new DocumentStore(t.db);
    await waitFor(() => paragraphs(store.load(name).ydoc).length === 900, { message: 'stored' });
    expect(paragraphs(store.load(name).ydoc)).toEqual(paragraphs(c.doc));
  });
});
