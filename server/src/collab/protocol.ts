/**
 * The y-websocket wire format (y-protocols sync and awareness, lib0 encoding): decoding of
 * what clients send and encoding of what the server sends. Pure functions, no state.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

export const MessageType = { Sync: 0, Awareness: 1, Auth: 2, QueryAwareness: 3 } as const;
export const SyncMessageType = { Step1: 0, Step2: 1, Update: 2 } as const;

export type ClientMessage =
  | { kind: 'sync-step1'; stateVector: Uint8Array }
  | { kind: 'sync-step2'; update: Uint8Array }
  | { kind: 'update'; update: Uint8Array }
  | { kind: 'awareness'; update: Uint8Array }
  | { kind: 'query-awareness' };

/** Thrown for anything that is not a well-formed y-websocket message; closes with 1007. */
export class MalformedMessage extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MalformedMessage';
  }
}

/**
 * Decodes one client message. lib0's readers check bounds, so a truncated frame throws
 * instead of reading past the message (ws may hand out views on a larger buffer).
 */
export function decodeClientMessage(data: Uint8Array): ClientMessage {
  try {
    const decoder = decoding.createDecoder(data);
    const type = decoding.readVarUint(decoder);
    switch (type) {
      case MessageType.Sync: {
        const step = decoding.readVarUint(decoder);
        const payload = decoding.readVarUint8Array(decoder);
        if (step === SyncMessageType.Step1) return { kind: 'sync-step1', stateVector: payload };
        if (step === SyncMessageType.Step2) return { kind: 'sync-step2', update: payload };
        if (step === SyncMessageType.Update) return { kind: 'update', update: payload };
        throw new MalformedMessage(`unknown sync message type ${step}`);
      }
      case MessageType.Awareness:
        return { kind: 'awareness', update: decoding.readVarUint8Array(decoder) };
      case MessageType.QueryAwareness:
        return { kind: 'query-awareness' };
      default:
        throw new MalformedMessage(`unknown message type ${type}`);
    }
  } catch (err) {
    if (err instanceof MalformedMessage) throw err;
    throw new MalformedMessage((err as Error).message);
  }
}

function syncMessage(step: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Sync);
  encoding.writeVarUint(encoder, step);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

export const encodeSyncStep1 = (stateVector: Uint8Array) => syncMessage(SyncMessageType.Step1, stateVector);

export function encodeAwareness(awarenessUpdate: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Awareness);
  encoding.writeVarUint8Array(encoder, awarenessUpdate);
  return encoding.toUint8Array(encoder);
}

/** One entry of an awareness update: whose state, its clock, and whether it is a removal. */
export interface AwarenessEntry {
  clientId: number;
  clock: number;
  /** The state is JSON `null`: the client left (or its state timed out). */
  removal: boolean;
}

/**
 * The entries of an awareness update (its wire format: count, then per entry clientID,
 * clock, JSON state), without parsing the JSON. Used to bound how many client IDs a
 * connection may introduce and to skip entries the server already has.
 */
export function awarenessEntries(update: Uint8Array): AwarenessEntry[] {
  try {
    const decoder = decoding.createDecoder(update);
    const count = decoding.readVarUint(decoder);
    const entries: AwarenessEntry[] = [];
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(decoder);
      const clock = decoding.readVarUint(decoder);
      entries.push({ clientId, clock, removal: decoding.readVarString(decoder) === 'null' });
    }
    return entries;
  } catch (err) {
    throw new MalformedMessage(`awareness: ${(err as Error).message}`);
  }
}
