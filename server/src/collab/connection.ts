/**
 * One client connection: its socket, its grant (user, document, mode) and the messages it
 * sent before its document was loaded. Sending is a no-op once the socket is closing.
 */
import type { Socket } from 'node:net';
import WebSocket from 'ws';
import type { CloseCode, Grant } from './admission';
import { collabTuning } from './limits';
import { livenessSlot } from './liveness';
import { TokenBucket } from './rateLimiter';
import type { WireFrame } from './wireFrame';

export class Connection {
  /** Awareness client IDs this connection introduced; removed when it goes. */
  readonly awarenessIds = new Set<number>();
  readonly awarenessRate = new TokenBucket(collabTuning.awarenessPerSecond, collabTuning.awarenessBurst);
  /** Messages received before the document was ready; null once they were processed. */
  queue: Buffer[] | null = [];
  /**
   * It got the stored snapshot as sync step 2 before the document was built, and its own
   * first step 1 from an empty document is still to come (it needs no second answer).
   */
  answeredEarly = false;
  alive = true;
  closed = false;
  /** When the client last received a message (liveness keep-alive). */
  lastSentAt = Date.now();
  /** When the server last received a message from it: proof of life without a ping. */
  lastReceivedAt = 0;
  /** Which liveness tick handles this connection (see liveness.ts). */
  readonly livenessSlot = livenessSlot();

  constructor(
    readonly ws: WebSocket,
    public grant: Grant,
  ) {}

  get mode() {
    return this.grant.mode;
  }

  get userId() {
    return this.grant.user.id;
  }

  /** `written`, if given, runs once the message is handed to the kernel (or was not sent). */
  send(message: Uint8Array, written?: () => void): void {
    if (this.closed || this.ws.readyState !== WebSocket.OPEN) return written?.();
    if (this.ws.bufferedAmount > collabTuning.maxBufferedBytes) {
      // 1013 "try again later": the client reconnects and syncs what it missed.
      this.close({ code: 1013, reason: 'not reading fast enough' });
      return written?.();
    }
    if (written) this.ws.send(message, { binary: true }, () => written());
    else this.ws.send(message, { binary: true });
    this.lastSentAt = Date.now();
  }

  /**
   * Sends a message framed once for every recipient (see WireFrame): shared bytes written to
   * the socket instead of ws framing them anew (a header buffer, a corked two-buffer writev and
   * their bookkeeping) for each connection. Frames written to the socket directly keep their
   * order with ws's own: ws writes each frame through at once (the server never compresses), so
   * it holds none back. `written` as for `send`.
   */
  sendFrame(frame: WireFrame, written?: () => void): void {
    if (this.closed || this.ws.readyState !== WebSocket.OPEN) return written?.();
    const socket = this.socket();
    if (!socket) return this.send(frame.message(), written);
    if (this.ws.bufferedAmount > collabTuning.maxBufferedBytes) {
      this.close({ code: 1013, reason: 'not reading fast enough' });
      return written?.();
    }
    const chunks = frame.chunks();
    const done = written ? () => written() : undefined;
    if (chunks.length === 1) {
      socket.write(chunks[0]!, done);
    } else {
      socket.cork();
      chunks.forEach((chunk, i) => socket.write(chunk, i === chunks.length - 1 ? done : undefined));
      socket.uncork();
    }
    this.lastSentAt = Date.now();
  }

  /** ws exposes no accessor for its socket; without it, frames go through ws.send. */
  private socket(): Socket | undefined {
    const socket = (this.ws as unknown as { _socket?: Socket })._socket;
    return socket && typeof socket.write === 'function' && !socket.destroyed ? socket : undefined;
  }

  /**
   * Runs `fn` with the TCP socket corked, so several frames sent in it leave in one write.
   * ws exposes no accessor for its socket; without it, frames are simply written one by one.
   */
  batch(fn: () => void): void {
    const socket = this.socket();
    if (!socket) return fn();
    socket.cork();
    try {
      fn();
    } finally {
      socket.uncork();
    }
  }

  close(close: CloseCode): void {
    if (this.closed) return;
    this.closed = true;
    if (this.ws.readyState === WebSocket.OPEN || this.ws.readyState === WebSocket.CONNECTING) {
      this.ws.close(close.code, close.reason);
    }
  }
}

