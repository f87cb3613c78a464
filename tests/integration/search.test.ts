/**
 * GET /api/workspaces/:workspaceId/search?q= — FTS5 over section titles and text and
 * comments: German folding (umlauts, ß), prefix matching, FTS syntax typed as plain text,
 * plain-text snippets with highlight ranges, workspace isolation, trash, and an index that
 * follows the co-edited text.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docNames, limits } from '@konvent/shared';
import { buildApiToken, buildCast, buildSection } from '../support/factories';
import { ApiClient } from '../support/http';
import { startTestServer, type TestServer } from '../support/server';
import { appendParagraph, connectClient, waitFor, type YClient } from '../support/yclient';

let t: TestServer;
let cast: ReturnType<typeof buildCast>;
const clients: YClient[] = [];

beforeAll(async () => {
  t = await startTestServer();
  cast = buildCast(t.db);
});
afterAll(async () => {
  for (const c of clients) c.destroy();
  await t.stop();
});

type Person = { id: string };
const tokens = new Map<string, string>();
const tokenOf = (p: Person) => {
  if (!tokens.has(p.id)) tokens.set(p.id, buildApiToken(t.db, t.server.ctx.config.secret, p.id));
  return tokens.get(p.id)!;
};
const as = (p: Person) => new ApiClient(t.url, { token: tokenOf(p) });

/** What the co-editing server writes after typing settles. */
function setText(sectionId: string, text: string): void {
  t.db.$client
    .prepare(
      `INSERT INTO documents (name, plain_text) VALUES (?, ?)
       ON CONFLICT(name) DO UPDATE SET plain_text = excluded.plain_text`,
    )
    .run(docNames.section(sectionId), text);
}

function section(title: string, text = '', workspaceId = cast.workspace.id, topicId: string | null = cast.topic.id) {
  const row = buildSection(t.db, { workspaceId, topicId, title });
  if (text) setText(row.id, text);
  return row;
}

async function search(q: string, who: Person = cast.member, workspaceId = cast.workspace.id) {
  const res = await as(who).get(`/api/workspaces/${workspaceId}/search?q=${encodeURIComponent(q)}`);
  expect(res.status).toBe(200);
  return res.body.data as any[];
}

const ids = (results: any[]) => results.map((r) => r.id);
/** The highlighted words of a result, as the client would show them. */
const marked = (r: any) => r.highlights.map(([a, b]: [number, number]) => r.snippet.slice(a, b));

describe('the search contract', () => {
  it('finds a section by a word of its text with title, topic and a highlighted plain-text snippet', async () => {
    const s = section('Ausgangslage', 'Viele Kommunen nutzen bereits Fachverfahren auf Basis offener Standards.');
    const [hit, ...rest] = await search('Fachverfahren');
    expect(rest).toEqual([]);
    expect(hit).toEqual({
      type: 'section',
      id: s.id,
      title: 'Ausgangslage',
      titleHighlights: [],
      snippet: 'Viele Kommunen nutzen bereits Fachverfahren auf Basis offener Standards.',
      highlights: [[30, 43]],
      sectionId: s.id,
      threadId: null,
      topicId: cast.topic.id,
      topicTitle: cast.topic.title,
    });
    expect(marked(hit)).toEqual(['Fachverfahren']);
  });

  it('never returns HTML: markup in the text comes back as the same plain text', async () => {
    const s = section('Sicherheit', 'Die Eingabe <script>alert(1)</script> wird als Zeichenkettenprüfung behandelt.');
    const [hit] = await search('Zeichenkettenprüfung');
    expect(hit.id).toBe(s.id);
    expect(hit.snippet).toContain('<script>alert(1)</script>');
    expect(marked(hit)).toEqual(['Zeichenkettenprüfung']);
  });

  it('cuts long texts to a passage around the match with ellipses', async () => {
    const filler = 'Lorem ipsum dolor sit amet. '.repeat(40);
    section('Lang', `${filler}Hier steht das Wort Quellenverzeichnis mitten im Text. ${filler}`);
    const [hit] = await search('Quellenverzeichnis');
    expect(hit.snippet.length).toBeLessThanOrEqual(202);
    expect(hit.snippet.startsWith('…')).toBe(true);
    expect(hit.snippet.endsWith('…')).toBe(true);
    expect(marked(hit)).toEqual(['Quellenverzeichnis']);
  });
});

describe('German folding and prefixes', () => {
  it('finds Müller with and without the umlaut and in any case', async () => {
    const s = section('Stellungnahme', 'Frau Müller aus Göttingen berichtet über Erfahrungen.');
    for (const q of ['Müller', 'Muller', 'müller', 'MÜLLER', 'gottingen', 'Göttingen']) {
      expect(ids(await search(q)), q).toEqual([s.id]);
    }
    expect(marked((await search('Muller'))[0])).toEqual(['Müller']);
  });

  it('finds Straße as Strasse and Strasse as Straße', async () => {
    const withEszett = section('Beleuchtung', 'Die Straßenbeleuchtung wird digital gesteuert.');
    const withSs = section('Verkehr', 'Die Hauptstrasse ist gesperrt.');
    for (const q of ['Straßenbeleuchtung', 'Strassenbeleuchtung', 'STRASSENBELEUCHTUNG']) {
      expect(ids(await search(q)), q).toEqual([withEszett.id]);
    }
    for (const q of ['Hauptstraße', 'hauptstrasse']) expect(ids(await search(q)), q).toEqual([withSs.id]);
    expect(marked((await search('Strassenbeleuchtung'))[0])).toEqual(['Straßenbeleuchtung']);
  });

  it('matches every word as a prefix and requires all words', async () => {
    const s = section('Strategie', 'Die Digitalisierung der Verwaltung braucht Personal.');
    expect(ids(await search('Digitalis'))).toEqual([s.id]);
    expect(ids(await search('digit verwalt'))).toEqual([s.id]);
    expect(ids(await search('Digitalisierung Raumfahrt'))).toEqual([]);
    expect(marked((await search('digit verwalt'))[0])).toEqual(['Digitalisierung', 'Verwaltung']);
  });

  it('finds sections by their title and ranks a title match above a mention in the text', async () => {
    const inText = section('Anhang', 'Hier wird die Interoperabilität nur am Rande erwähnt.');
    const inTitle = section('Interoperabilität', 'Schnittstellen und Standards.');
    const results = await search('Interoperabilitat');
    expect(ids(results)).toEqual([inTitle.id, inText.id]);
    expect(results[0].titleHighlights).toEqual([[0, 'Interoperabilität'.length]]);
  });
});

describe('input is text, never syntax', () => {
  it('answers FTS syntax characters, quotes and operators with results or an empty list, never an error', async () => {
    section('Syntax', 'Open Source und offene Schnittstellen für Kommunen.');
    const inputs = [
      '"', '""', '"Open Source"', '*', 'Open*', '-Open', 'Open -Source', 'Open AND', 'AND', 'OR Open', 'NOT',
      'NEAR(Open Source)', 'NEAR', '(Open', 'Open)', '()', 'title:Open', 'body:Source', ':', '^Open', '{Open Source}',
      "'", "Open's", '+Open', 'Open + Source', '\\', '%', '_', 'a\u0000b', '😀', 'Open\nSource',
    ];
    for (const q of inputs) {
      const res = await as(cast.member).get(`/api/workspaces/${cast.workspace.id}/search?q=${encodeURIComponent(q)}`);
      expect(res.status, q).toBe(200);
      expect(Array.isArray(res.body.data), q).toBe(true);
    }
  });

  it('reads quotes, minus signs and operators as the words around them', async () => {
    const s = section('Offenheit', 'Open Source und offene Schnittstellen für Kommunen.');
    for (const q of ['"Open Source"', '-Schnittstellen', '(Kommunen)', 'Open*', 'Kommunen:', 'Open:Source', '"Open" "Source']) {
      expect(ids(await search(q)), q).toContain(s.id);
    }
  });

  it('searches for AND, OR, NOT and NEAR as words', async () => {
    const s = section('Suchhilfe', 'Das Handbuch erklärt AND, OR, NOT und NEAR als Operatoren.');
    for (const q of ['AND', 'OR NOT', 'NEAR Handbuch', 'handbuch AND operatoren']) expect(ids(await search(q)), q).toEqual([s.id]);
  });

  it('answers an empty query with an empty list and an over-long query with 400 naming q', async () => {
    expect(await search('')).toEqual([]);
    expect(await search('   ')).toEqual([]);
    expect(await search('"*()-:')).toEqual([]);
    const res = await as(cast.member).get(`/api/workspaces/${cast.workspace.id}/search?q=${'a'.repeat(limits.searchQueryMax + 1)}`);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/\bq\b/);
  });
});

describe('comments', () => {
  it('finds comments with their section, thread and highlighted text', async () => {
    const s = section('Kommentiert', 'Text ohne das gesuchte Wort.');
    const thread = (await as(cast.member).post(`/api/sections/${s.id}/threads`, { body: 'Bitte Haushaltsmittel prüfen.' })).body;
    const results = await search('Haushaltsmittel');
    expect(results).toEqual([
      expect.objectContaining({
        type: 'comment',
        id: thread.comments[0].id,
        title: 'Kommentiert',
        sectionId: s.id,
        threadId: thread.id,
        topicId: cast.topic.id,
        snippet: 'Bitte Haushaltsmittel prüfen.',
      }),
    ]);
    expect(marked(results[0])).toEqual(['Haushaltsmittel']);
  });

  it('finds the names of mentioned people but not the markup or their ids', async () => {
    const s = section('Erwähnt');
    const body = `Rückfrage Förderprogramm @[Egal](user:${cast.lead.id})`;
    const thread = (await as(cast.member).post(`/api/sections/${s.id}/threads`, { body })).body;
    const leadName = cast.lead.name.split(' ').at(-1)!;
    expect(ids(await search(`Förderprogramm ${leadName}`))).toEqual([thread.comments[0].id]);
    expect(ids(await search('Förderprogramm user'))).toEqual([]);
    expect(ids(await search(`Förderprogramm ${cast.lead.id.slice(0, 8)}`))).toEqual([]);
  });

  it('forgets edited, deleted and thread-deleted comments', async () => {
    const s = section('Vergänglich');
    const thread = (await as(cast.member).post(`/api/sections/${s.id}/threads`, { body: 'Vorläufiger Zwischenstand' })).body;
    const reply = (await as(cast.lead).post(`/api/threads/${thread.id}/comments`, { body: 'Weiterer Zwischenstand' })).body;
    await as(cast.member).patch(`/api/comments/${thread.comments[0].id}`, { body: 'Endgültiges Ergebnis' });
    expect(ids(await search('Vorläufiger'))).toEqual([]);
    expect(ids(await search('Endgültiges'))).toEqual([thread.comments[0].id]);
    await as(cast.lead).delete(`/api/comments/${reply.id}`);
    expect(ids(await search('Zwischenstand'))).toEqual([]);
    await as(cast.member).delete(`/api/threads/${thread.id}`);
    expect(ids(await search('Endgültiges'))).toEqual([]);
  });
});

describe('who sees what', () => {
  it('searches only the given workspace', async () => {
    const other = buildCast(t.db);
    const mine = section('Eigenes', 'Das Wort Mandantenfähigkeit kommt in beiden Arbeitskreisen vor.');
    const theirs = section('Fremdes', 'Auch hier: Mandantenfähigkeit.', other.workspace.id, other.topic.id);
    expect(ids(await search('Mandantenfähigkeit'))).toEqual([mine.id]);
    expect(ids(await search('Mandantenfähigkeit', other.moderator, other.workspace.id))).toEqual([theirs.id]);
  });

  it('lets every member search, hides the workspace from strangers (404) and refuses callers without a session', async () => {
    section('Für alle', 'Barrierefreiheit');
    for (const who of [cast.moderator, cast.lead, cast.member, cast.outsider, cast.observer]) {
      expect(await search('Barrierefreiheit', who)).toHaveLength(1);
    }
    const stranger = await as(cast.stranger).get(`/api/workspaces/${cast.workspace.id}/search?q=Barrierefreiheit`);
    expect(stranger.status).toBe(404);
    const anonymous = await new ApiClient(t.url).get(`/api/workspaces/${cast.workspace.id}/search?q=Barrierefreiheit`);
    expect(anonymous.status).toBe(401);
    expect((await as(cast.member).get('/api/workspaces/no-such-workspace/search?q=x')).status).toBe(404);
  });

  it('leaves out trashed sections and the comments on them, and finds them again once restored', async () => {
    const s = section('Papierkorb Vergabeordnung', 'Die Vergabeordnung im Detail.');
    const thread = (await as(cast.member).post(`/api/sections/${s.id}/threads`, { body: 'Vergabeordnung prüfen' })).body;
    expect(ids(await search('Vergabeordnung')).sort()).toEqual([s.id, thread.comments[0].id].sort());
    t.db.$client.prepare('UPDATE sections SET deleted_at = ? WHERE id = ?').run(Date.now(), s.id);
    expect(await search('Vergabeordnung')).toEqual([]);
    t.db.$client.prepare('UPDATE sections SET deleted_at = NULL WHERE id = ?').run(s.id);
    expect(ids(await search('Vergabeordnung')).sort()).toEqual([s.id, thread.comments[0].id].sort());
  });
});

describe('the index follows the text', () => {
  it('still has every index trigger after all migrations (a migration that rebuilds a table drops its triggers)', () => {
    const triggers = (t.db.$client.prepare("SELECT tbl_name AS tbl, name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'search_%'").all() as {
      tbl: string;
      name: string;
    }[]).map((r) => `${r.tbl}.${r.name}`);
    expect(triggers.sort()).toEqual(
      [
        'sections.search_sections_ai',
        'sections.search_sections_au_index',
        'sections.search_sections_au_trash',
        'sections.search_sections_ad',
        'documents.search_documents_ai',
        'documents.search_documents_au',
        'documents.search_documents_ad',
        'comments.search_comments_ai',
        'comments.search_comments_au_index',
        'comments.search_comments_au_delete',
        'comments.search_comments_ad',
      ].sort(),
    );
  });

  it('follows a renamed title and a rewritten text', async () => {
    const s = section('Vorläufiger Titel', 'Erster Entwurf zur Cloudstrategie.');
    setText(s.id, 'Zweiter Entwurf zur Souveränität.');
    expect(ids(await search('Cloudstrategie'))).toEqual([]);
    expect(ids(await search('Souveranitat'))).toEqual([s.id]);
    t.db.$client.prepare('UPDATE sections SET title = ? WHERE id = ?').run('Endgültiger Titel', s.id);
    expect(ids(await search('Vorläufiger'))).toEqual([]);
    expect(ids(await search('Endgültiger Souveränität'))).toEqual([s.id]);
  });

  it('finds a word typed in the co-editor within a few seconds', async () => {
    const s = section('Live getippt');
    const client = connectClient(t.wsUrl, docNames.section(s.id), { token: tokenOf(cast.member) });
    clients.push(client);
    await client.synced();
    appendParagraph(client.doc, 'Soeben getippt: Verwaltungsportal und Straßenverkehrsamt.');
    const results = await waitFor(async () => {
      const found = await search('Strassenverkehrsamt');
      return found.length ? found : null;
    }, { timeout: 15_000, interval: 200, message: 'the typed word in the search index' });
    expect(ids(results)).toEqual([s.id]);
    expect(marked(results[0])).toEqual(['Straßenverkehrsamt']);
  });
});
