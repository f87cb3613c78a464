/**
 * kill -9 while people type: the server runs as its own process, is killed with SIGKILL,
 * and restarted on the same data. "Acknowledged" means flushed: an edit the server received
 * at least 100 ms before the kill (the group-commit window is 20 ms, the contract 100 ms).
 * Every such edit must be stored; the clients re-send the rest on reconnect.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, closeDatabase } from '@konvent/db';
import { docNames } from '@konvent/shared';
import { buildCast } from '../support/factories';
import { startTestServer } from '../support/server';
import { appendParagraph, connectClient, contentOf, paragraphs, storedDoc, tokenFor, waitFor, type YClient } from '../support/yclient';

const serverDir = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'server');
const children: ChildProcess[] = [];
const clients: YClient[] = [];
let dataDir: string | undefined;

afterAll(() => {
  for (const c of clients) c.destroy();
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

/** Starts `node --import tsx src/main.ts` and resolves with its port once it listens. */
function startProcess(dir: string, port = 0): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: serverDir,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      KONVENT_DATA_DIR: dir,
      KONVENT_DEMO: '0',
      KONVENT_LOG_LEVEL: 'error',
      KONVENT_CLIENT_DIST: dir,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  return new Promise((resolvePromise, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /läuft auf http:\/\/[^:]+:(\d+)/.exec(out);
      if (match) resolvePromise({ child, port: Number(match[1]) });
    });
    child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${out}`)));
  });
}

describe('kill -9 during typing', () => {
  it('loses no acknowledged edit, and the clients converge after the restart', async () => {
    // Prepare people and a section with the in-process server, then hand the data over.
    const prep = await startTestServer();
    dataDir = prep.dataDir;
    const cast = buildCast(prep.db);
    const name = docNames.section(cast.section.id);
    const tokens = await Promise.all([cast.member, cast.lead, cast.moderator].map((p) => tokenFor(prep.server, p.id)));
    await prep.stop({ keepData: true });

    const first = await startProcess(dataDir);
    const url = `ws://127.0.0.1:${first.port}`;
    const writers = tokens.map((token) => connectClient(url, name, { token }));
    clients.push(...writers);
    await Promise.all(writers.map((w) => w.synced()));

    // Type until the kill: one paragraph per writer every few milliseconds, remembering when
    // each was sent.
    const sent: { text: string; at: number }[] = [];
    let typing = true;
    const typists = writers.map(async (w, i) => {
      for (let n = 0; typing; n++) {
        const text = `w${i}-${n}`;
        appendParagraph(w.doc, text);
        if (w.provider.wsconnected) sent.push({ text, at: Date.now() });
        await new Promise((r) => setTimeout(r, 4));
      }
    });
    await waitFor(() => sent.length >= 150, { message: 'typing under way' });
    const killedAt = Date.now();
    first.child.kill('SIGKILL');
    await new Promise((r) => first.child.once('exit', r));
    // Keep typing offline for a moment, then stop.
    await new Promise((r) => setTimeout(r, 50));
    typing = false;
    await Promise.all(typists);

    const acknowledged = sent.filter((s) => s.at <= killedAt - 100).map((s) => s.text);
    expect(acknowledged.length).toBeGreaterThan(50);
    // What the killed process left on disk holds every acknowledged edit.
    const db = openDatabase(resolve(dataDir, 'konvent.sqlite'));
    const onDisk = new Set(paragraphs(storedDoc(db, name)));
    closeDatabase(db);
    expect(acknowledged.filter((text) => !onDisk.has(text))).toEqual([]);

    // Restart on the same port: the providers reconnect by themselves and re-send.
    const second = await startProcess(dataDir, first.port);
    await waitFor(() => writers.every((w) => w.provider.synced), { timeout: 60_000, message: 'writers reconnected' });
    await waitFor(() => new Set(writers.map((w) => contentOf(w.doc))).size === 1, { timeout: 30_000, message: 'writers converge' });
    const everything = paragraphs(writers[0]!.doc);
    expect(everything.length).toBeGreaterThanOrEqual(sent.length);

    const fresh = connectClient(url, name, { token: tokens[2]! });
    clients.push(fresh);
    await fresh.synced();
    await waitFor(() => contentOf(fresh.doc) === contentOf(writers[0]!.doc), { timeout: 30_000, message: 'fresh client sees all' });

    // A clean stop flushes: the stored document then equals what everyone sees.
    second.child.kill('SIGTERM');
    expect(await new Promise((r) => second.child.once('exit', r))).toBe(0);
    const after = openDatabase(resolve(dataDir, 'konvent.sqlite'));
    expect(contentOf(storedDoc(after, name))).toBe(contentOf(writers[0]!.doc));
    closeDatabase(after);
    // Two cold starts of a TypeScript server process: slow on a busy two-core machine.
  }, 180_000);
});
