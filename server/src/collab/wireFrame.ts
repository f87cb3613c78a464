/**
 * An outgoing message framed once as an unmasked, final binary WebSocket frame (RFC 6455
 * 5.2) and shared by every connection it goes to. A message is kept in parts (a y-protocols
 * header and the update it carries): small messages become one buffer, built on first use;
 * a large update (a whole document) is written as it is, behind its header, never copied.
 */
import type { SyncMessageType } from './protocol';

/** Messages up to this size leave as one buffer (one write); larger ones as header + body. */
const joinBelowBytes = 64 * 1024;

export class WireFrame {
  private framed: Buffer[] | null = null;

  private constructor(private readonly parts: Uint8Array[]) {}

  /** A message that is already encoded. */
  static of(message: Uint8Array): WireFrame {
    return new WireFrame([message]);
  }

  /** A sync step 2 or update message around `update`, which is not copied. */
  static sync(step: typeof SyncMessageType.Step2 | typeof SyncMessageType.Update, update: Uint8Array): WireFrame {
    return new WireFrame([syncHeader(step, update.byteLength), update]);
  }

  get byteLength(): number {
    let length = 0;
    for (const part of this.parts) length += part.byteLength;
    return length;
  }

  /** The message as one array (for ws.send, where the socket cannot be written directly). */
  message(): Uint8Array {
    return this.parts.length === 1 ? this.parts[0]! : Buffer.concat(this.parts);
  }

  /** The frame as buffers to write in this order. */
  chunks(): Buffer[] {
    if (this.framed) return this.framed;
    const length = this.byteLength;
    const header = frameHeader(length);
    if (length < joinBelowBytes || this.parts.length === 1) {
      this.framed = [Buffer.concat([header, ...this.parts], header.byteLength + length)];
    } else {
      const body = this.parts[this.parts.length - 1]!;
      this.framed = [
        Buffer.concat([header, ...this.parts.slice(0, -1)]),
        Buffer.from(body.buffer, body.byteOffset, body.byteLength),
      ];
    }
    return this.framed;
  }
}

/** FIN + opcode 2 (binary), then the payload length in 7, 7+16 or 7+64 bits; servers do not mask. */
function frameHeader(length: number): Buffer {
  if (length < 126) return Buffer.from([0x82, length]);
  if (length < 65_536) {
    const header = Buffer.allocUnsafe(4);
    header[0] = 0x82;
    header[1] = 126;
    header.writeUInt16BE(length, 2);
    return header;
  }
  const header = Buffer.allocUnsafe(10);
  header[0] = 0x82;
  header[1] = 127;
  header.writeUInt32BE(Math.floor(length / 2 ** 32), 2);
  header.writeUInt32BE(length >>> 0, 6);
  return header;
}

/** `[messageSync][step][varUint length]`: what lib0's writeVarUint8Array puts before the bytes. */
function syncHeader(step: number, length: number): Uint8Array {
  const bytes = [0, step];
  let rest = length;
  while (rest > 0x7f) {
    bytes.push(0x80 | (rest & 0x7f));
    rest = Math.floor(rest / 128);
  }
  bytes.push(rest);
  return Uint8Array.from(bytes);
}
