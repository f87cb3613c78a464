/**
 * Turns what someone typed into an FTS5 MATCH expression that can never be a syntax error:
 * the input is split into words here (quotes, *, -, :, parentheses, AND/OR/NEAR are just
 * text), each word is quoted and gets `*` for prefix matching, and all must match.
 */
import { fold, wordPattern } from './fold';

/** More words than this add little and cost a lot. */
const maxTerms = 12;

export function searchTerms(q: string): string[] {
  const words = fold(q.normalize('NFC')).match(wordPattern) ?? [];
  return [...new Set(words)].slice(0, maxTerms);
}

/** Words hold only letters and digits, so quoting needs no escaping. */
export function matchExpression(terms: string[]): string {
  return terms.map((t) => `"${t}"*`).join(' ');
}
