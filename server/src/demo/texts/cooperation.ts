/** Demo texts of the chapter "Zusammenarbeit mit Wirtschaft und Community" (AG 5). */
import { doc, h2, h3, ol, ul } from './markup';

export const chapter = doc(
  'Keine Kommune muss Open Source allein stemmen. Um die verbreiteten Lösungen herum gibt es Unternehmen, die Betrieb, Anpassung und Support anbieten, kommunale IT-Dienstleister, die Lösungen für viele Kommunen bereitstellen, und Communitys, in denen Entwicklerinnen, Anwender und Verwaltungen gemeinsam an der Software arbeiten.',
  'Für Kommunen ist diese Vielfalt eine Chance und eine Herausforderung zugleich. Dieses Kapitel beschreibt, wie die Zusammenarbeit mit Wirtschaft und Community gelingen kann, und nimmt dabei die Erfahrungen und Impulse der Open-Source-Wirtschaft auf, die im Arbeitskreis vertreten ist.',
  h2('Drei Arten der Zusammenarbeit'),
  ul(
    '**Beauftragen:** Unternehmen erbringen Leistungen rund um eine Open-Source-Lösung.',
    '**Teilen:** Kommunen und IT-Dienstleister stellen Lösungen gemeinsam bereit und nutzen sie nach.',
    '**Mitwirken:** Verwaltungen beteiligen sich an Communitys und geben Verbesserungen zurück.',
  ),
  'Diese drei Arten schließen einander nicht aus. Die meisten Kommunen werden vor allem beauftragen und teilen; wer darüber hinaus mitwirkt, gewinnt Einfluss auf die Richtung, in die sich eine Software entwickelt. Die folgenden Abschnitte zeigen, was dafür auf beiden Seiten nötig ist, und wo die Arbeitsgruppe noch offene Fragen sieht, etwa bei der Haftung für zurückgegebenen Code.',
);

export const business = doc(
  'Hinter erfolgreicher Open Source Software stehen fast immer Unternehmen, die von Dienstleistungen rund um die Software leben. Für Kommunen sind sie die wichtigsten Partner, wenn es um verlässlichen Betrieb, Anpassungen und Support geht. Viele dieser Unternehmen sind kleine und mittlere Betriebe aus der Region.',
  h2('Geschäftsmodelle verstehen'),
  'Wer mit Open-Source-Unternehmen zusammenarbeitet, sollte deren Geschäftsmodelle kennen. Die häufigsten sind:',
  ul(
    '**Support und Wartung** mit vertraglich zugesicherten Reaktionszeiten,',
    '**Betrieb** der Software als Dienst, auch in Rechenzentren in Deutschland,',
    '**Entwicklung** von Erweiterungen und Anpassungen im Auftrag,',
    '**Schulung und Beratung** bei Einführung und Migration.',
  ),
  'Diese Leistungen kosten Geld. Eine Kommune, die Open Source nutzt, ohne die Weiterentwicklung in irgendeiner Form zu unterstützen, gefährdet auf Dauer die Grundlage, auf der sie aufbaut.',
  h2('Was sich die Wirtschaft von Kommunen wünscht'),
  'In einem Workshop der Arbeitsgruppe haben Vertreterinnen und Vertreter der Open-Source-Wirtschaft ihre Erfahrungen geschildert. Drei Wünsche wurden besonders häufig genannt:',
  ol(
    'Ausschreibungen, die Leistungen statt Produkte beschreiben und Lose so bilden, dass auch kleinere Anbieter teilnehmen können.',
    'Die Bereitschaft, Weiterentwicklungen so zu beauftragen, dass sie in das ursprüngliche Projekt zurückfließen.',
    'Verlässliche Ansprechpersonen in der Verwaltung, die auch nach Abschluss eines Projekts erreichbar bleiben.',
  ),
  h3('Rolle der kommunalen IT-Dienstleister'),
  'Kommunale IT-Dienstleister können zwischen Kommunen und Unternehmen vermitteln: Sie bündeln den Bedarf vieler Kommunen, betreiben Lösungen und beauftragen Weiterentwicklungen. Die Kommunale Datenverarbeitung Weidenau-Talheim hat dafür ein eigenes Kompetenzteam aufgebaut.',
);

export const community = doc(
  'Open Source lebt vom Teilen. Für Kommunen bedeutet das: Sie nutzen, was andere entwickelt haben, und stellen ihrerseits zur Verfügung, was sie selbst entwickeln oder entwickeln lassen. Damit das gelingt, braucht es Orte, an denen öffentlicher Code gefunden, geprüft und gemeinsam weiterentwickelt werden kann.',
  h2('Plattformen für öffentlichen Code'),
  'Das Papier „Ein Ort für öffentlichen Code“, an dem die KGSt gemeinsam mit dem Deutschen Landkreistag, der Vitako und weiteren Akteuren gearbeitet hat, beschreibt die Anforderungen an eine solche Plattform. Mit [openCoDE](https://opencode.de) steht inzwischen eine gemeinsame Plattform von Bund, Ländern und Kommunen zur Verfügung.',
  'Die Arbeitsgruppe empfiehlt Kommunen, eigene Veröffentlichungen dort abzulegen und bei neuen Vorhaben zuerst dort nach vorhandenen Lösungen zu suchen.',
  h2('In Communitys mitwirken'),
  'Mitwirken heißt nicht zwingend programmieren. Auch Verwaltungen ohne eigene Entwicklung können viel beitragen:',
  ul(
    'Fehler melden und fachliche Anforderungen beschreiben,',
    'Dokumentation und Übersetzungen verbessern,',
    'Erfahrungen in Anwendertreffen weitergeben,',
    'Weiterentwicklungen gemeinsam mit anderen Kommunen finanzieren.',
  ),
  h3('Ein Beispiel aus dem Arbeitskreis'),
  'Die Initiative Gemeinsam Quelloffen e. V. bringt seit einigen Jahren Beschäftigte aus Verwaltungen und Entwicklerinnen und Entwickler zusammen. In regelmäßigen *Werkstatttagen* werden Anforderungen mehrerer Kommunen gesammelt und gemeinsam priorisiert, bevor Aufträge vergeben werden.',
  h3('Weiterführende Informationen'),
  ul(
    '[Free Software Foundation Europe: Public Money? Public Code!](https://publiccode.eu/de/)',
    '[Open Source Initiative](https://opensource.org)',
    '[Vitako – Bundes-Arbeitsgemeinschaft der Kommunalen IT-Dienstleister](https://www.vitako.de)',
  ),
);
