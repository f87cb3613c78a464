/**
 * Mentions in comment bodies, written `@[Name](user:<id>)` by the client's autocomplete.
 * The server trusts only the id: names are rewritten to the person's real name, so a body
 * can never show one person's name on a mention of another.
 */
import { mentionPattern } from '@konvent/shared';

/** Ids mentioned in `body`, each once, in order of appearance. */
export function mentionedIds(body: string): string[] {
  return [...new Set([...body.matchAll(mentionPattern())].map((m) => m[2]!))];
}

/** The body with every mention's name replaced by the name `names` gives for its id. */
export function withTrueNames(body: string, names: Map<string, string>): string {
  return body.replace(mentionPattern(), (whole, _name: string, id: string) => {
    const name = names.get(id);
    return name ? `@[${name.replace(/[[\]\n]/g, ' ')}](user:${id})` : whole;
  });
}

/** What people read and search: mentions as `@Name`, no markup, no ids. */
export function plainTextOf(body: string): string {
  return body.replace(mentionPattern(), (_whole, name: string) => `@${name}`);
}
