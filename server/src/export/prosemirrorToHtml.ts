/**
 * HTML of a section, written without a DOM (ProseMirror's DOMSerializer needs one): a
 * recursive renderer over the shared schema. Every text and attribute is escaped; links
 * keep only http(s) and mailto targets.
 */
import { headingLevel, safeHref, type PMMark, type PMNode } from './prosemirrorJson';

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => escapes[c]!);

function openMark(mark: PMMark): [string, string] {
  switch (mark.type) {
    case 'bold':
      return ['<strong>', '</strong>'];
    case 'italic':
      return ['<em>', '</em>'];
    case 'underline':
      return ['<u>', '</u>'];
    case 'strike':
      return ['<s>', '</s>'];
    case 'link': {
      const href = safeHref(mark.attrs?.href);
      return href ? [`<a href="${escapeHtml(href)}" rel="noopener noreferrer nofollow">`, '</a>'] : ['', ''];
    }
    default:
      return ['', ''];
  }
}

function text(node: PMNode): string {
  let html = escapeHtml(node.text ?? '');
  // Innermost mark last in the list, so wrap from the end.
  for (const mark of [...(node.marks ?? [])].reverse()) {
    const [open, close] = openMark(mark);
    html = open + html + close;
  }
  return html;
}

function cellAttrs(node: PMNode): string {
  let attrs = '';
  const colspan = Number(node.attrs?.colspan ?? 1);
  const rowspan = Number(node.attrs?.rowspan ?? 1);
  if (Number.isInteger(colspan) && colspan > 1) attrs += ` colspan="${colspan}"`;
  if (Number.isInteger(rowspan) && rowspan > 1) attrs += ` rowspan="${rowspan}"`;
  return attrs;
}

function render(node: PMNode): string {
  const inner = () => (node.content ?? []).map(render).join('');
  switch (node.type) {
    case 'doc':
      return inner();
    case 'text':
      return text(node);
    case 'paragraph':
      return `<p>${inner()}</p>`;
    case 'heading': {
      const level = headingLevel(node);
      return `<h${level}>${inner()}</h${level}>`;
    }
    case 'bulletList':
      return `<ul>${inner()}</ul>`;
    case 'orderedList': {
      const start = Number(node.attrs?.start ?? 1);
      return `<ol${Number.isInteger(start) && start !== 1 ? ` start="${start}"` : ''}>${inner()}</ol>`;
    }
    case 'listItem':
      return `<li>${inner()}</li>`;
    case 'blockquote':
      return `<blockquote>${inner()}</blockquote>`;
    case 'hardBreak':
      return '<br>';
    case 'table':
      return `<table><tbody>${inner()}</tbody></table>`;
    case 'tableRow':
      return `<tr>${inner()}</tr>`;
    case 'tableHeader':
      return `<th${cellAttrs(node)}>${inner()}</th>`;
    case 'tableCell':
      return `<td${cellAttrs(node)}>${inner()}</td>`;
    default:
      // A node type from a later schema: keep its content rather than lose it.
      return inner();
  }
}

/** The body HTML of a document (no <html> wrapper; the exporter adds one). */
export function prosemirrorToHtml(doc: PMNode): string {
  return render(doc);
}
