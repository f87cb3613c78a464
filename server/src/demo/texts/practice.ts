/** Demo texts of the chapter "Praxisbeispiele aus Kommunen" (AG 4). All places are fictional. */
import { doc, h2, h3, ol, p, table, ul } from './markup';

export const chapter = doc(
  'Nichts überzeugt in der Verwaltung so sehr wie ein Beispiel aus einer Kommune, die vor denselben Fragen stand. Die Arbeitsgruppe hat deshalb Mitgliedskommunen gebeten, ihre Erfahrungen offen zu schildern, ausdrücklich auch das, was nicht gut gelaufen ist.',
  'Die Beispiele unterscheiden sich in Größe und Ansatz: eine kreisfreie Stadt, die ihre Bürokommunikation auf offene Standards umgestellt hat, und ein Landkreis, der gemeinsam mit seinen Gemeinden ein Fachverfahren für Schulen betreibt. Zum Abschluss fassen wir zusammen, was sich nach Einschätzung der Arbeitsgruppe auf andere Kommunen übertragen lässt.',
  h2('Wie die Beispiele aufgebaut sind'),
  'Jedes Beispiel folgt demselben Aufbau, damit sie sich vergleichen lassen:',
  ul('Ausgangslage und Anlass', 'Vorgehen und Beteiligte', 'Ergebnisse und Kosten', 'Was wir heute anders machen würden'),
  'Die Angaben stammen aus Gesprächen mit den Verantwortlichen vor Ort und wurden von ihnen vor der Veröffentlichung geprüft. Zahlen zu Kosten geben wir nur an, wo die Kommunen sie freigegeben haben. Wer mehr wissen möchte, kann sich an die genannten Ansprechpersonen wenden; alle Beteiligten haben ausdrücklich angeboten, ihre Erfahrungen mit anderen Kommunen zu teilen.',
);

export const lindenfeld = doc(
  'Die Stadt Lindenfeld (rund 85.000 Einwohnerinnen und Einwohner, etwa 1.400 Büroarbeitsplätze) hat zwischen 2021 und 2024 ihre Bürokommunikation schrittweise auf offene Standards umgestellt. Anlass war das Auslaufen eines Rahmenvertrags für Büroanwendungen und der Wunsch des Rates, die Abhängigkeit von einzelnen Anbietern zu verringern.',
  h2('Vorgehen'),
  'Die Stadt hat nicht alle Arbeitsplätze auf einmal umgestellt, sondern in drei Wellen:',
  ol(
    '**Austauschformat:** Zuerst wurde *OpenDocument* als Standard für den Dokumentenaustausch innerhalb der Verwaltung festgelegt. Bestehende Vorlagen wurden überarbeitet.',
    '**Pilotämter:** Danach arbeiteten zwei Ämter sechs Monate lang ausschließlich mit einer Open-Source-Bürosoftware, begleitet von Digitallotsen.',
    '**Fläche:** Nach einer Auswertung mit dem Personalrat folgte die gesamte Verwaltung, Amt für Amt.',
  ),
  h2('Ergebnisse'),
  'Heute arbeiten etwa 90 Prozent der Arbeitsplätze mit der Open-Source-Bürosoftware. Für einzelne Fachverfahren, die auf bestimmte Makros angewiesen sind, bleibt eine kleine Zahl von Lizenzen bestehen. Die jährlichen Lizenzkosten sind deutlich gesunken; ein Teil der Einsparung fließt in Support und Schulung.',
  h3('Was gut funktioniert hat'),
  ul(
    'die Digitallotsen als erste Ansprechpersonen in jedem Amt,',
    'die frühe Einbindung des Personalrats,',
    'die Überarbeitung der Vorlagen **vor** der Umstellung.',
  ),
  h3('Was wir heute anders machen würden'),
  'Die Abhängigkeiten von Fachverfahren zur Büroanwendung wurden anfangs unterschätzt. Eine vollständige Liste der Schnittstellen hätte zu Beginn erstellt werden sollen. Außerdem hätte die Kommunikation an die Bürgerschaft früher beginnen können, denn einige Vereine erhielten plötzlich Dokumente in einem ungewohnten Format.',
  p('*Ansprechperson:* Christian Albrecht, IT-Betrieb der Stadt Lindenfeld (Mitglied der AG).'),
);

export const moorbach = doc(
  'Der Landkreis Moorbach ist Schulträger von zwölf weiterführenden Schulen; hinzu kommen 34 Grundschulen in Trägerschaft der kreisangehörigen Gemeinden. Bis 2022 setzte fast jede Schule eine andere Software für Stundenplanung, Raumbuchung und Ausleihe ein. Gemeinsam mit den Gemeinden hat der Kreis ein gemeinsames Verfahren auf Open-Source-Basis eingeführt.',
  h2('Warum Open Source'),
  'Ausschlaggebend war weniger die Lizenzfrage als die Möglichkeit, die Lösung gemeinsam zu gestalten. Der Kreis wollte verhindern, dass jede Gemeinde eigene Anpassungen bezahlt, die anderen nicht zugutekommen. Mit einer offenen Lösung konnten Erweiterungen einmal beauftragt und von allen genutzt werden.',
  h2('Organisation'),
  'Die Datenzentrale Hohenbrück-Auental betreibt das Verfahren im Auftrag des Kreises. Ein Lenkungskreis aus Kreis, Gemeinden und zwei Schulleitungen entscheidet zweimal im Jahr über die Weiterentwicklung. Änderungen beauftragt der Kreis bei einem mittelständischen Unternehmen, das sie an das ursprüngliche Projekt zurückgibt.',
  h3('Finanzierung'),
  'Die Kosten für Betrieb und Weiterentwicklung werden nach Schülerzahlen auf Kreis und Gemeinden umgelegt. Die Gemeinden haben das Modell anfangs skeptisch gesehen; inzwischen ist es in einer öffentlich-rechtlichen Vereinbarung geregelt.',
  h2('Zwischenstand'),
  'Das Verfahren läuft seit zwei Schuljahren an allen weiterführenden Schulen und an 21 Grundschulen. Die übrigen Grundschulen folgen, sobald ihre bisherigen Verträge auslaufen.',
  ul(
    'Rückmeldungen der Schulen: überwiegend positiv, Kritik an der Druckfunktion für Vertretungspläne.',
    'Offene Frage: Anbindung an das landesweite Schulportal.',
    '**Noch zu ergänzen:** Zahlen zu den Kosten pro Schule (liefert die Kämmerei bis zur nächsten Sitzung).',
  ),
);

export const transfer = doc(
  'Die Beispiele dieses Kapitels lassen sich nicht eins zu eins übertragen, denn jede Kommune hat ihre eigene Ausgangslage. Die Arbeitsgruppe hat aber Faktoren herausgearbeitet, die in allen Beispielen über Erfolg oder Misserfolg entschieden haben. Sie sind in der folgenden Bewertungsmatrix zusammengefasst, die Kommunen für eigene Vorhaben nutzen können.',
  h2('Bewertungsmatrix für Open-Source-Vorhaben'),
  'Für jedes Kriterium wird eingeschätzt, wie gut es im geplanten Vorhaben erfüllt ist. Ein Vorhaben mit vielen Einträgen in der rechten Spalte sollte zunächst vorbereitet werden.',
  table(
    ['Kriterium', 'gut erfüllt', 'teilweise erfüllt', 'nicht erfüllt'],
    ['Rückhalt der Verwaltungsleitung', 'Beschluss liegt vor', 'mündliche Zusage', 'noch nicht befasst'],
    ['Fachbereich beteiligt', 'gestaltet aktiv mit', 'informiert', 'nicht eingebunden'],
    ['Reife der Lösung', 'breiter Einsatz, aktive Gemeinschaft', 'einzelne Referenzen', 'kaum Erfahrungen'],
    ['Betrieb und Support', 'vertraglich geregelt', 'in Klärung', 'offen'],
    ['Schulung und Begleitung', 'geplant und finanziert', 'geplant', 'nicht vorgesehen'],
    ['Zusammenarbeit mit anderen Kommunen', 'gemeinsames Vorhaben', 'Austausch', 'keine'],
  ),
  h2('Was sich übertragen lässt'),
  ol(
    '**Klein anfangen, aber sichtbar.** Ein Pilot in einem motivierten Amt überzeugt mehr als jedes Konzept.',
    '**Gemeinsam beschaffen und weiterentwickeln.** Das Moorbacher Modell zeigt, dass sich Kosten und Nutzen fair teilen lassen.',
    '**Begleitung einplanen.** Digitallotsen und Schulungen sind kein Zusatz, sondern Teil des Vorhabens.',
  ),
  h3('Noch offen'),
  'Die AG prüft, ob ein drittes Beispiel aus einer kleinen Gemeinde aufgenommen werden kann. Die Gemeinde Auenstein hat Interesse signalisiert; ein Gespräch ist für die nächste AG-Sitzung geplant.',
);
