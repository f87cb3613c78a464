/**
 * German sort order for names and titles, on the server and in the browser. One collator:
 * `localeCompare(x, 'de')` builds a new ICU collator on every call, which showed up in the
 * server's profile of many people joining at once (presence lists are sorted on every change).
 */
export const compareGerman: (a: string, b: string) => number = new Intl.Collator('de').compare;
