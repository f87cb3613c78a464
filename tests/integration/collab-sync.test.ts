/**
 * Convergence and storage through the real server: seeded random interleavings of several
 * writers, restart, compaction, unload and reload, shared and failed loads.
 */
import type { Socket } from 'node:net';
import * as Y from 'yjs';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import { afterEach, describe, expect, it } from 'vitest';
import { docNames } from '@konvent/shared';
import { buildCast } from '../support/factories';
import { startTestServer, type TestServer } from '../support/server';
import {
  appendParagraph,
  awarenessMessage,
  connectClient,
  connectRaw,
  contentOf,
  fragment,
  logLength,
  mulberry32,
  paragraphs,
  storedDoc,
  syncStep1Message,
  tokenFor,
  updateMessage,
  waitFor,
  type YClient,
} from '../support/yclient';

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

async function writers(t: TestServer, count: number) {
  const cast = buildCast(t.db);
  const name = docNames.section(cast.section.id);
  const token = await tokenFor(t.server, cast.member.id);
  const list = Array.from({ length: count }, () => {
    const c = connectClient(t.wsUrl, name, { token });
    clients.push(c);
    return c;
  });
  await Promise.all(list.map((c) => c.synced()));
  return { cast, name, clients: list, token };
}

/** One random edit of the Tiptap field: a new paragraph, typing into one, or deleting in one. */
function randomEdit(doc: Y.Doc, rand: () => number, label: string): void {
  const frag = fragment(doc);
  const blocks = frag.toArray().filter((n): n is Y.XmlElement => n instanceof Y.XmlElement);
  const roll = rand();
  if (blocks.length === 0 || roll < 0.2) {
    const p = new Y.XmlElement('paragraph');
    p.insert(0, [new Y.XmlText(label)]);
    frag.insert(Math.floor(rand() * (frag.length + 1)), [p]);
    return;
  }
  const block = blocks[Math.floor(rand() * blocks.length)]!;
  const text = block.get(0) as Y.XmlText | undefined;
  if (!(text instanceof Y.XmlText)) return;
  if (roll < 0.8 || text.length < 4) text.insert(Math.floor(rand() * (text.length + 1)), label);
  else {
    const at = Math.floor(rand() * (text.length - 2));
    text.delete(at, 1 + Math.floor(rand() * 2));
  }
}

const sameEverywhere = (docs: Y.Doc[]) => new Set(docs.map(contentOf)).size === 1;

describe('convergence', () => {
  for (const seed of [1, 42, 20260]) {
    it(`converges five writers with random interleavings (seed ${seed}) to the stored document`, async () => {
      const t = await server();
      const rand = mulberry32(seed);
      const { name, clients: ws } = await writers(t, 5);
      for (let step = 0; step < 150; step++) {
        const i = Math.floor(rand() * ws.length);
        randomEdit(ws[i]!.doc, rand, `[${i}.${step}]`);
        // Sometimes let the network deliver, sometimes keep editing concurrently.
        if (rand() < 0.3) await new Promise((r) => setImmediate(r));
      }
      await waitFor(() => sameEverywhere(ws.map((c) => c.doc)), { message: 'replicas equal' });
      await waitFor(() => contentOf(storedDoc(t.db, name)) === contentOf(ws[0]!.doc), { message: 'stored equal' });
      const stored = storedDoc(t.db, name);
      expect(Y.encodeStateVector(stored)).toEqual(Y.encodeStateVector(ws[0]!.doc));
      expect(paragraphs(stored).length).toBeGreaterThan(0);
    });
  }

  it('stores every update with the user who sent it', async () => {
    const t = await server();
    const { cast, name, clients: [c] } = await writers(t, 1);
    appendParagraph(c!.doc, 'Wer schrieb das?');
    await waitFor(() => logLength(t.db, name) > 0, { message: 'logged' });
    const users = t.db.$client.prepare('SELECT DISTINCT user_id FROM document_updates WHERE document_name = ?').all(name);
    expect(users).toEqual([{ user_id: cast.member.id }]);
  });
});

describe('what the server passes on', () => {
  /** Sync update messages (type 0/2) a raw socket received. */
  const updatesIn = (messages: Buffer[]) => messages.filter((m) => m[0] === 0 && m[1] === 2);

  /** Two consecutive edits of one client, as two updates (the second builds on the first). */
  function twoEdits(first: string, second: string) {
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    appendParagraph(doc, first);
    appendParagraph(doc, second);
    return updates as [Uint8Array, Uint8Array];
  }

  it('passes an update on as the client sent it, once: a repeat of it is neither sent nor stored again', async () => {
    const t = await server();
    const { name, token, clients: [reader] } = await writers(t, 1);
    const watcher = connectRaw(`${t.wsUrl}/collab/${name}?token=${token}`);
    const sender = connectRaw(`${t.wsUrl}/collab/${name}?token=${token}`);
    await Promise.all([watcher.opened, sender.opened]);
    const [u1, u2] = twoEdits('Erster Absatz', 'Zweiter Absatz');
    sender.ws.send(updateMessage(u1));
    sender.ws.send(updateMessage(u1));
    sender.ws.send(updateMessage(u2));
    await waitFor(() => paragraphs(reader!.doc).length === 2, { message: 'both paragraphs at the reader' });
    await waitFor(() => logLength(t.db, name) === 2, { message: 'two log rows' });
    await waitFor(() => updatesIn(watcher.messages).length === 2, { message: 'two updates at the watcher' });
    expect(updatesIn(watcher.messages).map((m) => [...m])).toEqual([[...updateMessage(u1)], [...updateMessage(u2)]]);
    expect(logLength(t.db, name)).toBe(2);
    expect(updatesIn(sender.messages)).toEqual([]);
    watcher.ws.close();
    sender.ws.close();
  });

  it('sends an edit on before the cursor that the same client sent right after it', async () => {
    const t = await server();
    const { name, token } = await writers(t, 1);
    const watcher = connectRaw(`${t.wsUrl}/collab/${name}?token=${token}`);
    const sender = connectRaw(`${t.wsUrl}/collab/${name}?token=${token}`);
    await Promise.all([watcher.opened, sender.opened]);
    await waitFor(() => watcher.messages.length > 0, { message: 'the watcher joined' });
    const doc = new Y.Doc();
    const edits: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => edits.push(u));
    appendParagraph(doc, 'Neuer Absatz');
    const cursor = new Awareness(doc);
    cursor.setLocalStateField('user', { name: 'Schreibende' });
    const before = watcher.messages.length;
    // One TCP write (ws's socket, corked), so the server reads both in one I/O callback.
    const socket = (sender.ws as unknown as { _socket: Socket })._socket;
    socket.cork();
    sender.ws.send(updateMessage(edits[0]!));
    sender.ws.send(awarenessMessage(encodeAwarenessUpdate(cursor, [doc.clientID])));
    socket.uncork();
    await waitFor(() => watcher.messages.slice(before).some((m) => m[0] === 1), { message: 'the cursor at the watcher' });
    const kinds = watcher.messages.slice(before).map((m) => (m[0] === 1 ? 'cursor' : m[0] === 0 && m[1] === 2 ? 'edit' : 'other'));
    expect(kinds.filter((k) => k !== 'other')).toEqual(['edit', 'cursor']);
    cursor.destroy();
    watcher.ws.close();
    sender.ws.close();
  });

  it('passes on typing into formatted text (Yjs tidies the formatting in a second transaction)', async () => {
    const t = await server();
    const { name, clients: [a, b] } = await writers(t, 2);
    // Text with marks, as Tiptap writes bold and links: a remote change to it makes Yjs run a
    // formatting cleanup transaction right after the one that applied the change.
    const text = new Y.XmlText();
    const p = new Y.XmlElement('paragraph');
    p.insert(0, [text]);
    fragment(a!.doc).insert(0, [p]);
    text.insert(0, 'fett', { bold: true });
    text.insert(4, ' und normal');
    await waitFor(() => contentOf(b!.doc) === contentOf(a!.doc), { message: 'formatted text at b' });
    for (const [i, word] of ['eins', 'zwei', 'drei'].entries()) {
      const own = fragment(b!.doc).get(0) as Y.XmlElement;
      (own.get(0) as Y.XmlText).insert(2 + i, word, { bold: true });
      await waitFor(() => contentOf(a!.doc) === contentOf(b!.doc), { message: `edit ${word} at a` });
    }
    await waitFor(() => contentOf(storedDoc(t.db, name)) === contentOf(a!.doc), { message: 'stored equal' });
    expect(contentOf(a!.doc)).toContain('drei');
  });

  it('holds an update back until its predecessor arrives, then sends and stores both', async () => {
    const t = await server();
    const { name, token, clients: [reader] } = await writers(t, 1);
    const sender = connectRaw(`${t.wsUrl}/collab/${name}?token=${token}`);
    await sender.opened;
    const [u1, u2] = twoEdits('Vorgänger', 'Nachfolger');
    const [marker] = twoEdits('Markierung', 'ungenutzt');
    // The second edit first: it cannot be applied yet. An independent edit after it shows
    // when the server has handled both.
    sender.ws.send(updateMessage(u2));
    sender.ws.send(updateMessage(marker));
    await waitFor(() => paragraphs(reader!.doc).includes('Markierung'), { message: 'marker at the reader' });
    await waitFor(() => logLength(t.db, name) === 1, { message: 'marker stored' });
    expect(paragraphs(reader!.doc)).toEqual(['Markierung']);

    sender.ws.send(updateMessage(u1));
    await waitFor(() => paragraphs(reader!.doc).length === 3, { message: 'all three at the reader' });
    expect([...paragraphs(reader!.doc)].sort()).toEqual(['Markierung', 'Nachfolger', 'Vorgänger']);
    await waitFor(() => paragraphs(storedDoc(t.db, name)).length === 3, { message: 'all three stored' });
    expect(contentOf(storedDoc(t.db, name))).toBe(contentOf(reader!.doc));
    sender.ws.close();
  });
});

describe('storage', () => {
  it('keeps everything across a restart on the same data directory', async () => {
    const t = await server();
    const { name, clients: [a, b] } = await writers(t, 2);
    for (let i = 0; i < 20; i++) appendParagraph((i % 2 ? a : b)!.doc, `Absatz ${i}`);
    await waitFor(() => paragraphs(a!.doc).length === 20 && paragraphs(b!.doc).length === 20, { message: 'both have all' });
    const expected = contentOf(a!.doc);
    // Stop with the clients still connected: close() flushes what is pending.
    servers.splice(servers.indexOf(t), 1);
    await t.stop({ keepData: true });
    const again = await server({}, { dataDir: t.dataDir });
    const cast = again.db.$client.prepare('SELECT user_id FROM memberships WHERE role = ? LIMIT 1').get('moderator') as { user_id: string };
    const fresh = connectClient(again.wsUrl, name, { token: await tokenFor(again.server, cast.user_id) });
    clients.push(fresh);
    await fresh.synced();
    expect(contentOf(fresh.doc)).toBe(expected);
  });

  it('compacts a long log into the snapshot and leaves the state equal', async () => {
    const t = await server();
    const { name, clients: [c] } = await writers(t, 1);
    for (let i = 0; i < 700; i++) {
      appendParagraph(c!.doc, `Zeile ${i}`);
      if (i % 50 === 0) await new Promise((r) => setTimeout(r, 5));
    }
    await waitFor(() => contentOf(storedDoc(t.db, name)) === contentOf(c!.doc), { message: 'stored equal' });
    const row = t.db.$client.prepare('SELECT compacted_through, length(snapshot) AS bytes FROM documents WHERE name = ?').get(name) as {
      compacted_through: number;
      bytes: number;
    };
    expect(row.compacted_through).toBeGreaterThan(0);
    expect(row.bytes).toBeGreaterThan(0);
    expect(logLength(t.db, name)).toBeLessThan(700);
    expect(Y.encodeStateVector(storedDoc(t.db, name))).toEqual(Y.encodeStateVector(c!.doc));
  });

  it('unloads a document after its last connection closed, compacted, and loads it again', async () => {
    const t = await server({ KONVENT_COLLAB_UNLOAD_MS: '50' });
    const { name, clients: [c], token } = await writers(t, 1);
    for (let i = 0; i < 5; i++) appendParagraph(c!.doc, `Vor dem Entladen ${i}`);
    const expected = await waitFor(() => paragraphs(c!.doc).length === 5 && contentOf(c!.doc));
    await waitFor(() => logLength(t.db, name) > 0, { message: 'logged' });
    c!.provider.disconnect();
    // Unloading folds the log into the snapshot.
    await waitFor(() => logLength(t.db, name) === 0, { message: 'log compacted on unload' });
    expect(contentOf(storedDoc(t.db, name))).toBe(expected);
    const again = connectClient(t.wsUrl, name, { token });
    clients.push(again);
    await again.synced();
    expect(contentOf(again.doc)).toBe(expected);
    appendParagraph(again.doc, 'Nach dem Laden');
    await waitFor(() => paragraphs(storedDoc(t.db, name)).includes('Nach dem Laden'), { message: 'stored after reload' });
  });

  it('gives many simultaneous first connections the same loaded document', async () => {
    const t = await server();
    const cast = buildCast(t.db);
    const name = docNames.section(cast.section.id);
    const seed = new Y.Doc();
    for (let i = 0; i < 50; i++) appendParagraph(seed, `Vorhandener Text ${i}`);
    t.db.$client
      .prepare('INSERT INTO documents (name, snapshot, compacted_through) VALUES (?, ?, 0)')
      .run(name, Buffer.from(Y.encodeStateAsUpdate(seed)));
    const token = await tokenFor(t.server, cast.observer.id);
    const many = Array.from({ length: 12 }, () => connectClient(t.wsUrl, name, { token }));
    clients.push(...many);
    await Promise.all(many.map((m) => m.synced()));
    for (const m of many) expect(contentOf(m.doc)).toBe(contentOf(seed));
  });

  it('sends a large document whole to clients joining it cold and loaded, and edits after it', async () => {
    const t = await server();
    const cast = buildCast(t.db);
    const name = docNames.section(cast.section.id);
    const seed = new Y.Doc();
    for (let i = 0; i < 2500; i++) appendParagraph(seed, `Absatz ${i}: ${'Beteiligung der Kommunen '.repeat(4)}`);
    const state = Y.encodeStateAsUpdate(seed);
    // Past 65,535 bytes a WebSocket frame carries a 64-bit length; the stored state vector
    // lets the cold document answer from the snapshot before it is built.
    expect(state.byteLength).toBeGreaterThan(100_000);
    t.db.$client
      .prepare('INSERT INTO documents (name, snapshot, state_vector, compacted_through) VALUES (?, ?, ?, 0)')
      .run(name, Buffer.from(state), Buffer.from(Y.encodeStateVector(seed)));
    const token = await tokenFor(t.server, cast.member.id);
    const cold = Array.from({ length: 5 }, () => connectClient(t.wsUrl, name, { token }));
    clients.push(...cold);
    await Promise.all(cold.map((c) => c.synced()));
    for (const c of cold) expect(contentOf(c.doc)).toBe(contentOf(seed));
    const loaded = Array.from({ length: 2 }, () => connectClient(t.wsUrl, name, { token }));
    clients.push(...loaded);
    await Promise.all(loaded.map((c) => c.synced()));
    for (const c of loaded) expect(contentOf(c.doc)).toBe(contentOf(seed));
    appendParagraph(cold[0]!.doc, 'Danach');
    for (const c of [...cold, ...loaded]) await waitFor(() => paragraphs(c.doc).at(-1) === 'Danach', { message: 'edit relayed' });
  });

  it('refuses connections while a document cannot be loaded, and does not remember the failure', async () => {
    const t = await server();
    const cast = buildCast(t.db);
    const name = docNames.section(cast.section.id);
    t.db.$client
      .prepare('INSERT INTO documents (name, snapshot, compacted_through) VALUES (?, ?, 0)')
      .run(name, Buffer.from([0xff, 0xff, 0xff, 0xff, 0x0f, 0x01]));
    const token = await tokenFor(t.server, cast.member.id);
    const raw = connectRaw(`${t.wsUrl}/collab/${name}?token=${token}`);
    await raw.opened;
    raw.ws.send(syncStep1Message());
    expect(await raw.closed).toMatchObject({ code: 1011 });
    expect(raw.messages).toHaveLength(0);
    // Repaired storage: the next connection loads afresh.
    const good = new Y.Doc();
    appendParagraph(good, 'Repariert');
    t.db.$client.prepare('UPDATE documents SET snapshot = ? WHERE name = ?').run(Buffer.from(Y.encodeStateAsUpdate(good)), name);
    const c = connectClient(t.wsUrl, name, { token });
    clients.push(c);
    await c.synced();
    expect(paragraphs(c.doc)).toEqual(['Repariert']);
  });
});
