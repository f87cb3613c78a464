/**
 * Bad input and faults on the co-editing endpoint: malformed, truncated, text and oversized
 * frames close only the sender's connection; permission changes reach open connections;
 * a database error while appending never acknowledges the updates as stored.
 */
import type WebSocket from 'ws';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CloseCodes, docNames, limits } from '@konvent/shared';
import { buildCast } from '../support/factories';
import { ApiClient } from '../support/http';
import { startTestServer, type TestServer } from '../support/server';
import {
  appendParagraph,
  connectClient,
  connectRaw,
  paragraphs,
  storedDoc,
  syncStep1Message,
  tokenFor,
  updateMessage,
  waitFor,
  type YClient,
} from '../support/yclient';

let t: TestServer;
const clients: YClient[] = [];
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  for (const c of clients) c.destroy();
  await t.stop();
});

async function setup() {
  const cast = buildCast(t.db);
  const name = docNames.section(cast.section.id);
  const token = await tokenFor(t.server, cast.member.id);
  const a = connectClient(t.wsUrl, name, { token });
  const b = connectClient(t.wsUrl, name, { token: await tokenFor(t.server, cast.lead.id) });
  clients.push(a, b);
  await Promise.all([a.synced(), b.synced()]);
  return { cast, name, token, a, b };
}

/** The other clients still co-edit: an edit of one arrives at the other and in storage. */
async function stillWorks(a: YClient, b: YClient, name: string, text: string) {
  appendParagraph(a.doc, text);
  await waitFor(() => paragraphs(b.doc).includes(text), { message: `${text} relayed` });
  await waitFor(() => paragraphs(storedDoc(t.db, name)).includes(text), { message: `${text} stored` });
}

describe('bad frames', () => {
  const bad: [string, (ws: WebSocket) => void, number][] = [
    ['garbage bytes', (ws) => ws.send(Buffer.from([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff])), CloseCodes.InvalidData.code],
    ['an unknown message type', (ws) => ws.send(Buffer.from([7, 0])), CloseCodes.InvalidData.code],
    ['a truncated sync message', (ws) => ws.send(Buffer.from(syncStep1Message()).subarray(0, 2)), CloseCodes.InvalidData.code],
    ['an update that does not decode', (ws) => ws.send(updateMessage(new Uint8Array([5, 200, 1, 3, 9, 9]))), CloseCodes.InvalidData.code],
    ['a text frame', (ws) => ws.send('hello'), CloseCodes.InvalidData.code],
    ['an awareness update with broken JSON', (ws) => ws.send(Buffer.from([1, 6, 1, 42, 1, 2, 123, 120])), CloseCodes.InvalidData.code],
    ['a frame over the size limit', (ws) => ws.send(Buffer.alloc(limits.collabMessageBytes + 16)), CloseCodes.MessageTooBig.code],
  ];

  for (const [what, send, code] of bad) {
    it(`closes only the connection that sent ${what} (${code})`, async () => {
      const { cast, name, token, a, b } = await setup();
      const raw = connectRaw(`${t.wsUrl}/collab/${name}?token=${token}`);
      await raw.opened;
      send(raw.ws);
      expect((await raw.closed).code).toBe(code);
      await stillWorks(a, b, name, `Nach ${what}`);
      expect(a.closes).toEqual([]);
      expect(cast).toBeDefined();
    });
  }
});

describe('permission changes on open connections', () => {
  it('switches a writer demoted to observer to read-only (4509, reconnect, updates dropped)', async () => {
    const { cast, name, a, b } = await setup();
    const api = new ApiClient(t.url, { token: await tokenFor(t.server, cast.moderator.id) });
    const res = await api.patch(`/api/workspaces/${cast.workspace.id}/members/${cast.member.id}`, { role: 'observer' });
    expect(res.status).toBe(200);
    await waitFor(() => a.closes.some((c) => c.code === CloseCodes.PermissionsChanged.code), { message: '4509' });
    await waitFor(() => a.provider.synced, { message: 'reconnected' });
    appendParagraph(a.doc, 'Als Gast geschrieben');
    a.provider.awareness.setLocalStateField('user', { name: 'demoted' });
    await waitFor(() => [...b.provider.awareness.getStates().values()].some((s) => s.user?.name === 'demoted'));
    await stillWorks(b, a, name, 'Von der Leitung');
    expect(paragraphs(b.doc)).not.toContain('Als Gast geschrieben');
    expect(paragraphs(storedDoc(t.db, name))).not.toContain('Als Gast geschrieben');
    expect(b.closes).toEqual([]);
  });

  it('makes a section read-only for everyone at once when it is set final', async () => {
    const { cast, name, a, b } = await setup();
    const api = new ApiClient(t.url, { token: await tokenFor(t.server, cast.moderator.id) });
    const res = await api.patch(`/api/sections/${cast.section.id}`, { status: 'final' });
    expect(res.status).toBe(200);
    await waitFor(() => a.closes.some((c) => c.code === CloseCodes.PermissionsChanged.code) && b.closes.some((c) => c.code === CloseCodes.PermissionsChanged.code), { message: 'both 4509' });
    await waitFor(() => a.provider.synced && b.provider.synced, { message: 'both reconnected' });
    appendParagraph(a.doc, 'Nach Abstimmung');
    const before = Y.encodeStateVector(storedDoc(t.db, name));
    b.provider.awareness.setLocalStateField('user', { name: 'b' });
    a.provider.awareness.setLocalStateField('user', { name: 'a' });
    await waitFor(() => [...b.provider.awareness.getStates().values()].some((s) => s.user?.name === 'a'));
    expect(paragraphs(b.doc)).not.toContain('Nach Abstimmung');
    expect(Y.encodeStateVector(storedDoc(t.db, name))).toEqual(before);
  });

  it('closes the connection of a person removed from the workspace with 4403', async () => {
    const { cast, a, b } = await setup();
    const api = new ApiClient(t.url, { token: await tokenFor(t.server, cast.moderator.id) });
    const res = await api.delete(`/api/workspaces/${cast.workspace.id}/members/${cast.member.id}`);
    expect(res.status).toBe(204);
    await waitFor(() => a.closes.some((c) => c.code === CloseCodes.Forbidden.code), { message: '4403' });
    expect(b.closes).toEqual([]);
  });
});

describe('an account deleted while connected', () => {
  it('keeps storing everyone\'s edits at the first attempt, the deleted account\'s without author', async () => {
    const { cast, name, a, b } = await setup();
    await stillWorks(a, b, name, 'Vor dem Löschen');
    // Deleted straight in the database (as an operator might): the server is not told.
    t.db.$client.prepare('DELETE FROM users WHERE id = ?').run(cast.member.id);
    appendParagraph(a.doc, 'Letzte Zeile des gelöschten Kontos');
    appendParagraph(b.doc, 'Zeile der AG-Leitung im selben Moment');
    await waitFor(() => paragraphs(storedDoc(t.db, name)).includes('Zeile der AG-Leitung im selben Moment'), { message: 'stored' });
    expect(paragraphs(storedDoc(t.db, name))).toContain('Letzte Zeile des gelöschten Kontos');
    // Stored at the first attempt: no one was closed with 1011 to resend.
    expect(a.closes).toEqual([]);
    expect(b.closes).toEqual([]);
  });
});

describe('storage failure', () => {
  it('closes the document with 1011 instead of acknowledging an update it could not store, and takes it on reconnect', async () => {
    const { name, a, b } = await setup();
    await stillWorks(a, b, name, 'Vor dem Fehler');
    t.db.$client.exec(
      "CREATE TRIGGER fail_append BEFORE INSERT ON document_updates BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END",
    );
    try {
      appendParagraph(a.doc, 'Während des Fehlers');
      await waitFor(() => a.closes.some((c) => c.code === 1011) && b.closes.some((c) => c.code === 1011), { message: '1011' });
      expect(paragraphs(storedDoc(t.db, name))).not.toContain('Während des Fehlers');
    } finally {
      t.db.$client.exec('DROP TRIGGER fail_append');
    }
    // The clients kept the edit and send it again after reconnecting.
    await waitFor(() => paragraphs(storedDoc(t.db, name)).includes('Während des Fehlers'), { message: 'resent and stored' });
    await stillWorks(b, a, name, 'Nach dem Fehler');
  });
});
