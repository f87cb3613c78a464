/**
 * Plain text of a section: for search, word counts and the `text` content format. Blocks
 * are separated by a blank line, list items and table rows by a line break, cells by a tab.
 */
import type { PMNode } from './prosemirrorJson';

function inline(nodes: PMNode[] | undefined): string {
  let out = '';
  for (const node of nodes ?? []) {
    if (node.type === 'text') out += node.text ?? '';
    else if (node.type === 'hardBreak') out += '\n';
    else out += inline(node.content);
  }
  return out;
}

function block(node: PMNode): string {
  switch (node.type) {
    case 'paragraph':
    case 'heading':
    case 'tableCell':
    case 'tableHeader':
      return node.content?.some((c) => c.type === 'paragraph') ? blocks(node.content, '\n') : inline(node.content);
    case 'bulletList':
    case 'orderedList':
      return (node.content ?? []).map((item) => blocks(item.content, '\n')).join('\n');
    case 'tableRow':
      return (node.content ?? []).map(block).join('\t');
    case 'table':
      return (node.content ?? []).map(block).join('\n');
    case 'text':
    case 'hardBreak':
      return inline([node]);
    default:
      return blocks(node.content, '\n\n');
  }
}

function blocks(nodes: PMNode[] | undefined, separator: string): string {
  return (nodes ?? []).map(block).filter((s) => s.length > 0).join(separator);
}

export function prosemirrorToText(doc: PMNode): string {
  return blocks(doc.content, '\n\n');
}

export function countWords(text: string): number {
  // \u2019 is the typographic apostrophe; non-ASCII in a regex literal stays so in the bundle (see server/build.mjs).
  const words = text.match(/[\p{L}\p{N}][\p{L}\p{N}'\u2019\-.]*/gu);
  return words ? words.length : 0;
}
