/**
 * Mentions between the wire form `@[Name](user:<id>)` and what a person types and reads,
 * `@Name`. The text field keeps plain text plus the list of people picked from the
 * autocomplete; only names still present in the text become mentions when it is sent.
 */
import { mentionPattern } from '@konvent/shared';

export interface Mention {
  userId: string;
  name: string;
}

export type BodyPart = { kind: 'text'; text: string } | { kind: 'mention'; name: string; userId: string };

/** A body split into text and mentions, for rendering (as text, never as HTML). */
export function parseBody(body: string): BodyPart[] {
  const parts: BodyPart[] = [];
  let last = 0;
  for (const match of body.matchAll(mentionPattern())) {
    if (match.index > last) parts.push({ kind: 'text', text: body.slice(last, match.index) });
    parts.push({ kind: 'mention', name: match[1]!, userId: match[2]! });
    last = match.index + match[0].length;
  }
  if (last < body.length) parts.push({ kind: 'text', text: body.slice(last) });
  return parts;
}

/** A stored body as the text field shows it, with the mentions it holds. */
export function toEditable(body: string): { text: string; mentions: Mention[] } {
  const mentions: Mention[] = [];
  const text = body.replace(mentionPattern(), (_whole, name: string, userId: string) => {
    if (!mentions.some((m) => m.userId === userId)) mentions.push({ userId, name });
    return `@${name}`;
  });
  return { text, mentions };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The text field's content in wire form: every `@Name` of a picked person becomes a mention.
 * Longer names first, so "@Anna Maria Beispiel" is not taken for "@Anna Maria".
 */
export function toWire(text: string, mentions: Mention[]): string {
  const byLength = [...mentions].sort((a, b) => b.name.length - a.name.length);
  if (byLength.length === 0) return text;
  const pattern = new RegExp(`@(${byLength.map((m) => escapeRegExp(m.name)).join('|')})(?![\\p{L}\\p{N}])`, 'gu');
  return text.replace(pattern, (_whole, name: string) => {
    const person = byLength.find((m) => m.name === name)!;
    return `@[${person.name}](user:${person.userId})`;
  });
}

/**
 * The `@query` being typed right before the caret, if any: an `@` at the start or after
 * whitespace, followed by up to three words without a line break.
 */
export function mentionQueryAt(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(0, caret);
  const at = before.lastIndexOf('@');
  if (at < 0) return null;
  if (at > 0 && !/\s/.test(before[at - 1]!)) return null;
  const query = before.slice(at + 1);
  if (query.includes('\n') || query.length > 40 || query.split(' ').length > 3) return null;
  return { start: at, query };
}

/** Folds case and accents, so "muller" finds "Müller". */
export function fold(text: string): string {
  return text
    .toLocaleLowerCase('de')
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/\p{M}/gu, '');
}
