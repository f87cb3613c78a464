/**
 * The people of the demo working group. Everyone and every organisation here is fictional;
 * the mix follows the real group the demo is modelled on (city, county and municipal
 * administrations, municipal IT providers, the open-source community and business).
 * The e-mail addresses are a contract (DESIGN.md, "Embedded default and operations").
 */

export interface DemoPerson {
  email: string;
  name: string;
  organisation: string;
}

export const demoModerator: DemoPerson = {
  email: 'moderation@example.org',
  name: 'Dr. Katharina Albers',
  organisation: 'Kommunalverband Mittelland, Geschäftsstelle Digitalisierung',
};

export const demoObserver: DemoPerson = {
  email: 'gast@example.org',
  name: 'Jana Hollmann',
  organisation: 'Hochschule für öffentliche Verwaltung Brunnhausen',
};

/** expert01 … expert39, in that order. */
const experts: Array<[name: string, organisation: string]> = [
  ['Jonas Becker', 'Stadt Lindenfeld, Amt für Digitalisierung'],
  ['Ayşe Demir', 'Stadt Hohenbrück, Hauptamt'],
  ['Thomas Brandt', 'Landkreis Moorbach, Stabsstelle IT'],
  ['Mareike Jansen', 'Gemeinde Auenstein'],
  ['Dr. Stefan Wolff', 'Kommunale Datenverarbeitung Weidenau-Talheim'],
  ['Leonie Hartmann', 'Stadt Eichenried, Personal- und Organisationsamt'],
  ['Mehmet Yıldız', 'Quellwerk Open Source GmbH'],
  ['Birgit Kowalski', 'Kreis Falkenried, Fachdienst Informationstechnik'],
  ['Frank Neumann', 'Stadt Brunnhausen, IT-Leitung'],
  ['Svenja Lorenz', 'Zweckverband Digitale Region Altenmühl'],
  ['Paul Nguyen', 'Stadt Lindenfeld, Zentrale Vergabestelle'],
  ['Claudia Reinhardt', 'Landkreis Moorbach, Kämmerei'],
  ['Matthias Schubert', 'Verbandsgemeinde Kesselbach'],
  ['Dr. Elena Petrović', 'Datenzentrale Hohenbrück-Auental AöR'],
  ['Kai Oltmanns', 'Samtgemeinde Altenmühl'],
  ['Nadine Kröger', 'Stadt Neuhohenfels, Bürgerservice'],
  ['Andreas Vogt', 'Stadt Hohenbrück, Chief Digital Officer'],
  ['Sabine Morawietz', 'Kreis Weidenau-Talheim, Rechtsamt'],
  ['Tobias Engel', 'Kommunale Datenverarbeitung Weidenau-Talheim'],
  ['Fatma Aksoy', 'Initiative Gemeinsam Quelloffen e. V.'],
  ['Dr. Ulrich Haas', 'Landkreis Falkenried, Datenschutz'],
  ['Julia Schwarz', 'Stadt Eichenried, IT-Sicherheit'],
  ['Lars Petersen', 'Gemeinde Nordwiek'],
  ['Monika Seidel', 'Zweckverband Digitale Region Altenmühl'],
  ['Christian Albrecht', 'Stadt Lindenfeld, IT-Betrieb'],
  ['Anna Lehmann', 'Landkreis Moorbach, Schulverwaltung'],
  ['Robert Kaminski', 'Stadt Brunnhausen, Eigenbetrieb IT'],
  ['Katrin Dietrich', 'Gemeinde Auenstein, Bauamt'],
  ['Sebastian Fuchs', 'Datenzentrale Hohenbrück-Auental AöR'],
  ['Irina Volkova', 'Stadt Neuhohenfels, Geoinformation'],
  ['Michael Roth', 'Kreis Falkenried, Gesundheitsamt'],
  ['Hannah Wagner', 'Werkstatt Freie Verwaltungssoftware e. V.'],
  ['Daniel Okafor', 'Nordlicht Softwarehaus eG'],
  ['Petra Zimmermann', 'Kommunalverband Mittelland, Referat Wirtschaft'],
  ['Jan-Erik Thiele', 'Tannwerk Solutions GmbH'],
  ['Miriam Stein', 'Initiative Gemeinsam Quelloffen e. V.'],
  ['Florian Weber', 'Quellwerk Open Source GmbH'],
  ['Gül Şahin', 'Stadt Hohenbrück, Wirtschaftsförderung'],
  ['Henrik Lindqvist', 'Brückner & Partner Open-Source-Beratung GmbH'],
];

export const demoMembers: DemoPerson[] = experts.map(([name, organisation], i) => ({
  email: `expert${String(i + 1).padStart(2, '0')}@example.org`,
  name,
  organisation,
}));
