/**
 * Deterministic Yjs content for the workloads: a small starting draft per section, a section
 * of about 1 MB encoded state (join-storm-200) and a history of 100,000 small updates
 * (cold-load-100k). Everything lives in the Tiptap Collaboration field `default` (a
 * Y.XmlFragment of paragraphs), as the co-editing contract says, so the servers see the shape
 * of real documents.
 */
import * as Y from 'yjs';

/** mulberry32: small, fast and seeded, so every run and every system gets the same bytes. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const words = (
  'die der das und Arbeitsgruppe Empfehlung Bericht Abschnitt Kommission Beteiligung Verfahren ' +
  'Bürgerinnen Bürger Kommune Land Bund Förderung Digitalisierung Nachhaltigkeit Transparenz ' +
  'Evaluation Maßnahme Ziel Umsetzung Haushalt Zuständigkeit Datenschutz Öffentlichkeit Bildung ' +
  'Verwaltung Gesetz Entwurf Stellungnahme Anhörung Sachverständige Ergebnis Grundlage wird werden ' +
  'soll sollen muss müssen kann können mit für von zur zum auf aus bei nach über unter zwischen'
).split(' ');

export function sentence(next: () => number, minWords = 8, maxWords = 18): string {
  const n = minWords + Math.floor(next() * (maxWords - minWords + 1));
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(words[Math.floor(next() * words.length)]!);
  const s = out.join(' ');
  return s.charAt(0).toUpperCase() + s.slice(1) + '.';
}

function paragraph(text: string): Y.XmlElement {
  const p = new Y.XmlElement('paragraph');
  p.insert(0, [new Y.XmlText(text)]);
  return p;
}

/** The draft every section of plenary-40 and subgroups-1000 starts from: 12 paragraphs. */
export function draftState(): Uint8Array {
  const next = rng(7);
  const doc = new Y.Doc();
  const frag = doc.getXmlFragment('default');
  const heading = new Y.XmlElement('heading');
  heading.setAttribute('level', '2');
  heading.insert(0, [new Y.XmlText('Ausgangslage')]);
  frag.insert(0, [heading]);
  for (let i = 0; i < 12; i++) frag.insert(frag.length, [paragraph(`${sentence(next)} ${sentence(next)}`)]);
  return Y.encodeStateAsUpdate(doc);
}

/**
 * A section of at least `bytes` encoded state, written by ten authors in pieces at random
 * places, so it holds many Yjs items as a co-written text does, not one long string.
 */
export function largeState(bytes: number): { update: Uint8Array; stateVector: Uint8Array } {
  const next = rng(11);
  const doc = new Y.Doc();
  const frag = doc.getXmlFragment('default');
  let size = 0;
  while (size < bytes) {
    for (let k = 0; k < 50; k++) {
      doc.clientID = 1000 + Math.floor(next() * 10);
      const text = new Y.XmlText();
      const p = new Y.XmlElement('paragraph');
      p.insert(0, [text]);
      frag.insert(frag.length, [p]);
      for (let piece = 0; piece < 8; piece++) {
        doc.clientID = 1000 + Math.floor(next() * 10);
        text.insert(Math.floor(next() * (text.length + 1)), sentence(next) + ' ');
      }
    }
    size = Y.encodeStateAsUpdate(doc).byteLength;
  }
  return { update: Y.encodeStateAsUpdate(doc), stateVector: Y.encodeStateVector(doc) };
}

export interface History {
  /** Each as emitted by the 'update' event: one small edit. */
  updates: Uint8Array[];
  /** Y.encodeStateAsUpdate after all of them (what a snapshot-only store holds). */
  state: Uint8Array;
  stateVector: Uint8Array;
}

/**
 * `count` real editing updates by eight authors, as people type: an author puts the cursor
 * somewhere and types a run of words there (each word its own update, as keystroke groups
 * are sent), sometimes takes a few characters back, sometimes starts a new paragraph.
 * Consecutive typing merges into few Yjs items, as it does in a real section.
 */
export function history(count: number): History {
  const next = rng(13);
  const doc = new Y.Doc();
  const frag = doc.getXmlFragment('default');
  const texts: Y.XmlText[] = [];
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  while (updates.length < count) {
    doc.clientID = 2000 + Math.floor(next() * 8);
    if (texts.length === 0 || next() < 0.08) {
      const text = new Y.XmlText();
      const p = new Y.XmlElement('paragraph');
      p.insert(0, [text]);
      frag.insert(Math.floor(next() * (frag.length + 1)), [p]);
      texts.push(text);
    }
    const text = texts[Math.floor(next() * texts.length)]!;
    let cursor = Math.floor(next() * (text.length + 1));
    const run = 5 + Math.floor(next() * 40);
    for (let i = 0; i < run && updates.length < count; i++) {
      if (next() < 0.08 && cursor > 3) {
        const n = 1 + Math.floor(next() * 3);
        text.delete(cursor - n, n);
        cursor -= n;
      } else {
        const word = words[Math.floor(next() * words.length)]! + ' ';
        text.insert(cursor, word);
        cursor += word.length;
      }
    }
  }
  updates.length = count;
  return { updates, state: Y.encodeStateAsUpdate(doc), stateVector: Y.encodeStateVector(doc) };
}
