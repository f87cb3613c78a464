/**
 * A `ws` WebSocket that lets a simulated client look at every incoming message before the
 * provider does, and hold it back. Receivers in the measurement stop applying remote updates
 * (two cores cannot run 40 full Yjs clients and still measure the server, see
 * BENCHMARKING.md) and scan the raw bytes for markers instead.
 */
import { createRequire } from 'node:module';
import * as decoding from 'lib0/decoding';

/** The part of `ws`'s WebSocket class used here (tests/ has no @types/ws). */
export interface WsClass {
  new (url: string, protocols?: string | string[]): {
    emit(event: string | symbol, ...args: any[]): boolean;
    on(event: string, listener: (...args: any[]) => void): unknown;
  };
}
export const WebSocket = createRequire(import.meta.url)('ws') as WsClass;

/** What to do with one incoming message: give it to the provider, or hold it back. */
export type Verdict = 'forward' | 'drop';
export type Tap = (data: Uint8Array, receivedAt: number) => Verdict;

/** A WebSocket class bound to one client's tap (providers construct the socket themselves). */
export function tappedWebSocket(tap: Tap): WsClass {
  return class TappedWebSocket extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols);
      // A provider destroyed while its socket is still connecting removes its listeners
      // first; ws then emits 'error', which must not end the worker.
      this.on('error', () => {});
    }

    // Both providers listen through the `message` event of ws's EventEmitter (onmessage and
    // addEventListener are wrappers over it), so this one override sees every message once.
    override emit(event: string | symbol, ...args: any[]): boolean {
      if (event === 'message') {
        const receivedAt = performance.timeOrigin + performance.now();
        if (tap(asBytes(args[0]), receivedAt) === 'drop') return true;
      }
      return super.emit(event, ...args);
    }
  };
}

function asBytes(data: unknown): Uint8Array {
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data as Buffer[]));
  return data as Uint8Array;
}

/** y-protocols sync message kinds (the second varUint of a sync message). */
export const SyncStep1 = 0;
export const SyncStep2 = 1;
export const SyncUpdate = 2;

export interface Parsed {
  /** 0 sync, 1 awareness, others protocol-specific. */
  type: number;
  /** For sync messages: step 1, step 2 or update. */
  syncType?: number;
  /** For step 2 and updates: the Yjs update bytes. */
  payload?: Uint8Array;
}

/**
 * Reads the envelope of a y-websocket message (`[type][...]`) or of a Hocuspocus message
 * (`[documentName][type][...]`); both use y-protocols sync below that.
 */
export function parseMessage(data: Uint8Array, hocuspocus: boolean): Parsed | null {
  try {
    const decoder = decoding.createDecoder(data);
    if (hocuspocus) decoding.readVarString(decoder);
    const type = decoding.readVarUint(decoder);
    if (type !== 0) return { type };
    const syncType = decoding.readVarUint(decoder);
    if (syncType === SyncStep1) return { type, syncType };
    return { type, syncType, payload: decoding.readVarUint8Array(decoder) };
  } catch {
    return null;
  }
}
