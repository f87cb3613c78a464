/**
 * The current state of a co-edited document for readers outside the collab server (content
 * API, export): the live Y.Doc when it is loaded (so edits not yet flushed are included),
 * otherwise a Y.Doc loaded from storage that the caller owns.
 */
import type * as Y from 'yjs';
import { perDatabase } from '@konvent/db';
import type { AppContext } from '../context';
import { DocumentStore } from './documentStore';

const storeFor = perDatabase((db) => new DocumentStore(db));

export function readDocument<T>(ctx: AppContext, name: string, read: (ydoc: Y.Doc) => T): T {
  const live = ctx.collab.liveDocument(name);
  if (live) return read(live);
  const { ydoc } = storeFor(ctx.db).load(name);
  try {
    return read(ydoc);
  } finally {
    ydoc.destroy();
  }
}
