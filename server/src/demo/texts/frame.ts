/** Demo texts of the sections outside the focus topics: foreword, introduction, recommendations, appendix. */
import { doc, h2, h3, ol, p, table, ul } from './markup';

export const foreword = doc(
  'Liebe Leserinnen und Leser,',
  'die Digitalisierung der Verwaltung ist eine Daueraufgabe, und sie ist eine Frage der Handlungsfähigkeit. Kommunen müssen selbst entscheiden können, welche Software sie einsetzen, wie sie ihre Daten verarbeiten und mit wem sie zusammenarbeiten. Open Source Software ist dafür ein wichtiger Baustein.',
  'Mit diesem Bericht legt der Arbeitskreis „Open Source in Kommunen“ praxisorientierte Hinweise vor, wie der Einsatz von Open Source in Verwaltungen schrittweise gelingen kann. Rund 40 Fachleute aus Stadt-, Kreis- und Gemeindeverwaltungen, von kommunalen IT-Dienstleistern und aus der Open-Source-Community haben ihre Erfahrungen eingebracht, in Plenarsitzungen und in fünf Arbeitsgruppen, die sich jeweils einem Fokusthema gewidmet haben.',
  h2('Dank'),
  'Unser Dank gilt allen Mitgliedern des Arbeitskreises, die neben ihren dienstlichen Aufgaben Zeit für diesen Bericht gefunden haben, und den Kommunen, die uns offen von ihren Erfahrungen berichtet haben, auch von den weniger erfolgreichen. Gerade diese Offenheit macht den Bericht wertvoll.',
  'Wir wünschen Ihnen eine anregende Lektüre und freuen uns auf den weiteren Austausch.',
  p('*Dr. Katharina Albers*\nModeration des Arbeitskreises, Kommunalverband Mittelland'),
);

export const introduction = doc(
  'Kommunen setzen Software in nahezu allen Aufgabenbereichen ein, vom Bürgerservice über das Finanzwesen bis zur Schulverwaltung. Ein großer Teil dieser Software wird von wenigen Anbietern bezogen. Das ist bequem, führt aber zu Abhängigkeiten, die sich in steigenden Lizenzkosten, eingeschränkten Gestaltungsmöglichkeiten und schwierigen Wechseln zeigen.',
  h2('Anlass und Auftrag'),
  'Die Diskussion um die *digitale Souveränität* der öffentlichen Verwaltung hat in den vergangenen Jahren an Bedeutung gewonnen. Der Deutsche Städtetag hat dazu ein Diskussionspapier mit einer politisch-strategischen Positionierung veröffentlicht, die KGSt hat mit ihrem Denkanstoß „Open Source in Kommunen“ erste Orientierung gegeben. Der Arbeitskreis hatte den Auftrag, diese Positionen aufzugreifen und in praktische Hinweise für das kommunale Management zu übersetzen.',
  h2('Vorgehen des Arbeitskreises'),
  ol(
    'In einer ersten virtuellen Plenarsitzung haben die Mitglieder die Kerninhalte identifiziert und sich auf fünf Fokusthemen verständigt.',
    'Zu jedem Fokusthema hat eine Arbeitsgruppe in eigenen Sitzungen die Abschnitte dieses Berichts erarbeitet.',
    'Die Entwürfe wurden im Plenum beraten und von der Moderation zu einem Gesamtbericht zusammengeführt.',
  ),
  h2('Aufbau des Berichts'),
  'Der Bericht folgt den fünf Fokusthemen:',
  ul(
    'Sensibilisierung und Grundlagen',
    'Umsetzungsstrategien',
    'Open Source Governance',
    'Praxisbeispiele aus Kommunen',
    'Zusammenarbeit mit Wirtschaft und Community',
  ),
  'Am Ende stehen Empfehlungen, die der Arbeitskreis gemeinsam verabschiedet hat. Die Kapitel können unabhängig voneinander gelesen werden; Querverweise helfen, Zusammenhänge zu erkennen.',
);

export const recommendations = doc(
  'Aus der Arbeit der fünf Arbeitsgruppen leitet der Arbeitskreis die folgenden Empfehlungen ab. Sie richten sich an das kommunale Management, also an Verwaltungsleitungen, Dezernentinnen und Dezernenten sowie IT-Verantwortliche. Die Empfehlungen sind bewusst so formuliert, dass auch kleinere Kommunen sie umsetzen können.',
  h2('Empfehlungen an die Verwaltungsleitung'),
  ol(
    '**Open Source zur Chefsache machen.** Die Verwaltungsleitung sollte das Thema sichtbar unterstützen und einen politischen Beschluss herbeiführen, der über die Wahlperiode hinaus trägt.',
    '**Zuständigkeiten festlegen.** Eine Open-Source-Koordination benennen und die Rollen aus Kapitel „Open Source Governance“ verteilen.',
    '**Bei jeder Neubeschaffung prüfen.** Open-Source-Lösungen werden bei jeder Beschaffung ernsthaft geprüft, das Ergebnis wird dokumentiert.',
  ),
  h2('Empfehlungen an IT-Leitungen und IT-Dienstleister'),
  ol(
    '**Bestand erfassen.** Eine Übersicht der eingesetzten Software mit Lizenzen, Laufzeiten und Schnittstellen erstellen.',
    '**Offene Standards festlegen.** Für den Austausch von Dokumenten und Daten offene Formate verbindlich machen.',
    '**Gemeinsam handeln.** Bedarfe bündeln und Lösungen über Zweckverbände und kommunale IT-Dienstleister gemeinsam bereitstellen.',
  ),
  h2('Empfehlungen für die Zusammenarbeit'),
  ul(
    'Eigene Entwicklungen unter einer offenen Lizenz veröffentlichen, vorzugsweise unter der EUPL.',
    'Weiterentwicklungen so beauftragen, dass sie in die ursprünglichen Projekte zurückfließen.',
    'Den Austausch im Arbeitskreis nach Abschluss des Berichts fortführen.',
  ),
  p('__Hinweis der Moderation:__ Die Empfehlungen werden in der Plenarsitzung am Ende des Monats abgestimmt. Änderungswünsche bitte bis dahin als Kommentar anbringen.'),
);

export const appendix = doc(
  'Der Anhang enthält Material, das die Kapitel des Berichts ergänzt: ein Glossar der wichtigsten Begriffe und eine Übersicht der Quellen, auf die sich der Bericht stützt.',
  'Weitere Arbeitshilfen, etwa Formulierungshilfen für Leistungsbeschreibungen und eine Vorlage für einen Ratsbeschluss, werden nach Abschluss der Arbeitsgruppen ergänzt.',
  h2('Inhalt des Anhangs'),
  ul('Glossar', 'Quellen und weiterführende Literatur'),
  h2('Geplante Arbeitshilfen'),
  'Aus den Sitzungen der Arbeitsgruppen sind mehrere Wünsche nach praktischen Vorlagen hervorgegangen. Die Moderation sammelt sie und ordnet sie den Arbeitsgruppen zu:',
  ol(
    'Formulierungshilfen für Leistungsbeschreibungen (AG Umsetzungsstrategien)',
    'Muster für einen Ratsbeschluss zu Open Source und offenen Standards (AG Governance)',
    'Checkliste vor der Veröffentlichung eigenen Codes (AG Governance)',
    'Vorlage für die Bewertungsmatrix als Tabellendokument (AG Praxisbeispiele)',
  ),
  'Hinweise auf fehlende Begriffe, Quellen oder Arbeitshilfen nimmt die Moderation gern entgegen, am einfachsten als Kommentar in diesem Abschnitt.',
);

export const glossary = doc(
  'Das Glossar erklärt Begriffe, die im Bericht häufig vorkommen. Es ist bewusst knapp gehalten und verzichtet auf juristische Vollständigkeit.',
  table(
    ['Begriff', 'Erklärung'],
    ['Open Source Software', 'Software, deren Quellcode offenliegt und die unter einer Lizenz steht, die Nutzung, Untersuchung, Weitergabe und Veränderung erlaubt.'],
    ['Copyleft', 'Lizenzbedingung, nach der veränderte Fassungen bei Weitergabe wieder unter derselben Lizenz stehen müssen.'],
    ['EUPL', 'European Union Public Licence, eine Open-Source-Lizenz der Europäischen Kommission für den öffentlichen Sektor.'],
    ['Digitale Souveränität', 'Fähigkeit, die eigene Digitalisierung selbstbestimmt zu gestalten, ohne von einzelnen Anbietern abhängig zu sein.'],
    ['Offene Standards', 'Öffentlich dokumentierte Formate und Schnittstellen, die jeder ohne Einschränkung umsetzen darf, z. B. OpenDocument.'],
    ['Community', 'Gemeinschaft von Menschen und Organisationen, die eine Open-Source-Software nutzen und weiterentwickeln.'],
    ['Quellcode', 'Die für Menschen lesbare Fassung eines Programms, aus der die ausführbare Software erzeugt wird.'],
    ['Nachnutzung', 'Einsatz einer Software, die eine andere Stelle entwickelt oder beauftragt hat, ohne sie erneut entwickeln zu lassen.'],
  ),
  h3('Abkürzungen'),
  ul(
    '**EVB-IT** – Ergänzende Vertragsbedingungen für die Beschaffung von IT-Leistungen',
    '**OSS** – Open Source Software',
    '**KGSt** – Kommunale Gemeinschaftsstelle für Verwaltungsmanagement',
  ),
);

export const sources = doc(
  'Der Bericht greift bereits veröffentlichte Erkenntnisse auf. Die folgenden Quellen werden in den Kapiteln zitiert oder haben die Arbeit des Arbeitskreises wesentlich geprägt.',
  h2('Veröffentlichungen'),
  ul(
    'KGSt: *Open Source in Kommunen.* Denkanstoß, Köln 2020. [www.kgst.de](https://www.kgst.de)',
    'Deutscher Städtetag: *Digitale Souveränität von Kommunen stärken.* Diskussionspapier, 2020. [www.staedtetag.de](https://www.staedtetag.de)',
    'KGSt, Deutscher Landkreistag, Vitako u. a.: *Ein Ort für öffentlichen Code.* Positionspapier, 2020.',
  ),
  h2('Online-Angebote'),
  ul(
    '[Public Money? Public Code!](https://publiccode.eu/de/) – Kampagne der Free Software Foundation Europe',
    '[Open Source Initiative: The Open Source Definition](https://opensource.org/osd)',
    '[EUPL auf Joinup](https://joinup.ec.europa.eu/collection/eupl) – Lizenztext und Verträglichkeitsliste',
    '[openCoDE](https://opencode.de) – Plattform für offenen Code der öffentlichen Verwaltung',
  ),
  h3('Hinweis zur Zitierweise'),
  'Quellen werden im Text mit Kurzbeleg angegeben. Die Arbeitsgruppen ergänzen ihre Quellen bitte direkt in diesem Abschnitt, damit die Liste beim Export vollständig ist. Bei Online-Angeboten genügt die Adresse der Startseite; das Datum des letzten Abrufs wird vor der Veröffentlichung einheitlich ergänzt. Praxisbeispiele aus Mitgliedskommunen gelten nicht als Quelle im engeren Sinn und werden im jeweiligen Abschnitt mit Ansprechperson genannt.',
);
