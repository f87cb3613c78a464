/**
 * Full-text search in one workspace: FTS5 finds and ranks (bm25, titles weigh more), the
 * original texts are then read from their tables so snippets show the words as written
 * (Straße, not the index's folded strasse).
 */
import { inArray } from 'drizzle-orm';
import { comments, documents, sections, topics, type Db } from '@konvent/db';
import { docNames, type SearchResultJSON } from '@konvent/shared';
import { matchExpression, searchTerms } from './query';
import { buildSnippet } from './snippet';

interface Hit {
  kind: string;
  entityId: string;
  sectionId: string | null;
}

/** Weights of the FTS columns (title, body) for bm25. */
const titleWeight = 4;
const bodyWeight = 1;

function findHits(db: Db, workspaceId: string, match: string, limit: number): Hit[] {
  // Comments of trashed sections or deleted threads stay out even if the index still had them.
  return db.$client
    .prepare(
      `SELECT e.kind AS kind, e.entity_id AS entityId, e.section_id AS sectionId
       FROM search_index
       JOIN search_entries e ON e.id = search_index.rowid
       LEFT JOIN sections s ON s.id = e.section_id
       LEFT JOIN comments c ON e.kind = 'comment' AND c.id = e.entity_id
       LEFT JOIN threads t ON t.id = c.thread_id
       WHERE search_index MATCH ? AND e.workspace_id = ?
         AND (e.section_id IS NULL OR s.deleted_at IS NULL)
         AND (e.kind <> 'comment' OR (c.deleted_at IS NULL AND t.deleted_at IS NULL))
       ORDER BY bm25(search_index, ${titleWeight}, ${bodyWeight})
       LIMIT ?`,
    )
    .all(match, workspaceId, limit) as Hit[];
}

function byId<T extends { id: string }>(rows: T[]): Map<string, T> {
  return new Map(rows.map((r) => [r.id, r]));
}

export function searchWorkspace(db: Db, workspaceId: string, q: string, limit = 30): SearchResultJSON[] {
  const terms = searchTerms(q);
  if (!terms.length) return [];
  const hits = findHits(db, workspaceId, matchExpression(terms), limit);
  if (!hits.length) return [];

  const sectionIds = [...new Set(hits.map((h) => h.sectionId).filter((id): id is string => !!id))];
  const sectionRows = byId(
    sectionIds.length
      ? db.select({ id: sections.id, title: sections.title, topicId: sections.topicId }).from(sections).where(inArray(sections.id, sectionIds)).all()
      : [],
  );
  const topicIds = [...new Set([...sectionRows.values()].map((s) => s.topicId).filter((id): id is string => !!id))];
  const topicRows = byId(
    topicIds.length ? db.select({ id: topics.id, title: topics.title }).from(topics).where(inArray(topics.id, topicIds)).all() : [],
  );
  const sectionHits = hits.filter((h) => h.kind === 'section').map((h) => docNames.section(h.entityId));
  const texts = new Map(
    sectionHits.length
      ? db
          .select({ name: documents.name, plainText: documents.plainText })
          .from(documents)
          .where(inArray(documents.name, sectionHits))
          .all()
          .map((d) => [d.name, d.plainText])
      : [],
  );
  const commentIds = hits.filter((h) => h.kind === 'comment').map((h) => h.entityId);
  const commentRows = byId(
    commentIds.length
      ? db
          .select({ id: comments.id, threadId: comments.threadId, plainText: comments.plainText })
          .from(comments)
          .where(inArray(comments.id, commentIds))
          .all()
      : [],
  );

  const out: SearchResultJSON[] = [];
  for (const hit of hits) {
    const section = hit.sectionId ? sectionRows.get(hit.sectionId) : undefined;
    const topic = section?.topicId ? topicRows.get(section.topicId) : undefined;
    const title = section?.title ?? '';
    const base = {
      id: hit.entityId,
      title,
      titleHighlights: buildSnippet(title, terms, Number.MAX_SAFE_INTEGER).highlights,
      sectionId: section?.id ?? null,
      topicId: topic?.id ?? null,
      topicTitle: topic?.title ?? null,
    };
    if (hit.kind === 'section' && section) {
      out.push({ type: 'section', ...base, ...buildSnippet(texts.get(docNames.section(hit.entityId)) ?? '', terms), threadId: null });
    } else if (hit.kind === 'comment') {
      const comment = commentRows.get(hit.entityId);
      if (comment) out.push({ type: 'comment', ...base, ...buildSnippet(comment.plainText, terms), threadId: comment.threadId });
    }
    // Minutes join the index (kind 'minutes') once meetings exist; until then there are none.
  }
  return out;
}
