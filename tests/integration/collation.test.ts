/**
 * The German sort order of names (shared/src/collation.ts, used for presence lists, subgroup
 * members and the client's name lists) agrees with ICU's `de` collation, the order a German
 * reader expects, without loading ICU's collation data into the server.
 */
import { describe, expect, it } from 'vitest';
import { compareCodeUnits, compareGerman, germanSortKey } from '@konvent/shared';

const icu = new Intl.Collator('de');

const names = [
  'Müller', 'Mueller', 'Muller', 'Möller', 'Moller', 'Mahler', 'Maier', 'Meier', 'Mayer',
  'Bäcker', 'Backer', 'Becker', 'Öztürk', 'Ozturk', 'Özdemir', 'Yılmaz', 'Yilmaz', 'Şahin', 'Sahin',
  'Çelik', 'Celik', 'Straße', 'Strasse', 'Strauss', 'Straub', 'Łukasz Nowak', 'Lukas Novak',
  'Øystein Berg', 'Oskar Berg', 'Æsa Lund', 'Aebi', 'Ånström', 'Andersson', 'Ängel', 'Angel',
  'Élodie Martin', 'Eloise Martin', 'Emil Martin', 'van Dijk', 'Van Dijk', 'von Berg', 'Von Berg',
  'de la Cruz', 'De La Cruz', 'Dr. Anna Albers', 'Dr. Katharina Albers', 'Dr.-Ing. Jonas Wolf',
  'Prof. Dr. Ute Kern', 'Anna-Lena Schmidt', 'Anna Lena Schmidt', 'Annabelle Schmidt', 'Anna Schmidt',
  'Anne Schmidt', 'Ana Schmidt', 'Jürgen Groß', 'Jurgen Gross', 'Jürgen Gross', 'Jörg', 'Jorg', 'Joerg',
  'Zoë', 'Zoe', 'Zoé', 'Άννα', 'Ἀλέξανδρος', 'Иван', 'Анна', 'Ōtsuka', "O'Brien", 'OBrien', 'O Brien',
  'Nguyễn', 'Nguyen', 'Björn', 'Bjorn', 'Søren', 'Soren', 'Ñúñez', 'Nunez', 'Renée', 'Rene', 'René',
  'Abschnitt 10', 'Abschnitt 2', 'Abschnitt 1', 'anna', 'Anna', 'ANNA', 'Ärztin', 'Arzt', 'Arzte', 'Ärzte',
];

describe('compareGerman', () => {
  it('sorts names as ICU’s German collation does: umlauts and accents as their letter, ß as ss, then accents, then lower case first', () => {
    const expected = [...names].sort(icu.compare);
    expect([...names].sort(compareGerman)).toEqual(expected);
    // Reversed input gives the same order: the comparison decides every pair, never by position.
    expect([...names].reverse().sort(compareGerman)).toEqual(expected);
    // The sort keys (computed once per name, as the presence list does) give the same order.
    const byKey = names.map((name) => ({ name, key: germanSortKey(name) })).sort((a, b) => compareCodeUnits(a.key, b.key));
    expect(byKey.map((entry) => entry.name)).toEqual(expected);
  });

  it('puts Müller with the M-u names, not after Mz as code units would', () => {
    const list = ['Mz', 'Müller', 'Mueller', 'Mahler'];
    expect([...list].sort(compareGerman)).toEqual(['Mahler', 'Mueller', 'Müller', 'Mz']);
    expect([...list].sort(compareCodeUnits)).toEqual(['Mahler', 'Mueller', 'Mz', 'Müller']);
  });

  it('is 0 only for equal strings', () => {
    expect(compareGerman('Anna', 'Anna')).toBe(0);
    for (const [a, b] of [['Anna', 'anna'], ['Muller', 'Müller'], ['Straße', 'Strasse'], ['Zoe', 'Zoé']] as const) {
      expect(compareGerman(a, b)).not.toBe(0);
      expect(Math.sign(compareGerman(a, b))).toBe(-Math.sign(compareGerman(b, a)));
    }
  });
});
