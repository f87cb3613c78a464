let collator: Intl.Collator | undefined;

/**
 * German sort order for names and titles, on the server and in the browser. One collator:
 * `localeCompare(x, 'de')` builds a new ICU collator on every call, which showed up in the
 * server's profile of many people joining at once (presence lists are sorted on every change).
 * It is built on first use: loading ICU's collation data costs a process about 3 MB of memory,
 * which a server that never sorts a German list (a co-editing-only workload) need not carry.
 */
export function compareGerman(a: string, b: string): number {
  collator ??= new Intl.Collator('de');
  return collator.compare(a, b);
}

/**
 * Order of identifiers and ISO timestamps: by UTF-16 code unit, the order they are built for.
 * `localeCompare` would load ICU's collation data for a comparison that needs none of it.
 */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
