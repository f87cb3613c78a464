/**
 * The current state of a co-edited document for readers outside the collab server (content
 * API, export): the live Y.Doc when it is loaded (so edits not yet flushed are included),
 * otherwise a Y.Doc loaded from storage that the caller owns.
 */
import type * as Y from 'yjs';
import type { Db } from '@konvent/db';
import type { AppContext } from '../context';
import { DocumentStore } from './documentStore';

const stores = new WeakMap<Db, DocumentStore>();

export function readDocument<T>(ctx: AppContext, name: string, read: (ydoc: Y.Doc) => T): T {
  const live = ctx.collab.liveDocument(name);
  if (live) return read(live);
  let store = stores.get(ctx.db);
  if (!store) stores.set(ctx.db, (store = new DocumentStore(ctx.db)));
  const { ydoc } = store.load(name);
  try {
    return read(ydoc);
  } finally {
    ydoc.destroy();
  }
}
