/**
 * German sort order for names and titles, the same on the server and in every browser: DIN 5007
 * variant 1, the dictionary order that ICU's `de` collation also follows for these strings.
 *
 * 1. Letters compare by their base letter, case aside: ä as a, é as e, ß as ss.
 * 2. Between strings equal so far, the one without accents first (Muller, Müller).
 * 3. Then lower case first (van Dijk, Van Dijk), then code units, so the order is total.
 *
 * Written out rather than `Intl.Collator('de')`: the first collator makes V8 load ICU's
 * collation data for every locale it could negotiate, about 2 MB of the server process for
 * sorting the names of the people in a section. Spaces, punctuation and digits compare by
 * code unit, which puts them before letters as ICU does; the rarer ASCII symbols `:;<=>?@[\]^_`
 * sort between digits and letters (ICU: before digits) and `{|}~` after letters.
 */

/**
 * Order of identifiers and ISO timestamps: by UTF-16 code unit, the order they are built for.
 * `localeCompare` would load ICU's collation data for a comparison that needs none of it.
 */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Latin letters that Unicode does not decompose into a base letter and a mark. */
const ownLetters: Record<string, string> = {
  '\u00df': 'ss', // ß
  '\u00e6': 'ae', // æ
  '\u0153': 'oe', // œ
  '\u00f8': 'o', // ø
  '\u0142': 'l', // ł
  '\u0111': 'd', // đ
  '\u00f0': 'd', // ð
  '\u00fe': 'th', // þ
  '\u0131': 'i', // dotless ı
};
const ownLetterPattern = /[\u00df\u00e6\u0153\u00f8\u0142\u0111\u00f0\u00fe\u0131]/g;
/** Combining diacritical marks, what remains of an accent after canonical decomposition. */
const marks = /[\u0300-\u036f]/g;

const lowerDecomposed = (s: string) => s.toLowerCase().normalize('NFD');
const baseLetters = (decomposed: string) => decomposed.replace(marks, '').replace(ownLetterPattern, (c) => ownLetters[c]!);
const swapCase = (s: string) => s.replace(/./gsu, (c) => (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase()));

/**
 * A string whose code-unit order is `compareGerman`'s order: the base letters, then the
 * decomposed lower case (accents), then the case-swapped original, separated by U+0000 (which
 * sorts before everything a name holds). To sort many names, compute each key once.
 */
export function germanSortKey(s: string): string {
  const decomposed = lowerDecomposed(s);
  return `${baseLetters(decomposed)}\u0000${decomposed}\u0000${swapCase(s)}`;
}

export function compareGerman(a: string, b: string): number {
  if (a === b) return 0;
  const da = lowerDecomposed(a);
  const db = lowerDecomposed(b);
  return compareCodeUnits(baseLetters(da), baseLetters(db)) || compareCodeUnits(da, db) || compareCodeUnits(swapCase(a), swapCase(b));
}
