/** Demo texts of the chapter "Sensibilisierung und Grundlagen" (AG 1). */
import { doc, h2, h3, ol, quote, table, ul } from './markup';

export const chapter = doc(
  'Open Source Software ist in vielen Kommunalverwaltungen längst im Einsatz, oft ohne dass es jemand bemerkt: im Webserver des Bürgerportals, in der Datenbank eines Fachverfahrens oder im Browser am Arbeitsplatz. Bewusste Entscheidungen für oder gegen Open Source setzen aber voraus, dass Verwaltungsleitung, Politik, Fachämter und IT ein gemeinsames Verständnis der Begriffe haben.',
  'Dieses Kapitel schafft dafür die Grundlage. Es richtet sich ausdrücklich nicht nur an IT-Fachleute, sondern an alle, die in der Kommune über Software, Verträge und Haushaltsmittel mitentscheiden.',
  h2('Worum es in diesem Kapitel geht'),
  ul(
    'was Open Source Software von anderer Software unterscheidet und warum das für Kommunen von Bedeutung ist,',
    'welche Lizenztypen es gibt und welche Pflichten sich daraus für Nutzung und Weitergabe ergeben,',
    'welche Missverständnisse in Diskussionen immer wieder auftauchen und wie man ihnen sachlich begegnet.',
  ),
  'Die Arbeitsgruppe hat sich bewusst für eine *einführende* Darstellung entschieden. Wer tiefer einsteigen möchte, findet im Anhang ein Glossar und weiterführende Quellen, unter anderem den **KGSt-Denkanstoß „Open Source in Kommunen“** aus dem Frühjahr 2020.',
);

export const basics = doc(
  'Open Source Software ist Software, deren Quellcode offenliegt und die unter einer Lizenz steht, die allen Nutzenden bestimmte Freiheiten einräumt. Maßgeblich ist also nicht, ob eine Software kostenlos ist, sondern welche Rechte die Lizenz gewährt. Die [Open Source Initiative](https://opensource.org/osd) hat diese Rechte in ihrer Definition zusammengefasst.',
  h2('Die vier Freiheiten'),
  'In der Praxis hat sich die Beschreibung über vier Freiheiten bewährt. Eine Kommune, die Open Source Software einsetzt, darf die Software',
  ol(
    '**verwenden**, für jeden Zweck und ohne Begrenzung der Zahl der Arbeitsplätze,',
    '**untersuchen**, also nachvollziehen, wie sie funktioniert, zum Beispiel im Rahmen einer Sicherheitsprüfung,',
    '**weitergeben**, etwa an eine Nachbarkommune oder einen Zweckverband,',
    '**verändern und verbessern**, und die Verbesserungen ebenfalls weitergeben.',
  ),
  'Diese Freiheiten gelten unabhängig davon, wer die Software entwickelt hat. Sie gelten auch dann, wenn ein Unternehmen die Software betreut und dafür bezahlt wird.',
  h2('Warum das für Kommunen wichtig ist'),
  'Für die öffentliche Verwaltung ergeben sich aus diesen Freiheiten handfeste Vorteile. Sie stärken die *digitale Souveränität*: Die Kommune kann selbst entscheiden, wer ihre Software betreibt, weiterentwickelt und prüft, und ist nicht dauerhaft an einen einzigen Anbieter gebunden.',
  h3('Wiederverwendung statt Mehrfachentwicklung'),
  'Viele Aufgaben sind in allen Kommunen gleich. Was eine Stadt mit öffentlichen Mitteln entwickeln lässt, kann unter einer offenen Lizenz von anderen Kommunen nachgenutzt werden. Die Kampagne [Public Money? Public Code!](https://publiccode.eu/de/) fasst diesen Gedanken in einem Satz zusammen: Öffentlich finanzierter Code soll öffentlich verfügbar sein.',
  h3('Transparenz und Sicherheit'),
  'Offener Quellcode kann von unabhängigen Stellen geprüft werden. Das ersetzt keine Sicherheitsprüfung, macht sie aber möglich, ohne auf die Mitwirkung des Herstellers angewiesen zu sein.',
  quote(
    '„Open Source ist kein Selbstzweck, sondern ein Werkzeug, mit dem Kommunen ihre Handlungsfähigkeit bei der Digitalisierung sichern.“\n– aus der ersten Plenarsitzung des Arbeitskreises',
  ),
);

export const licences = doc(
  'Ob eine Software Open Source ist, entscheidet ihre Lizenz. Für die Kommune ist die Lizenz deshalb das wichtigste Dokument: Sie regelt, was bei Nutzung, Veränderung und Weitergabe zu beachten ist. Die gute Nachricht vorweg: Für die reine *Nutzung* innerhalb der Verwaltung ergeben sich aus keiner gängigen Open-Source-Lizenz besondere Pflichten.',
  h2('Zwei große Familien'),
  'Open-Source-Lizenzen lassen sich grob in zwei Familien einteilen:',
  ul(
    '**Freizügige Lizenzen** (zum Beispiel MIT, BSD oder Apache 2.0) erlauben fast alles, solange der Urheberrechtshinweis erhalten bleibt. Veränderte Fassungen dürfen auch unter anderen Bedingungen weitergegeben werden.',
    '**Lizenzen mit Copyleft** (zum Beispiel GPL, AGPL oder EUPL) verlangen, dass veränderte Fassungen bei einer Weitergabe wieder unter derselben oder einer verträglichen Lizenz stehen. So bleibt der Code dauerhaft offen.',
  ),
  h2('Gängige Lizenzen im Vergleich'),
  'Die folgende Übersicht zeigt die Lizenzen, denen Kommunen in der Praxis am häufigsten begegnen. Sie ersetzt keine rechtliche Prüfung im Einzelfall.',
  table(
    ['Lizenz', 'Typ', 'Pflichten bei Weitergabe', 'Hinweis für Kommunen'],
    ['MIT', 'freizügig', 'Lizenztext und Urheberhinweis beilegen', 'sehr verbreitet, einfach zu handhaben'],
    ['Apache 2.0', 'freizügig', 'Lizenztext, Hinweise auf Änderungen', 'enthält eine ausdrückliche Patentlizenz'],
    ['GPL-3.0', 'starkes Copyleft', 'Quellcode veränderter Fassungen offenlegen', 'Pflichten greifen erst bei Weitergabe'],
    ['AGPL-3.0', 'starkes Copyleft (Netzwerk)', 'auch bei Bereitstellung über das Netz', 'für Online-Dienste der Kommune beachten'],
    ['EUPL-1.2', 'Copyleft mit Verträglichkeitsliste', 'Quellcode offenlegen, kompatible Lizenzen erlaubt', 'in allen EU-Amtssprachen rechtsgültig'],
  ),
  h3('Die EUPL als Empfehlung für eigene Entwicklungen'),
  'Für Software, die eine Kommune selbst veröffentlicht, empfiehlt die Arbeitsgruppe die [Europäische Union Public Licence (EUPL)](https://joinup.ec.europa.eu/collection/eupl). Sie wurde von der Europäischen Kommission für den öffentlichen Sektor entwickelt, liegt in deutscher Sprache rechtsverbindlich vor und ist mit den meisten verbreiteten Lizenzen verträglich.',
  h3('Praktische Hinweise'),
  ol(
    'Bei jeder Beschaffung festhalten, unter welcher Lizenz die gelieferte Software steht.',
    'Bei Eigenentwicklungen von Beginn an eine Lizenz festlegen, nicht erst bei der Veröffentlichung.',
    'Im Zweifel das Rechtsamt oder den kommunalen IT-Dienstleister frühzeitig einbeziehen.',
  ),
  'Eine Liste anerkannter Lizenzen mit ihren Volltexten findet sich bei der [Open Source Initiative](https://opensource.org/licenses).',
);

export const myths = doc(
  'In den Gesprächen, die Mitglieder der Arbeitsgruppe in ihren Verwaltungen geführt haben, tauchten immer wieder dieselben Einwände auf. Manche beruhen auf Erfahrungen, die zehn oder fünfzehn Jahre zurückliegen, andere auf einer Verwechslung von Begriffen. Dieser Abschnitt greift die häufigsten auf und ordnet sie ein.',
  h2('„Open Source ist kostenlos.“'),
  'Open Source Software ist in der Regel lizenzkostenfrei, aber nicht kostenlos im Betrieb. Einführung, Schulung, Betrieb, Wartung und Weiterentwicklung kosten Geld, genau wie bei jeder anderen Software. Der Unterschied liegt darin, *wofür* die Kommune bezahlt: für Leistungen, die sie frei am Markt vergeben kann, statt für das bloße Nutzungsrecht.',
  h2('„Für Open Source gibt es keinen Support.“'),
  'Für nahezu jede verbreitete Open-Source-Lösung bieten Unternehmen professionelle Unterstützung an, häufig mit vertraglich zugesicherten Reaktionszeiten. Auch kommunale IT-Dienstleister betreiben zunehmend Open-Source-Lösungen für ihre Mitglieder.',
  h2('„Offener Code ist unsicher.“'),
  'Die Offenheit des Quellcodes macht Software weder sicherer noch unsicherer. Entscheidend ist, ob sie gepflegt wird: ob Sicherheitslücken zügig geschlossen werden und ob es eine aktive Gemeinschaft oder einen verantwortlichen Anbieter gibt. Diese Fragen sollte die Kommune bei jeder Software stellen.',
  h2('„Dann müssen wir alles selbst programmieren.“'),
  'Nein. Die meisten Kommunen werden Open Source Software **nutzen** und **beauftragen**, aber nicht selbst entwickeln. Eigene Entwicklungskapazitäten sind hilfreich, aber keine Voraussetzung.',
  h3('Offene Punkte für die nächste AG-Sitzung'),
  ul(
    'Sollen wir die Einwände durch kurze Zitate aus den Interviews belegen?',
    'Der Abschnitt zu Kosten überschneidet sich mit Kapitel „Umsetzungsstrategien“ – bitte abstimmen.',
    '~~Beispielrechnung zu Lizenzkosten~~ (entfällt, siehe Beschluss vom Plenum)',
  ),
);
