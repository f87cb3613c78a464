/**
 * The passage of a text shown with a search result, and where the search words are in it.
 * The snippet is plain text (never HTML); `highlights` are [start, end) UTF-16 offsets into
 * it, so a client wraps those ranges in <mark> while rendering everything as text.
 */
import { foldWithOrigins, wordPattern } from './fold';

export interface Snippet {
  snippet: string;
  highlights: Array<[number, number]>;
}

const lead = 60;
const ellipsis = '…';

/** Original-text ranges of words that start with one of the (folded) terms: prefix matching like the query. */
function matchRanges(text: string, terms: string[]): Array<[number, number]> {
  const { folded, start, end } = foldWithOrigins(text);
  const out: Array<[number, number]> = [];
  for (const m of folded.matchAll(wordPattern)) {
    const word = m[0];
    const at = m.index;
    if (terms.some((t) => word.startsWith(t))) out.push([start[at]!, end[at + word.length - 1]!]);
    if (out.length >= 500) break;
  }
  return out;
}

/** The window of `maxLength` characters holding the most matches, at word boundaries. */
function windowFor(text: string, matches: Array<[number, number]>, maxLength: number): [number, number] {
  if (text.length <= maxLength) return [0, text.length];
  let best = 0;
  let bestCount = -1;
  for (const [s] of matches.length ? matches : [[0, 0] as [number, number]]) {
    const from = Math.max(0, s - lead);
    const count = matches.filter(([a, b]) => a >= from && b <= from + maxLength).length;
    if (count > bestCount) {
      best = from;
      bestCount = count;
    }
  }
  let from = best;
  if (from > 0) {
    const space = text.indexOf(' ', from);
    if (space >= 0 && space < from + 20) from = space + 1;
  }
  let to = Math.min(text.length, from + maxLength);
  if (to < text.length) {
    const space = text.lastIndexOf(' ', to);
    if (space > from + maxLength / 2) to = space;
  }
  return [from, to];
}

export function buildSnippet(text: string, terms: string[], maxLength = 200): Snippet {
  // Line breaks between blocks become spaces one for one, so offsets stay valid.
  const flat = text.replace(/\s/g, ' ');
  if (!flat.trim()) return { snippet: '', highlights: [] };
  const matches = matchRanges(flat, terms);
  const [from, to] = windowFor(flat, matches, maxLength);
  const prefix = from > 0 ? ellipsis : '';
  const suffix = to < flat.length ? ellipsis : '';
  const shift = prefix.length - from;
  return {
    snippet: prefix + flat.slice(from, to) + suffix,
    highlights: matches.filter(([a, b]) => a >= from && b <= to).map(([a, b]) => [a + shift, b + shift]),
  };
}
