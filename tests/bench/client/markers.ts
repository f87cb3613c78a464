/**
 * Edit markers: each measured edit inserts `⟦<phase><worker>.<client>.<seq>@<sentAt>⟧` into the
 * document. Strings travel as UTF-8 inside a Yjs update, so a receiver finds them in the raw
 * message with a decoder and a regular expression, without applying the update.
 */
export type Phase = 'w' | 'm';

export function marker(phase: Phase, worker: number, client: number, seq: number, sentAt: number): string {
  return `⟦${phase}${worker}.${client}.${seq}@${sentAt.toFixed(3)}⟧`;
}

/** One marker found: what the receiver needs, passed as arguments (no object per marker). */
export type OnMarker = (phase: Phase, worker: number, client: number, seq: number, sentAt: number) => void;

const pattern = /⟦([wm])(\d+)\.(\d+)\.(\d+)@(\d+\.\d+)⟧/g;
// Not fatal: a message may hold binary around the strings; only the markers must decode.
const decoder = new TextDecoder('utf-8', { fatal: false });

/**
 * Calls `onMarker` for each marker in `bytes`. A receiver sees thousands of markers a second
 * and keeps what it needs of each to the end of the window: nothing here allocates per marker
 * beyond the regular expression's match, so the clients' garbage collector stays out of the
 * figures (see ../README.md, "Method").
 */
export function scanMarkers(bytes: Uint8Array, onMarker: OnMarker): void {
  const text = decoder.decode(bytes);
  if (!text.includes('⟦')) return;
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    onMarker(m[1] as Phase, Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]));
  }
}

/**
 * The edits one receiver has counted, one bit per (worker, seq): `seq` counts every edit of its
 * worker, so the pair names one edit. Bits in byte arrays (grown by doubling) rather than a Set:
 * a Set's table lives on the V8 heap and is copied as it grows, and 1,000 receivers keeping
 * every edit they saw made the clients' garbage collector one of the sources of the tail.
 */
export class EditSet {
  private readonly bits: Uint8Array[] = [];

  /** Adds the edit; false when it was already there (a duplicate delivery). */
  add(worker: number, seq: number): boolean {
    let bits = this.bits[worker] ?? (this.bits[worker] = new Uint8Array(256));
    const byte = seq >>> 3;
    if (byte >= bits.length) {
      const grown = new Uint8Array(Math.max(bits.length * 2, byte + 1));
      grown.set(bits);
      bits = this.bits[worker] = grown;
    }
    const mask = 1 << (seq & 7);
    if (bits[byte]! & mask) return false;
    bits[byte]! |= mask;
    return true;
  }
}
