/**
 * Deletes log rows that a compaction folded into the snapshot, a small bounded chunk per
 * timer tick and one document at a time. Compaction leaves these rows behind because
 * deleting them in its transaction stalled the event loop (the rows of many documents
 * interleave in `document_updates`, so each deleted row touches its own page). Until they
 * are swept they are only dead weight: every reader skips rows <= `compacted_through`.
 */
import type { Logger } from '../logger';
import type { DocumentStore } from './documentStore';

export interface SweeperOptions {
  /** Rows per DELETE statement. */
  chunkRows: number;
  /** Stop a tick after this much work, to leave the event loop to the connections. */
  tickBudgetMs: number;
  /** Pause between ticks while there is work. */
  intervalMs: number;
}

export class FoldedRowSweeper {
  private readonly pending = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private startTimer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(
    private readonly store: DocumentStore,
    private readonly logger: Logger,
    private readonly options: SweeperOptions,
  ) {}

  /**
   * Picks up what a crash or the last shutdown left, a while after startup: the first
   * seconds of a fresh process belong to the cold opens of its first clients.
   */
  start(delayMs = 1_000): void {
    // A timer of its own: compactions meanwhile are swept on the usual schedule.
    this.startTimer = setTimeout(() => {
      this.startTimer = undefined;
      try {
        for (const name of this.store.unsweptDocuments()) this.pending.add(name);
      } catch (err) {
        this.logger.warn('collab: listing unswept documents failed', { err: String(err) });
      }
      this.schedule();
    }, delayMs);
    this.startTimer.unref();
  }

  /** `name` was compacted: its folded rows can go. */
  mark(name: string): void {
    this.pending.add(name);
    this.schedule();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.startTimer);
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private schedule(): void {
    if (this.stopped || this.timer || this.pending.size === 0) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.tick();
      this.schedule();
    }, this.options.intervalMs);
    this.timer.unref();
  }

  /** Deletes chunks until the budget is spent, finishing one document before the next. */
  tick(): void {
    const { chunkRows, tickBudgetMs } = this.options;
    const started = performance.now();
    for (const name of this.pending) {
      try {
        while (this.store.sweepFolded(name, chunkRows) === chunkRows) {
          if (performance.now() - started >= tickBudgetMs) return;
        }
      } catch (err) {
        // Rows left behind are harmless; a later compaction of the document retries.
        this.logger.warn('collab: sweeping folded rows failed', { doc: name, err: String(err) });
      }
      this.pending.delete(name);
      if (performance.now() - started >= tickBudgetMs) return;
    }
  }

  /** Sweeps everything now (tests, and a shutdown that wants a tidy file). */
  drain(): void {
    for (const name of this.pending) {
      while (this.store.sweepFolded(name, this.options.chunkRows) === this.options.chunkRows);
      this.pending.delete(name);
    }
  }

  get backlog(): number {
    return this.pending.size;
  }
}
