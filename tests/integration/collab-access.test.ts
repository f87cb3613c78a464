/**
 * Who may open a co-editing connection, and in which mode: refusals (4401/4403/4404) before
 * any content, and read-only connections whose updates are dropped.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CloseCodes, docNames } from '@konvent/shared';
import { buildCast, buildSection } from '../support/factories';
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

function client(docName: string, token: string): YClient {
  const c = connectClient(t.wsUrl, docName, { token });
  clients.push(c);
  return c;
}

/** A section with a paragraph in it, written by its subgroup member. */
async function castWithText(text = 'Vertraulicher Entwurf') {
  const cast = buildCast(t.db);
  const writer = client(docNames.section(cast.section.id), await tokenFor(t.server, cast.member.id));
  await writer.synced();
  appendParagraph(writer.doc, text);
  const name = docNames.section(cast.section.id);
  await waitFor(() => paragraphs(storedDoc(t.db, name)).includes(text), { message: 'text stored' });
  return { cast, writer, name };
}

/** Opens a raw socket, asks for the document, and reports the close and what arrived. */
async function refusal(path: string, headers: Record<string, string> = {}) {
  const raw = connectRaw(`${t.wsUrl}${path}`, headers);
  await raw.opened;
  raw.ws.send(syncStep1Message());
  const closed = await raw.closed;
  return { ...closed, received: raw.messages.length };
}

describe('refusals', () => {
  it('refuses a co-editing connection without a session with 4401 before any content', async () => {
    const { name } = await castWithText();
    expect(await refusal(`/collab/${name}`)).toMatchObject({ code: CloseCodes.Unauthorized.code, received: 0 });
  });

  it('refuses an unknown token and a forged session cookie with 4401', async () => {
    const { name } = await castWithText();
    expect(await refusal(`/collab/${name}?token=kt_not-a-token`)).toMatchObject({ code: 4401, received: 0 });
    expect(await refusal(`/collab/${name}`, { cookie: 'konvent_session=forged' })).toMatchObject({ code: 4401, received: 0 });
  });

  it('refuses a person outside the workspace with 4403 before any content', async () => {
    const { cast, name } = await castWithText();
    const token = await tokenFor(t.server, cast.stranger.id);
    expect(await refusal(`/collab/${name}?token=${token}`)).toMatchObject({ code: CloseCodes.Forbidden.code, received: 0 });
  });

  it('refuses unknown documents, minutes and path tricks with 4404 before any content', async () => {
    const { cast } = await castWithText();
    const token = await tokenFor(t.server, cast.moderator.id);
    const id = cast.section.id;
    const paths = [
      `/collab/section:${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}`,
      `/collab/minutes:${id}`,
      `/collab/chapter:${id}`,
      `/collab/section:`,
      `/collab/section:${id}%2F..%2F..%2Fapi`,
      `/collab/section:${id}/extra`,
      `/collab/%2e%2e%2Fsection:${id}`,
      `/collab/section%3A${id}%00`,
      `/collab/%E0%A4%A`,
      `/collab/`,
    ];
    for (const path of paths) {
      const sep = path.includes('?') ? '&' : '?';
      expect({ path, ...(await refusal(`${path}${sep}token=${token}`)) }).toMatchObject({
        path,
        code: CloseCodes.NotFound.code,
        received: 0,
      });
    }
  });

  it('accepts the session cookie and a percent-encoded document name', async () => {
    const { cast, name } = await castWithText('Mit Sitzung');
    const api = new ApiClient(t.url);
    await api.login(cast.lead.email, 'test-password-123');
    const raw = connectRaw(`${t.wsUrl}/collab/${encodeURIComponent(name)}`, { cookie: api.cookie! });
    await raw.opened;
    raw.ws.send(syncStep1Message());
    await waitFor(() => raw.messages.some((m) => m.includes(Buffer.from('Mit Sitzung'))), { message: 'content' });
    raw.ws.close();
  });
});

describe('read-only connections', () => {
  const readers = [
    { who: 'an observer', pick: (cast: ReturnType<typeof buildCast>) => cast.observer, final: false },
    { who: 'a member outside the subgroup', pick: (cast: ReturnType<typeof buildCast>) => cast.outsider, final: false },
    { who: 'a moderator on a final section', pick: (cast: ReturnType<typeof buildCast>) => cast.moderator, final: true },
  ];

  for (const { who, pick, final } of readers) {
    it(`gives ${who} the document and drops their updates`, async () => {
      const { cast, writer, name } = await castWithText('Stand der AG');
      if (final) t.db.$client.prepare("UPDATE sections SET status = 'final' WHERE id = ?").run(cast.section.id);
      const reader = client(name, await tokenFor(t.server, pick(cast).id));
      await reader.synced();
      expect(paragraphs(reader.doc)).toEqual(['Stand der AG']);

      appendParagraph(reader.doc, 'Von außen hineingeschrieben');
      // Awareness after the edit, on the same connection: once the writer sees it, the server
      // has handled the edit before it.
      reader.provider.awareness.setLocalStateField('user', { name: who });
      await waitFor(() => [...writer.provider.awareness.getStates().values()].some((s) => s.user?.name === who), {
        message: 'reader awareness relayed',
      });
      // The writer's next edit is stored after anything the server accepted before it.
      appendParagraph(writer.doc, 'Nächster Absatz');
      await waitFor(() => paragraphs(storedDoc(t.db, name)).includes('Nächster Absatz'), { message: 'writer stored' });

      expect(paragraphs(writer.doc)).toEqual(['Stand der AG', 'Nächster Absatz']);
      expect(paragraphs(storedDoc(t.db, name))).toEqual(['Stand der AG', 'Nächster Absatz']);
      // A fresh reader gets the stored state without the dropped paragraph.
      const fresh = client(name, await tokenFor(t.server, cast.moderator.id));
      await fresh.synced();
      expect(paragraphs(fresh.doc)).toEqual(['Stand der AG', 'Nächster Absatz']);
    });
  }

  it('lets the subgroup lead, the member and a moderator write a draft section', async () => {
    const cast = buildCast(t.db);
    const name = docNames.section(cast.section.id);
    const people = [cast.lead, cast.member, cast.moderator];
    const writers = await Promise.all(people.map(async (p) => client(name, await tokenFor(t.server, p.id))));
    await Promise.all(writers.map((w) => w.synced()));
    writers.forEach((w, i) => appendParagraph(w.doc, `Beitrag ${i}`));
    await waitFor(() => paragraphs(storedDoc(t.db, name)).length === 3, { message: 'three stored' });
    await waitFor(() => writers.every((w) => paragraphs(w.doc).length === 3), { message: 'all converge' });
    expect(new Set(writers.map((w) => paragraphs(w.doc).join('|'))).size).toBe(1);
  });

  it('lets the assignee of a section without a topic write it', async () => {
    const cast = buildCast(t.db);
    const section = buildSection(t.db, { workspaceId: cast.workspace.id, assigneeId: cast.outsider.id });
    const name = docNames.section(section.id);
    const assignee = client(name, await tokenFor(t.server, cast.outsider.id));
    await assignee.synced();
    appendParagraph(assignee.doc, 'Vorwort');
    await waitFor(() => paragraphs(storedDoc(t.db, name)).includes('Vorwort'), { message: 'stored' });
  });
});
