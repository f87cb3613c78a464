/**
 * German-friendly folding for search, the same the index applies: case and diacritics
 * (the FTS5 tokenizer `unicode61 remove_diacritics 2`: Müller = Muller) and ß → ss (the
 * triggers' replace() in db/migrations/0002_search_index.sql: Straße = Strasse).
 */

/** One character (code point) folded; may become several (ß → ss) or none (a combining mark). */
export function foldChar(ch: string): string {
  // \u00df is ß, escaped for the bundle (see server/build.mjs).
  return ch.toLowerCase().normalize('NFD').replace(/\p{M}+/gu, '').replace(/\u00df/g, 'ss');
}

export function fold(text: string): string {
  let out = '';
  for (const ch of text) out += foldChar(ch);
  return out;
}

/** Folded text with, for each of its UTF-16 units, the range of the original character it came from. */
export interface FoldedText {
  folded: string;
  start: number[];
  end: number[];
}

export function foldWithOrigins(text: string): FoldedText {
  let folded = '';
  const start: number[] = [];
  const end: number[] = [];
  let i = 0;
  for (const ch of text) {
    const f = foldChar(ch);
    folded += f;
    for (let k = 0; k < f.length; k++) {
      start.push(i);
      end.push(i + ch.length);
    }
    i += ch.length;
  }
  return { folded, start, end };
}

/** Runs of letters and digits: the words, as the tokenizer sees them. */
export const wordPattern = /[\p{L}\p{N}]+/gu;
