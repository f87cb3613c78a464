/**
 * German sort order for names and titles. One collator for the process: `localeCompare(x, 'de')`
 * builds a new ICU collator on every call, which showed up in the profile of many people
 * joining at once (presence lists are sorted on every change).
 */
export const compareGerman: (a: string, b: string) => number = new Intl.Collator('de').compare;
