/**
 * Edit markers: each measured edit inserts `⟦<phase><worker>.<client>.<seq>@<sentAt>⟧` into the
 * document. Strings travel as UTF-8 inside a Yjs update, so a receiver finds them in the raw
 * message with a decoder and a regular expression, without applying the update.
 */
export type Phase = 'w' | 'm';

export function marker(phase: Phase, worker: number, client: number, seq: number, sentAt: number): string {
  return `⟦${phase}${worker}.${client}.${seq}@${sentAt.toFixed(3)}⟧`;
}

export interface Found {
  phase: Phase;
  worker: number;
  client: number;
  /** `<worker>.<client>.<seq>`: unique per edit. */
  id: string;
  sentAt: number;
}

const pattern = /⟦([wm])(\d+)\.(\d+)\.(\d+)@(\d+\.\d+)⟧/g;
// Not fatal: a message may hold binary around the strings; only the markers must decode.
const decoder = new TextDecoder('utf-8', { fatal: false });

export function findMarkers(bytes: Uint8Array): Found[] {
  const text = decoder.decode(bytes);
  if (!text.includes('⟦')) return [];
  const out: Found[] = [];
  for (const m of text.matchAll(pattern)) {
    out.push({
      phase: m[1] as Phase,
      worker: Number(m[2]),
      client: Number(m[3]),
      id: `${m[2]}.${m[3]}.${m[4]}`,
      sentAt: Number(m[5]),
    });
  }
  return out;
}
