/**
 * The server reads section documents as ProseMirror JSON straight from the Yjs XML tree
 * (server/src/export/ydocToProsemirror.ts), without building the Tiptap schema. Here it must
 * agree with y-prosemirror's own conversion through the schema, on every demo text.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { yXmlFragmentToProseMirrorRootNode, prosemirrorJSONToYDoc } from 'y-prosemirror';
import * as Y from 'yjs';
import { documents, openDatabase, type Db } from '@konvent/db';
import { COLLAB_FIELD } from '@konvent/shared';
import { editorSchema } from '@konvent/shared/editor-schema';
import { ydocToProsemirror } from '../../server/src/export/ydocToProsemirror';
import { seedDemo } from '../../server/src/demo/seed';

const schema = editorSchema();

/** y-prosemirror stores no attribute whose value is null; the schema fills them back in. */
function withoutNullAttrs(node: any): any {
  const out: any = { ...node };
  if (node.attrs) {
    const attrs = Object.fromEntries(Object.entries(node.attrs).filter(([, v]) => v !== null));
    if (Object.keys(attrs).length) out.attrs = attrs;
    else delete out.attrs;
  }
  if (node.marks) out.marks = node.marks.map(withoutNullAttrs);
  if (node.content) out.content = node.content.map(withoutNullAttrs);
  return out;
}

const viaSchema = (doc: Y.Doc) => {
  const root = yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(COLLAB_FIELD), schema);
  return withoutNullAttrs((root.childCount > 0 ? root : schema.topNodeType.createAndFill()!).toJSON());
};

let dir: string;
let db: Db;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'konvent-ydoc-json-'));
  db = openDatabase(join(dir, 'k.sqlite'));
  await seedDemo(db);
});
afterAll(() => {
  db.$client.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('reading a section document without the schema', () => {
  it('gives the same ProseMirror JSON as y-prosemirror for every demo section', () => {
    const rows = db.select().from(documents).all();
    expect(rows.length).toBeGreaterThan(10);
    for (const row of rows) {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, row.snapshot!);
      expect(ydocToProsemirror(doc), row.name).toEqual(viaSchema(doc));
    }
  });

  it('reads overlapping marks, links, tables and an empty section', () => {
    const json = {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'fett und kursiv', marks: [{ type: 'bold' }, { type: 'italic' }] },
            { type: 'text', text: ' Link', marks: [{ type: 'link', attrs: { href: 'https://example.org', target: '_blank' } }, { type: 'underline' }] },
          ],
        },
        {
          type: 'table',
          content: [{ type: 'tableRow', content: [{ type: 'tableHeader', attrs: { colspan: 2 }, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Kopf' }] }] }] }],
        },
      ],
    };
    const doc = prosemirrorJSONToYDoc(schema, json, COLLAB_FIELD);
    expect(ydocToProsemirror(doc)).toEqual(viaSchema(doc));
    expect(ydocToProsemirror(new Y.Doc())).toEqual(viaSchema(new Y.Doc()));
  });
});
