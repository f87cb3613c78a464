/** Demo texts of the chapter "Open Source Governance" (AG 3). */
import { doc, h2, h3, ol, ul } from './markup';

export const chapter = doc(
  'Mit *Open Source Governance* bezeichnet die Arbeitsgruppe die Regeln, Rollen und Abläufe, mit denen eine Kommune den Einsatz, die Weiterentwicklung und die Veröffentlichung von Open Source Software steuert. Governance klingt nach Bürokratie. Gemeint ist das Gegenteil: klare Zuständigkeiten, damit Entscheidungen nicht jedes Mal neu verhandelt werden müssen.',
  'Kommunen, die schon länger mit Open Source arbeiten, berichten übereinstimmend, dass fehlende Zuständigkeiten ein größeres Hindernis waren als technische Fragen. Wer entscheidet, ob eine Bibliothek eingesetzt werden darf? Wer prüft die Lizenz? Wer darf Code veröffentlichen, und in wessen Namen?',
  h2('Aufbau des Kapitels'),
  ul(
    'Zunächst beschreiben wir die **Rollen**, die eine Kommune besetzen sollte, und wie sie sich auf bestehende Stellen verteilen lassen.',
    'Danach schlagen wir **Leitlinien** vor, die sich als Dienstanweisung oder Ratsbeschluss übernehmen lassen.',
  ),
  'Beide Abschnitte sind bewusst so geschrieben, dass auch kleine Gemeinden sie mit vertretbarem Aufwand umsetzen können. Wo eine Gemeinde einzelne Aufgaben nicht selbst wahrnehmen kann, etwa die Prüfung von Lizenzen, empfiehlt die Arbeitsgruppe, sie gemeinsam mit dem Kreis oder dem kommunalen IT-Dienstleister zu organisieren.',
);

export const roles = doc(
  'Eine wirksame Governance braucht keine neue Abteilung. In den meisten Kommunen lassen sich die nötigen Aufgaben auf Stellen verteilen, die es bereits gibt. Wichtig ist, dass die Aufgaben ausdrücklich zugewiesen und in der Geschäftsverteilung sichtbar sind.',
  h2('Die wichtigsten Rollen'),
  h3('Open-Source-Koordination'),
  'Eine Person, in größeren Verwaltungen ein kleines Team, behält den Überblick über den Einsatz von Open Source, berät Fachbereiche und ist Ansprechstelle für andere Kommunen und Communitys. In der Stadt Hohenbrück ist diese Rolle beim Chief Digital Officer angesiedelt; in kleineren Gemeinden kann sie die IT-Leitung übernehmen.',
  h3('Fachliche Verantwortung'),
  'Für jede eingesetzte Lösung gibt es eine fachlich verantwortliche Stelle, die über Anforderungen und Prioritäten der Weiterentwicklung entscheidet. Das unterscheidet sich nicht von proprietärer Software, wird bei Open Source aber häufig vergessen, weil kein Hersteller nachfragt.',
  h3('Rechtliche und sicherheitsbezogene Prüfung'),
  'Rechtsamt, Datenschutz und Informationssicherheit prüfen Lizenzen, Verträge und Risiken. Damit diese Stellen nicht zum Engpass werden, empfiehlt die Arbeitsgruppe eine **Positivliste** bereits geprüfter Lizenzen und Komponenten.',
  h2('Zusammenspiel der Rollen'),
  ol(
    'Ein Fachbereich meldet Bedarf an oder schlägt eine Lösung vor.',
    'Die Open-Source-Koordination prüft, ob es bereits Lösungen bei anderen Kommunen gibt.',
    'Lizenz und Sicherheit werden anhand der Positivliste geprüft; nur Abweichungen gehen an Rechtsamt und Informationssicherheit.',
    'Die fachlich verantwortliche Stelle entscheidet und dokumentiert die Entscheidung.',
  ),
  'Der Ablauf soll *nicht länger* dauern als bei jeder anderen Software. Erste Rückmeldungen aus dem Landkreis Falkenried zeigen, dass das mit einer gepflegten Positivliste gelingt.',
);

export const guidelines = doc(
  'Leitlinien geben Beschäftigten Sicherheit. Sie sagen, was erlaubt und erwünscht ist, und wo Rücksprache nötig ist. Die folgenden Vorschläge hat die Arbeitsgruppe aus den Regelungen mehrerer Mitgliedskommunen zusammengeführt. Sie lassen sich als Dienstanweisung oder als Anlage zu einem Ratsbeschluss übernehmen.',
  h2('Leitlinie 1: Nutzung'),
  'Open Source Software darf eingesetzt werden, wenn ihre Lizenz auf der Positivliste steht und die Software aktiv gepflegt wird. Bei gleicher Eignung gibt die Kommune Lösungen mit offenem Quellcode und offenen Standards den Vorzug.',
  h2('Leitlinie 2: Beteiligung'),
  'Beschäftigte dürfen im Rahmen ihrer dienstlichen Aufgaben Fehler melden, Verbesserungen vorschlagen und Änderungen an Open-Source-Projekte zurückgeben, sofern keine personenbezogenen oder vertraulichen Daten betroffen sind. Sie treten dabei erkennbar für die Kommune auf.',
  h2('Leitlinie 3: Veröffentlichung'),
  'Software, die die Kommune entwickelt oder entwickeln lässt, wird grundsätzlich unter einer offenen Lizenz veröffentlicht, vorzugsweise unter der [EUPL](https://joinup.ec.europa.eu/collection/eupl). Ausnahmen sind zu begründen. Für die Veröffentlichung eignen sich gemeinsame Plattformen der öffentlichen Verwaltung wie [openCoDE](https://opencode.de).',
  h3('Was vor einer Veröffentlichung zu prüfen ist'),
  ul(
    'Enthält der Code Zugangsdaten, interne Adressen oder personenbezogene Daten?',
    'Sind die Rechte an allen Bestandteilen geklärt, auch bei beauftragten Entwicklungen?',
    'Gibt es eine kurze Beschreibung, eine Lizenzdatei und eine Kontaktadresse?',
    'Ist festgelegt, ob und wie die Kommune Beiträge anderer annimmt?',
  ),
  h2('Leitlinie 4: Überprüfung'),
  'Die Leitlinien werden alle zwei Jahre überprüft. Die Open-Source-Koordination berichtet dem zuständigen Ausschuss über Einsatz, Erfahrungen und Kosten.',
);
