/**
 * GET /api/sections/:sectionId/content in all four formats, rendered on the server from
 * the co-edited document (including edits not yet flushed), and the derived data
 * (plain text, word count, last editor) written after typing settles.
 */
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docNames } from '@konvent/shared';
import { buildCast } from '../support/factories';
import { ApiClient } from '../support/http';
import { startTestServer, type TestServer } from '../support/server';
import { appendParagraph, connectClient, fragment, paragraphs, tokenFor, waitFor, type YClient } from '../support/yclient';

let t: TestServer;
const clients: YClient[] = [];
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  for (const c of clients) c.destroy();
  await t.stop();
});

type Inline = string | [string, Record<string, unknown>];

/** A block as y-prosemirror stores it: an XmlElement named after the node type. */
function el(type: string, children: (Y.XmlElement | Inline[])[], attrs: Record<string, unknown> = {}): Y.XmlElement {
  const node = new Y.XmlElement(type);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v as string);
  node.insert(
    0,
    children.map((child) => {
      if (child instanceof Y.XmlElement) return child;
      const text = new Y.XmlText();
      let at = 0;
      for (const part of child) {
        const [s, marks] = typeof part === 'string' ? [part, {}] : part;
        text.insert(at, s, marks);
        at += s.length;
      }
      return text;
    }),
  );
  return node;
}

function writeSample(doc: Y.Doc): void {
  doc.transact(() => {
    fragment(doc).insert(0, [
      el('heading', [['Ausgangslage']], { level: 2 }),
      el('paragraph', [
        [
          'Die ',
          ['Kommunen', { bold: {} }],
          ' nutzen ',
          ['Open Source', { italic: {} }],
          ' seit Jahren; siehe ',
          ['KGSt', { link: { href: 'https://www.kgst.de/' } }],
          '.',
        ],
      ]),
      el('bulletList', [el('listItem', [el('paragraph', [['Erstens']])]), el('listItem', [el('paragraph', [['Zweitens & <mehr>']])])]),
      el('orderedList', [el('listItem', [el('paragraph', [['Schritt eins']])])], { start: 1 }),
      el('table', [
        el('tableRow', [el('tableHeader', [el('paragraph', [['Kommune']])]), el('tableHeader', [el('paragraph', [['Lösung']])])]),
        el('tableRow', [el('tableCell', [el('paragraph', [['Musterstadt']])]), el('tableCell', [el('paragraph', [['Nextcloud | Matrix']])])]),
      ]),
      el('blockquote', [el('paragraph', [['Zitat']])]),
    ]);
  });
}

async function sectionWithSample() {
  const cast = buildCast(t.db);
  const name = docNames.section(cast.section.id);
  const writer = connectClient(t.wsUrl, name, { token: await tokenFor(t.server, cast.member.id) });
  const watcher = connectClient(t.wsUrl, name, { token: await tokenFor(t.server, cast.observer.id) });
  clients.push(writer, watcher);
  await Promise.all([writer.synced(), watcher.synced()]);
  writeSample(writer.doc);
  await waitFor(() => watcher.doc.getXmlFragment('default').length === 6, { message: 'sample relayed' });
  const api = new ApiClient(t.url, { token: await tokenFor(t.server, cast.observer.id) });
  return { cast, name, writer, watcher, api };
}

describe('section content', () => {
  it('answers ProseMirror JSON of the shared schema', async () => {
    const { cast, api } = await sectionWithSample();
    const res = await api.get(`/api/sections/${cast.section.id}/content?format=json`);
    expect(res.status).toBe(200);
    expect(res.body.type).toBe('doc');
    expect(res.body.content.map((n: any) => n.type)).toEqual(['heading', 'paragraph', 'bulletList', 'orderedList', 'table', 'blockquote']);
    expect(res.body.content[0]).toMatchObject({ attrs: { level: 2 }, content: [{ type: 'text', text: 'Ausgangslage' }] });
    expect(res.body.content[1].content[1]).toEqual({ type: 'text', text: 'Kommunen', marks: [{ type: 'bold' }] });
    // Without a format the answer is JSON too.
    expect((await api.get(`/api/sections/${cast.section.id}/content`)).body).toEqual(res.body);
  });

  it('answers escaped HTML', async () => {
    const { cast, api } = await sectionWithSample();
    const res = await api.get(`/api/sections/${cast.section.id}/content?format=html`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const html = res.body as string;
    expect(html).toContain('<h2>Ausgangslage</h2>');
    expect(html).toContain('<p>Die <strong>Kommunen</strong> nutzen <em>Open Source</em> seit Jahren; siehe <a href="https://www.kgst.de/"');
    expect(html).toContain('<ul><li><p>Erstens</p></li><li><p>Zweitens &amp; &lt;mehr&gt;</p></li></ul>');
    expect(html).toContain('<ol><li><p>Schritt eins</p></li></ol>');
    expect(html).toContain('<table><tbody><tr><th><p>Kommune</p></th><th><p>Lösung</p></th></tr>');
    expect(html).toContain('<blockquote><p>Zitat</p></blockquote>');
  });

  it('answers Markdown with a GFM table', async () => {
    const { cast, api } = await sectionWithSample();
    const res = await api.get(`/api/sections/${cast.section.id}/content?format=markdown`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/markdown/);
    expect(res.body).toBe(
      [
        '## Ausgangslage',
        '',
        'Die **Kommunen** nutzen *Open Source* seit Jahren; siehe [KGSt](https://www.kgst.de/).',
        '',
        '- Erstens',
        '- Zweitens & \\<mehr\\>',
        '',
        '1. Schritt eins',
        '',
        '| Kommune | Lösung |',
        '| --- | --- |',
        '| Musterstadt | Nextcloud \\| Matrix |',
        '',
        '> Zitat',
        '',
      ].join('\n'),
    );
  });

  it('answers plain text', async () => {
    const { cast, api } = await sectionWithSample();
    const res = await api.get(`/api/sections/${cast.section.id}/content?format=text`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(res.body).toBe(
      'Ausgangslage\n\nDie Kommunen nutzen Open Source seit Jahren; siehe KGSt.\n\nErstens\nZweitens & <mehr>\n\nSchritt eins\n\nKommune\tLösung\nMusterstadt\tNextcloud | Matrix\n\nZitat',
    );
  });

  it('includes an edit the server applied but may not have flushed yet', async () => {
    const { cast, writer, watcher, api } = await sectionWithSample();
    appendParagraph(writer.doc, 'Ganz frisch');
    await waitFor(() => paragraphs(watcher.doc).includes('Ganz frisch'));
    const res = await api.get(`/api/sections/${cast.section.id}/content?format=text`);
    expect(res.body).toMatch(/Ganz frisch$/);
  });

  it('renders a section nobody has written in as empty', async () => {
    const cast = buildCast(t.db);
    const api = new ApiClient(t.url, { token: await tokenFor(t.server, cast.member.id) });
    expect((await api.get(`/api/sections/${cast.section.id}/content?format=json`)).body).toEqual({
      type: 'doc',
      content: [{ type: 'paragraph' }],
    });
    const md = await api.get(`/api/sections/${cast.section.id}/content?format=markdown`);
    expect(md.status).toBe(200);
    expect(md.body ?? '').toBe('');
  });

  it('answers 404 to a person outside the workspace, 401 without login and 400 for an unknown format', async () => {
    const cast = buildCast(t.db);
    const path = `/api/sections/${cast.section.id}/content`;
    const stranger = new ApiClient(t.url, { token: await tokenFor(t.server, cast.stranger.id) });
    expect((await stranger.get(`${path}?format=html`)).status).toBe(404);
    expect((await new ApiClient(t.url).get(path)).status).toBe(401);
    const member = new ApiClient(t.url, { token: await tokenFor(t.server, cast.member.id) });
    const bad = await member.get(`${path}?format=docx`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('format');
  });

  it('keeps plain text, word count and the last editor up to date after typing settles', async () => {
    const { cast, name } = await sectionWithSample();
    const derived = () =>
      t.db.$client
        .prepare('SELECT plain_text, word_count, last_edited_by_id, last_edited_at FROM documents WHERE name = ?')
        .get(name) as { plain_text: string; word_count: number; last_edited_by_id: string; last_edited_at: number } | undefined;
    const row = await waitFor(
      () => {
        const r = derived();
        return r?.plain_text ? r : undefined;
      },
      { message: 'derived data', timeout: 10_000 },
    );
    expect(row.plain_text).toContain('Die Kommunen nutzen Open Source');
    // Ausgangslage, Die … KGSt (9), Erstens, Zweitens, mehr, Schritt, eins, the four cells' five words, Zitat.
    expect(row.word_count).toBe(21);
    expect(row.last_edited_by_id).toBe(cast.member.id);
    expect(row.last_edited_at).toBeGreaterThan(Date.now() - 60_000);
  });
});
