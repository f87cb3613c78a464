/**
 * Applies one client message to a loaded document, honouring the connection's mode:
 * read-only connections get their sync step 1 answered and their awareness relayed, and
 * their sync step 2 and updates are dropped (never applied, broadcast or stored).
 * Throws MalformedMessage for anything that does not decode or apply.
 */
import { applyAwarenessUpdate, type Awareness } from 'y-protocols/awareness';
import type { Connection } from './connection';
import { collabTuning } from './limits';
import { awarenessEntries, decodeClientMessage, MalformedMessage, type AwarenessEntry } from './protocol';
import type { SharedDoc } from './sharedDoc';

export type HandleOutcome = 'applied' | 'answered' | 'dropped' | 'relayed';

export function handleMessage(conn: Connection, doc: SharedDoc, data: Uint8Array): HandleOutcome {
  const message = decodeClientMessage(data);
  switch (message.kind) {
    case 'sync-step1':
      conn.sendFrame(doc.syncStep2For(message.stateVector));
      return 'answered';
    case 'sync-step2':
    case 'update':
      if (conn.mode !== 'write') return 'dropped';
      try {
        // Stored with this user; the broadcast skips the sender.
        doc.applyFrom(conn, message.update);
      } catch (err) {
        throw new MalformedMessage(`update: ${(err as Error).message}`);
      }
      return 'applied';
    case 'awareness':
      return relayAwareness(conn, doc, data, message.update);
    case 'query-awareness': {
      const snapshot = doc.awarenessSnapshot();
      if (snapshot) conn.send(snapshot);
      return 'answered';
    }
  }
}

/**
 * Awareness is lossy by design (the next cursor move replaces this one), so over-size,
 * over-rate or over-many-clients updates are dropped rather than closing the connection.
 * Entries the server already has are no news: y-websocket clients (v3) send back every
 * awareness state they receive, so a join of n people would otherwise cost n² relays. They
 * are skipped before the JSON is parsed or a rate token is spent. What changed goes out at the
 * end of the event-loop turn (see SharedDoc), coalesced with the other changes of the turn.
 */
function relayAwareness(conn: Connection, doc: SharedDoc, raw: Uint8Array, update: Uint8Array): HandleOutcome {
  if (raw.byteLength > collabTuning.awarenessMessageBytes) return 'dropped';
  const fresh = awarenessEntries(update).filter((entry) => isNews(doc.awareness, entry));
  if (fresh.length === 0) return 'dropped';
  if (!conn.awarenessRate.take()) return 'dropped';
  const introduced = new Set(conn.awarenessIds);
  for (const entry of fresh) introduced.add(entry.clientId);
  if (introduced.size > collabTuning.awarenessClientsPerConnection) return 'dropped';
  try {
    applyAwarenessUpdate(doc.awareness, update, conn);
  } catch (err) {
    throw new MalformedMessage(`awareness: ${(err as Error).message}`);
  }
  return 'relayed';
}

/** y-protocols' own rule for whether an entry changes the awareness (applyAwarenessUpdate). */
function isNews(awareness: Awareness, entry: AwarenessEntry): boolean {
  const current = awareness.meta.get(entry.clientId)?.clock ?? 0;
  return current < entry.clock || (current === entry.clock && entry.removal && awareness.states.has(entry.clientId));
}
