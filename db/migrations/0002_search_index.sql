-- Full-text search over section titles and text, and comments (minutes join later).
--
-- search_entries maps each indexed thing (kind, entity id) to the rowid of its row in the
-- FTS5 table and holds what results are filtered by (workspace, section), so the triggers
-- find a row by an index instead of scanning the FTS table.
--
-- The tokenizer folds case and diacritics (Müller = Muller); German ß is folded to ss here
-- with replace(), and the server folds the query the same way (server/src/search/fold.ts).
-- The triggers keep the index in step with every write, including documents.plain_text,
-- which the co-editing server refreshes after typing settles.
CREATE TABLE `search_entries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`entity_id` text NOT NULL,
	`workspace_id` text NOT NULL,
	`section_id` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `search_entries_entity_idx` ON `search_entries` (`kind`, `entity_id`);
--> statement-breakpoint
CREATE INDEX `search_entries_workspace_idx` ON `search_entries` (`workspace_id`);
--> statement-breakpoint
CREATE VIRTUAL TABLE `search_index` USING fts5(title, body, tokenize = 'unicode61 remove_diacritics 2');
--> statement-breakpoint

-- Sections: title from the row, body from the co-edited document `section:<id>`.
CREATE TRIGGER `search_sections_ai` AFTER INSERT ON `sections` WHEN new.deleted_at IS NULL BEGIN
	INSERT INTO search_entries (kind, entity_id, workspace_id, section_id) VALUES ('section', new.id, new.workspace_id, new.id)
		ON CONFLICT (kind, entity_id) DO UPDATE SET workspace_id = excluded.workspace_id, section_id = excluded.section_id;
	DELETE FROM search_index WHERE rowid = (SELECT id FROM search_entries WHERE kind = 'section' AND entity_id = new.id);
	INSERT INTO search_index (rowid, title, body)
		SELECT e.id,
			replace(replace(new.title, 'ß', 'ss'), 'ẞ', 'ss'),
			replace(replace(coalesce((SELECT plain_text FROM documents WHERE name = 'section:' || new.id), ''), 'ß', 'ss'), 'ẞ', 'ss')
		FROM search_entries e WHERE e.kind = 'section' AND e.entity_id = new.id;
END;
--> statement-breakpoint
CREATE TRIGGER `search_sections_au_index` AFTER UPDATE OF title, deleted_at, workspace_id ON `sections` WHEN new.deleted_at IS NULL BEGIN
	INSERT INTO search_entries (kind, entity_id, workspace_id, section_id) VALUES ('section', new.id, new.workspace_id, new.id)
		ON CONFLICT (kind, entity_id) DO UPDATE SET workspace_id = excluded.workspace_id, section_id = excluded.section_id;
	DELETE FROM search_index WHERE rowid = (SELECT id FROM search_entries WHERE kind = 'section' AND entity_id = new.id);
	INSERT INTO search_index (rowid, title, body)
		SELECT e.id,
			replace(replace(new.title, 'ß', 'ss'), 'ẞ', 'ss'),
			replace(replace(coalesce((SELECT plain_text FROM documents WHERE name = 'section:' || new.id), ''), 'ß', 'ss'), 'ẞ', 'ss')
		FROM search_entries e WHERE e.kind = 'section' AND e.entity_id = new.id;
END;
--> statement-breakpoint
-- A trashed section leaves the index; restoring it (deleted_at back to NULL) re-indexes it above.
CREATE TRIGGER `search_sections_au_trash` AFTER UPDATE OF deleted_at ON `sections` WHEN new.deleted_at IS NOT NULL BEGIN
	DELETE FROM search_index WHERE rowid = (SELECT id FROM search_entries WHERE kind = 'section' AND entity_id = new.id);
	DELETE FROM search_entries WHERE kind = 'section' AND entity_id = new.id;
END;
--> statement-breakpoint
CREATE TRIGGER `search_sections_ad` AFTER DELETE ON `sections` BEGIN
	DELETE FROM search_index WHERE rowid = (SELECT id FROM search_entries WHERE kind = 'section' AND entity_id = old.id);
	DELETE FROM search_entries WHERE kind = 'section' AND entity_id = old.id;
END;
--> statement-breakpoint

-- Section text: only sections in the index (not trashed) get their body replaced.
CREATE TRIGGER `search_documents_ai` AFTER INSERT ON `documents` WHEN new.name LIKE 'section:%' BEGIN
	UPDATE search_index SET body = replace(replace(new.plain_text, 'ß', 'ss'), 'ẞ', 'ss')
		WHERE rowid = (SELECT id FROM search_entries WHERE kind = 'section' AND entity_id = substr(new.name, 9));
END;
--> statement-breakpoint
CREATE TRIGGER `search_documents_au` AFTER UPDATE OF plain_text ON `documents`
	WHEN new.name LIKE 'section:%' AND new.plain_text IS NOT old.plain_text BEGIN
	UPDATE search_index SET body = replace(replace(new.plain_text, 'ß', 'ss'), 'ẞ', 'ss')
		WHERE rowid = (SELECT id FROM search_entries WHERE kind = 'section' AND entity_id = substr(new.name, 9));
END;
--> statement-breakpoint
CREATE TRIGGER `search_documents_ad` AFTER DELETE ON `documents` WHEN old.name LIKE 'section:%' BEGIN
	UPDATE search_index SET body = ''
		WHERE rowid = (SELECT id FROM search_entries WHERE kind = 'section' AND entity_id = substr(old.name, 9));
END;
--> statement-breakpoint

-- Comments: the plain text (mentions reduced to @Name); the title stays empty so a word of
-- the section title does not find every comment on it.
CREATE TRIGGER `search_comments_ai` AFTER INSERT ON `comments` WHEN new.deleted_at IS NULL BEGIN
	INSERT INTO search_entries (kind, entity_id, workspace_id, section_id)
		VALUES ('comment', new.id, (SELECT workspace_id FROM threads WHERE id = new.thread_id), (SELECT section_id FROM threads WHERE id = new.thread_id))
		ON CONFLICT (kind, entity_id) DO UPDATE SET workspace_id = excluded.workspace_id, section_id = excluded.section_id;
	DELETE FROM search_index WHERE rowid = (SELECT id FROM search_entries WHERE kind = 'comment' AND entity_id = new.id);
	INSERT INTO search_index (rowid, title, body)
		SELECT e.id, '', replace(replace(new.plain_text, 'ß', 'ss'), 'ẞ', 'ss')
		FROM search_entries e WHERE e.kind = 'comment' AND e.entity_id = new.id;
END;
--> statement-breakpoint
CREATE TRIGGER `search_comments_au_index` AFTER UPDATE OF plain_text, deleted_at ON `comments` WHEN new.deleted_at IS NULL BEGIN
	INSERT INTO search_entries (kind, entity_id, workspace_id, section_id)
		VALUES ('comment', new.id, (SELECT workspace_id FROM threads WHERE id = new.thread_id), (SELECT section_id FROM threads WHERE id = new.thread_id))
		ON CONFLICT (kind, entity_id) DO UPDATE SET workspace_id = excluded.workspace_id, section_id = excluded.section_id;
	DELETE FROM search_index WHERE rowid = (SELECT id FROM search_entries WHERE kind = 'comment' AND entity_id = new.id);
	INSERT INTO search_index (rowid, title, body)
		SELECT e.id, '', replace(replace(new.plain_text, 'ß', 'ss'), 'ẞ', 'ss')
		FROM search_entries e WHERE e.kind = 'comment' AND e.entity_id = new.id;
END;
--> statement-breakpoint
CREATE TRIGGER `search_comments_au_delete` AFTER UPDATE OF deleted_at ON `comments` WHEN new.deleted_at IS NOT NULL BEGIN
	DELETE FROM search_index WHERE rowid = (SELECT id FROM search_entries WHERE kind = 'comment' AND entity_id = new.id);
	DELETE FROM search_entries WHERE kind = 'comment' AND entity_id = new.id;
END;
--> statement-breakpoint
CREATE TRIGGER `search_comments_ad` AFTER DELETE ON `comments` BEGIN
	DELETE FROM search_index WHERE rowid = (SELECT id FROM search_entries WHERE kind = 'comment' AND entity_id = old.id);
	DELETE FROM search_entries WHERE kind = 'comment' AND entity_id = old.id;
END;
--> statement-breakpoint

-- What existed before this migration (databases seeded earlier, e.g. the demo).
INSERT INTO search_entries (kind, entity_id, workspace_id, section_id)
	SELECT 'section', id, workspace_id, id FROM sections WHERE deleted_at IS NULL;
--> statement-breakpoint
INSERT INTO search_index (rowid, title, body)
	SELECT e.id,
		replace(replace(s.title, 'ß', 'ss'), 'ẞ', 'ss'),
		replace(replace(coalesce(d.plain_text, ''), 'ß', 'ss'), 'ẞ', 'ss')
	FROM search_entries e
	JOIN sections s ON s.id = e.entity_id
	LEFT JOIN documents d ON d.name = 'section:' || s.id
	WHERE e.kind = 'section';
