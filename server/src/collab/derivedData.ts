/**
 * Data derived from a document's content (plain text for search, word count, last editor),
 * refreshed a while after typing stops so rendering never runs per keystroke.
 */
import type { Logger } from '../logger';
import { countWords, prosemirrorToText } from '../export/prosemirrorToText';
import { ydocToProsemirror } from '../export/ydocToProsemirror';
import type { DocumentStore } from './documentStore';
import type { SharedDoc } from './sharedDoc';

export class DerivedData {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** Last stored edit per document, from the journal; written with the next refresh. */
  private readonly lastEdit = new Map<string, { userId: string | null; at: number }>();

  constructor(
    private readonly store: DocumentStore,
    private readonly logger: Logger,
    private readonly delayMs: number,
  ) {}

  /** Records a stored edit and (re)starts the quiet-period timer of the document. */
  edited(doc: SharedDoc, userId: string | null, at: number): void {
    this.lastEdit.set(doc.name, { userId, at });
    const previous = this.timers.get(doc.name);
    if (previous) clearTimeout(previous);
    this.timers.set(
      doc.name,
      setTimeout(() => this.refresh(doc), this.delayMs),
    );
  }

  /** Writes now if something is outstanding (on unload and shutdown). */
  refreshNow(doc: SharedDoc): void {
    if (this.timers.has(doc.name)) this.refresh(doc);
  }

  cancel(name: string): void {
    const timer = this.timers.get(name);
    if (timer) clearTimeout(timer);
    this.timers.delete(name);
    this.lastEdit.delete(name);
  }

  private refresh(doc: SharedDoc): void {
    const timer = this.timers.get(doc.name);
    if (timer) clearTimeout(timer);
    this.timers.delete(doc.name);
    if (doc.destroyed) return;
    const edit = this.lastEdit.get(doc.name);
    this.lastEdit.delete(doc.name);
    try {
      const plainText = prosemirrorToText(ydocToProsemirror(doc.ydoc));
      this.store.saveDerived(doc.name, {
        plainText,
        wordCount: countWords(plainText),
        lastEditedById: edit?.userId ?? null,
        lastEditedAt: edit?.at ?? null,
      });
    } catch (err) {
      // Derived data is a convenience; the document itself is safe in the log.
      this.logger.warn('collab: derived data not updated', { doc: doc.name, err: String(err) });
    }
  }
}
