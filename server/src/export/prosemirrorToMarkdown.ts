/**
 * Markdown (GFM) of a section: headings, paragraphs, bullet and ordered lists (nested by
 * indentation), blockquotes, tables as GFM pipe tables, links, bold, italic, strike;
 * underline has no Markdown form and is kept as <u>. Text is escaped so it reads back as
 * the same text.
 */
import { headingLevel, safeHref, type PMMark, type PMNode } from './prosemirrorJson';

/** Characters that would start Markdown syntax inside a line. */
function escapeInline(s: string): string {
  return s.replace(/[\\`*_[\]<>~|]/g, (c) => `\\${c}`);
}

/** Line starts that would turn a paragraph into a heading, list or quote. */
function escapeLineStart(line: string): string {
  return line.replace(/^(\s*)(#{1,6}\s|[-+]\s|\d+[.)]\s|>)/, (_m, ws: string, marker: string) => {
    if (/^\d/.test(marker)) return ws + marker.replace(/([.)])/, '\\$1');
    return `${ws}\\${marker}`;
  });
}

const markOrder = ['link', 'bold', 'italic', 'strike', 'underline'];

function delimiters(mark: PMMark): [string, string] {
  switch (mark.type) {
    case 'bold':
      return ['**', '**'];
    case 'italic':
      return ['*', '*'];
    case 'strike':
      return ['~~', '~~'];
    case 'underline':
      return ['<u>', '</u>'];
    case 'link': {
      const href = safeHref(mark.attrs?.href);
      return href ? ['[', `](${href.replace(/[()\s]/g, encodeURIComponent)})`] : ['', ''];
    }
    default:
      return ['', ''];
  }
}

const markKey = (m: PMMark) => (m.type === 'link' ? `link:${String(m.attrs?.href)}` : m.type);

/**
 * Inline content with marks opened and closed only where they change (adjacent runs of
 * one mark stay one `**…**`), and edge spaces kept outside the delimiters.
 */
function inline(nodes: PMNode[] | undefined): string {
  let out = '';
  let open: PMMark[] = [];
  const closeFrom = (i: number) => {
    for (let j = open.length - 1; j >= i; j--) out += delimiters(open[j]!)[1];
    open = open.slice(0, i);
  };
  for (const node of nodes ?? []) {
    if (node.type === 'hardBreak') {
      closeFrom(0);
      out += '\\\n';
      continue;
    }
    if (node.type !== 'text' || !node.text) continue;
    const marks = [...(node.marks ?? [])]
      .filter((m) => markOrder.includes(m.type))
      .sort((a, b) => markOrder.indexOf(a.type) - markOrder.indexOf(b.type));
    let keep = 0;
    while (keep < open.length && keep < marks.length && markKey(open[keep]!) === markKey(marks[keep]!)) keep++;
    const [, lead = '', body = '', trail = ''] = /^(\s*)([\s\S]*?)(\s*)$/.exec(node.text) ?? [];
    if (keep < open.length) closeFrom(keep);
    out += escapeInline(lead);
    for (const mark of marks.slice(keep)) {
      out += delimiters(mark)[0];
      open.push(mark);
    }
    out += escapeInline(body);
    if (trail) {
      closeFrom(0);
      out += escapeInline(trail);
    }
  }
  closeFrom(0);
  return out;
}

function indent(text: string, first: string, rest: string): string {
  return text
    .split('\n')
    .map((line, i) => (i === 0 ? first + line : line ? rest + line : line))
    .join('\n');
}

function tableCell(cell: PMNode): string {
  const parts = (cell.content ?? []).map((c) => (c.type === 'paragraph' ? inline(c.content) : blocks([c]).replace(/\n+/g, ' ')));
  return parts.join('<br>').replace(/\n/g, '<br>') || ' ';
}

function table(node: PMNode): string {
  const rows = (node.content ?? []).map((row) => (row.content ?? []).map(tableCell));
  if (rows.length === 0) return '';
  const width = Math.max(...rows.map((r) => r.length));
  const line = (cells: string[]) => `| ${Array.from({ length: width }, (_, i) => cells[i] ?? ' ').join(' | ')} |`;
  const [head, ...body] = rows;
  return [line(head!), `| ${Array.from({ length: width }, () => '---').join(' | ')} |`, ...body.map(line)].join('\n');
}

function block(node: PMNode): string {
  switch (node.type) {
    case 'paragraph':
      return escapeLineStart(inline(node.content));
    case 'heading':
      return `${'#'.repeat(headingLevel(node))} ${inline(node.content)}`;
    case 'blockquote':
      return blocks(node.content)
        .split('\n')
        .map((l) => (l ? `> ${l}` : '>'))
        .join('\n');
    case 'bulletList':
      return (node.content ?? []).map((item) => indent(blocks(item.content), '- ', '  ')).join('\n');
    case 'orderedList': {
      const start = Number(node.attrs?.start ?? 1) || 1;
      return (node.content ?? [])
        .map((item, i) => {
          const marker = `${start + i}. `;
          return indent(blocks(item.content), marker, ' '.repeat(marker.length));
        })
        .join('\n');
    }
    case 'table':
      return table(node);
    default:
      return node.content ? blocks(node.content) : inline([node]);
  }
}

/** Blocks separated by a blank line; list items are tight (no blank line inside an item's first block). */
function blocks(nodes: PMNode[] | undefined): string {
  return (nodes ?? [])
    .map(block)
    .filter((s) => s.length > 0)
    .join('\n\n');
}

export function prosemirrorToMarkdown(doc: PMNode): string {
  const md = blocks(doc.content);
  return md ? `${md}\n` : '';
}
