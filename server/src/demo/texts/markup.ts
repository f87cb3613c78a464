/**
 * Small constructors for ProseMirror JSON in the shared editor schema, so the demo texts
 * read as text rather than as nested objects. Every function returns plain JSON; the seeder
 * checks each document against the schema, so a wrong node name fails the seeding loudly.
 *
 * Inline markup inside strings: `**bold**`, `*italic*`, `__underline__`, `~~strike~~`,
 * `[label](https://…)` and `\n` for a hard break. Marks may nest (`**[label](url)**`).
 */

export interface PMMark {
  type: 'bold' | 'italic' | 'underline' | 'strike' | 'link';
  attrs?: { href: string };
}

export interface PMNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: PMNode[];
  text?: string;
  marks?: PMMark[];
}

/** A block argument: a string becomes a paragraph. */
type Block = PMNode | string;

const token = /\*\*(.+?)\*\*|__(.+?)__|~~(.+?)~~|\*(.+?)\*|\[([^\]]+)\]\(([^)\s]+)\)|\n/gs;

/** Parses the inline markup of one string into text and hardBreak nodes. */
export function inline(source: string, marks: PMMark[] = []): PMNode[] {
  const out: PMNode[] = [];
  const pushText = (text: string) => {
    if (!text) return;
    out.push(marks.length ? { type: 'text', text, marks: [...marks] } : { type: 'text', text });
  };
  let last = 0;
  for (const m of source.matchAll(token)) {
    pushText(source.slice(last, m.index));
    last = m.index + m[0].length;
    const [whole, bold, underline, strike, italic, label, href] = m;
    if (whole === '\n') out.push({ type: 'hardBreak' });
    else if (bold !== undefined) out.push(...inline(bold, [...marks, { type: 'bold' }]));
    else if (underline !== undefined) out.push(...inline(underline, [...marks, { type: 'underline' }]));
    else if (strike !== undefined) out.push(...inline(strike, [...marks, { type: 'strike' }]));
    else if (italic !== undefined) out.push(...inline(italic, [...marks, { type: 'italic' }]));
    else if (label !== undefined && href !== undefined) {
      out.push(...inline(label, [...marks, { type: 'link', attrs: { href } }]));
    }
  }
  pushText(source.slice(last));
  return out;
}

const block = (b: Block): PMNode => (typeof b === 'string' ? p(b) : b);

export function doc(...content: Block[]): PMNode {
  return { type: 'doc', content: content.map(block) };
}

export function p(text: string): PMNode {
  const content = inline(text);
  return content.length ? { type: 'paragraph', content } : { type: 'paragraph' };
}

/** Headings 2 and 3 only: level 1 is the section title, which is not part of the text. */
export function h2(text: string): PMNode {
  return { type: 'heading', attrs: { level: 2 }, content: inline(text) };
}

export function h3(text: string): PMNode {
  return { type: 'heading', attrs: { level: 3 }, content: inline(text) };
}

/** A list item is a string (one paragraph) or an array of blocks (paragraph plus a nested list). */
type Item = string | Block[];
const listItem = (item: Item): PMNode => ({
  type: 'listItem',
  content: typeof item === 'string' ? [p(item)] : item.map(block),
});

export function ul(...items: Item[]): PMNode {
  return { type: 'bulletList', content: items.map(listItem) };
}

export function ol(...items: Item[]): PMNode {
  return { type: 'orderedList', attrs: { start: 1 }, content: items.map(listItem) };
}

export function quote(...content: Block[]): PMNode {
  return { type: 'blockquote', content: content.map(block) };
}

/** A table with one header row; every cell holds one paragraph. */
export function table(header: string[], ...rows: string[][]): PMNode {
  const cell = (type: 'tableHeader' | 'tableCell') => (text: string): PMNode => ({ type, content: [p(text)] });
  return {
    type: 'table',
    content: [
      { type: 'tableRow', content: header.map(cell('tableHeader')) },
      ...rows.map((row) => ({ type: 'tableRow', content: row.map(cell('tableCell')) })),
    ],
  };
}
