/** Tuning of the collab server in one place; each value says why it is what it is. */
export const collabTuning = {
  /** Group commit window: well inside the 100 ms durability contract, yet batches a burst. */
  journalDelayMs: 20,
  /** A batch this large is written at once instead of waiting for the window. */
  journalMaxBatch: 2_000,
  /** Fold the log into the snapshot after this many rows ("a few hundred"). */
  compactAfterUpdates: 300,
  /**
   * Folded rows are deleted after compaction in chunks of this many rows, at most this
   * long per tick, with this pause between ticks: each tick is a short stall, and 100
   * documents' worth of rows are gone within seconds.
   */
  sweepChunkRows: 100,
  sweepTickBudgetMs: 4,
  sweepIntervalMs: 20,
  /**
   * A cold document builds its Y.Doc (a long synchronous step) only after the early sync
   * answers from its snapshot are written to the sockets, or after this long at most.
   */
  earlyAnswerWaitMs: 200,
  /** Plain text, word count and last edit are refreshed this long after typing stops. */
  derivedDataDelayMs: 2_000,
  /**
   * Liveness: a connection that did not answer the previous ping is ended. Also the
   * keep-alive period: y-websocket clients reconnect after 30 s without a *message*
   * (protocol pings do not count), so quiet connections get an empty awareness message.
   */
  pingIntervalMs: 10_000,
  /** One awareness state is a cursor and a name; anything larger is not a cursor. */
  awarenessMessageBytes: 16 * 1024,
  /** Awareness rate per connection (token bucket): cursors move often, but not this often. */
  awarenessPerSecond: 30,
  awarenessBurst: 60,
  /** Client IDs one connection may speak for in awareness (one tab has one). */
  awarenessClientsPerConnection: 4,
  /** Messages held while the document loads; a client sends two or three. */
  queuedMessagesBeforeLoad: 256,
  /**
   * A client that has this much unsent data queued is not reading (a stalled tab, a dead
   * link the pings have not caught yet); it is closed rather than held in server memory.
   */
  maxBufferedBytes: 64 * 1024 * 1024,
  /**
   * How often the server looks whether another process (the CLI) committed to the database,
   * so that a role changed there reaches open connections within this time.
   */
  otherWritersCheckMs: 2_000,
  /** How long close() waits for clients to acknowledge the close frame. */
  closeGraceMs: 1_000,
} as const;
