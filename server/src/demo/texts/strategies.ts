/** Demo texts of the chapter "Umsetzungsstrategien" (AG 2). */
import { doc, h2, h3, ol, p, ul } from './markup';

export const chapter = doc(
  'Eine Kommune wechselt nicht an einem Stichtag zu Open Source. Erfolgreiche Beispiele zeigen, dass der Weg in überschaubaren Schritten verläuft, die sich an den Erneuerungszyklen der vorhandenen Software orientieren. Wer ohnehin vor einer Neubeschaffung steht, hat die beste Gelegenheit, offene Lösungen ernsthaft zu prüfen.',
  'Dieses Kapitel beschreibt einen Weg, den die Arbeitsgruppe aus den Erfahrungen ihrer Mitglieder abgeleitet hat. Er besteht aus drei Teilen: der **Bestandsaufnahme** mit klaren Zielen, dem **Pilotvorhaben** mit anschließendem Regelbetrieb und der **Beschaffung**, die Open Source fair berücksichtigt.',
  h2('Für wen dieses Kapitel gedacht ist'),
  p('Das Kapitel richtet sich an die Verwaltungsleitung, an IT-Verantwortliche und an Vergabestellen. Es setzt kein technisches Vorwissen voraus. Wo rechtliche Fragen berührt werden, verweist es auf die einschlägigen Stellen, ersetzt aber keine Beratung im Einzelfall.'),
  h2('Ein Grundsatz vorab'),
  'Die Arbeitsgruppe rät davon ab, Open Source als Sparprogramm anzukündigen. Wer mit Einsparungen wirbt, weckt Erwartungen, die sich in den ersten Jahren selten erfüllen, und verliert Rückhalt, sobald Kosten für Schulung und Umstellung sichtbar werden. Überzeugender ist es, die Ziele zu benennen, um die es eigentlich geht: Gestaltungsfreiheit, Wiederverwendung und eine verlässliche Zusammenarbeit mit anderen Kommunen.',
);

export const assessment = doc(
  'Am Anfang jeder Umsetzungsstrategie steht ein ehrlicher Blick auf den Bestand. Viele Kommunen wissen nicht genau, welche Software sie einsetzen, unter welchen Bedingungen sie lizenziert ist und wann Verträge auslaufen. Ohne diese Übersicht bleibt jede Strategie ein Papier.',
  h2('Die Bestandsaufnahme'),
  'Die Arbeitsgruppe empfiehlt, für jede eingesetzte Anwendung mindestens die folgenden Angaben zu erfassen:',
  ul(
    'Name, Hersteller und Version der Software,',
    'Lizenzmodell und Vertragslaufzeit, einschließlich Kündigungsfristen,',
    'offene Standards und Schnittstellen, die die Software unterstützt,',
    'Abhängigkeiten zu anderen Verfahren und zu Fachdaten,',
    'die fachlich verantwortliche Stelle.',
  ),
  'Kommunale IT-Dienstleister verfügen häufig bereits über einen großen Teil dieser Angaben. Es lohnt sich, die Bestandsaufnahme gemeinsam mit ihnen anzugehen.',
  h2('Ziele, die sich überprüfen lassen'),
  'Aus der Bestandsaufnahme leitet die Kommune Ziele ab. Allgemeine Absichtserklärungen („mehr Open Source“) helfen wenig. Besser sind Ziele, deren Erreichung sich nach ein oder zwei Jahren überprüfen lässt, zum Beispiel:',
  ol(
    'Bei jeder Neubeschaffung wird mindestens eine Open-Source-Lösung geprüft und das Ergebnis dokumentiert.',
    'Dokumente werden verwaltungsintern im offenen Format *OpenDocument* ausgetauscht.',
    'Neue Eigenentwicklungen werden unter einer offenen Lizenz veröffentlicht.',
  ),
  h3('Politische Rückendeckung'),
  'Ziele dieser Art sollten vom Rat oder Kreistag getragen werden. Ein Beschluss schafft Verlässlichkeit über Wahlperioden hinweg und gibt der Verwaltung den Auftrag, den sie für die Umsetzung braucht. Musterformulierungen dafür erarbeitet die Arbeitsgruppe Governance.',
);

export const pilot = doc(
  'Ein gut gewähltes Pilotvorhaben ist der wirksamste Weg, Erfahrungen zu sammeln und Vorbehalte abzubauen. Es sollte klein genug sein, um beherrschbar zu bleiben, und sichtbar genug, um aus dem Ergebnis Schlüsse ziehen zu können.',
  h2('Ein geeignetes Vorhaben auswählen'),
  'Die Erfahrungen der Mitglieder zeigen, dass sich besonders Vorhaben eignen, bei denen',
  ul(
    'ohnehin eine Ablösung oder Neubeschaffung ansteht,',
    'eine überschaubare Zahl von Arbeitsplätzen betroffen ist,',
    'eine ausgereifte Open-Source-Lösung mit aktiver Gemeinschaft zur Verfügung steht,',
    'ein Fachbereich mitmachen **will** und nicht nur soll.',
  ),
  'Beispiele aus dem Arbeitskreis sind ein Videokonferenzsystem für Gremiensitzungen, ein Ticketsystem für den IT-Service und die Kartendienste eines Geoportals.',
  h2('Vom Pilot in den Regelbetrieb'),
  'Viele Pilotvorhaben scheitern nicht an der Technik, sondern am Übergang in den Regelbetrieb. Dafür braucht es vorher festgelegte Kriterien und eine Zuständigkeit für Betrieb und Weiterentwicklung.',
  h3('Kriterien für die Entscheidung'),
  ol(
    'Die fachlichen Anforderungen sind erfüllt, die Nutzenden sind einbezogen worden.',
    'Betrieb und Support sind für mindestens drei Jahre geregelt und finanziert.',
    'Die Lösung ist in das Informationssicherheitsmanagement aufgenommen.',
    'Es gibt einen Plan für Schulungen und eine Ansprechperson im Fachbereich.',
  ),
  h3('Schulung und Begleitung'),
  'Der Wechsel der gewohnten Arbeitsumgebung ist für Beschäftigte eine Belastung. *Frühzeitige* Information, kurze Schulungen am konkreten Arbeitsplatz und erreichbare Ansprechpersonen in den ersten Wochen entscheiden darüber, ob eine neue Lösung angenommen wird. Die Stadt Lindenfeld hat dafür gute Erfahrungen mit „Digitallotsen“ in jedem Amt gemacht (siehe Praxisbeispiele).',
  p('__Anmerkung der AG:__ Die Abschnitte zu Kosten im Pilotbetrieb folgen nach der nächsten Sitzung.'),
);

export const procurement = doc(
  'Das Vergaberecht steht dem Einsatz von Open Source nicht entgegen. Es verlangt aber, dass die Kommune ihren Bedarf produktneutral beschreibt und das wirtschaftlichste Angebot auswählt. Beides lässt sich so gestalten, dass offene Lösungen eine faire Chance erhalten.',
  h2('Den Bedarf richtig beschreiben'),
  'Statt ein bestimmtes Produkt zu verlangen, beschreibt die Leistungsbeschreibung die fachlichen Anforderungen und die Eigenschaften, auf die es der Kommune ankommt. Dazu gehören aus Sicht der Arbeitsgruppe insbesondere:',
  ul(
    'die Unterstützung offener Standards und dokumentierter Schnittstellen,',
    'die Möglichkeit, Daten vollständig und in einem offenen Format zu exportieren,',
    'das Recht, die Software durch Dritte betreiben und weiterentwickeln zu lassen,',
    'bei Individualentwicklungen: die Übertragung der Nutzungsrechte und die Veröffentlichung des Quellcodes unter einer offenen Lizenz.',
  ),
  h2('Wirtschaftlichkeit über die gesamte Nutzungsdauer'),
  'Bei der Wertung der Angebote sollten nicht nur die Anschaffungskosten, sondern die Kosten über die gesamte Nutzungsdauer betrachtet werden. Dazu gehören auch die Kosten eines späteren Wechsels. Eine Lösung, die sich nur mit hohem Aufwand wieder ablösen lässt, ist langfristig selten die wirtschaftlichste.',
  h3('Vertragsmuster nutzen'),
  'Die Ergänzenden Vertragsbedingungen für die Beschaffung von IT-Leistungen (EVB-IT) enthalten Regelungen, die sich auch für Open-Source-Leistungen eignen. Die Arbeitsgruppe stellt im Anhang Formulierungshilfen zusammen, die Vergabestellen in ihre Unterlagen übernehmen können.',
  h3('Gemeinsam beschaffen'),
  'Wo mehrere Kommunen denselben Bedarf haben, kann eine gemeinsame Ausschreibung über einen Zweckverband oder den kommunalen IT-Dienstleister die Kosten senken und zugleich eine gemeinsame Weiterentwicklung ermöglichen. Der Zweckverband Digitale Region Altenmühl hat so ein Ratsinformationssystem für elf Mitgliedskommunen beschafft.',
);
