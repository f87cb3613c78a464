/**
 * The ProseMirror JSON of a section (the shared Tiptap schema), as the renderers read it.
 * Renderers take JSON rather than model nodes so they work on stored, exported and
 * imported documents alike.
 */
export interface PMMark {
  type: string;
  attrs?: Record<string, unknown>;
}

export interface PMNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: PMNode[];
  marks?: PMMark[];
  text?: string;
}

/** Links may only point to these schemes (the editor's autolink list); others render as text. */
export function safeHref(href: unknown): string | null {
  if (typeof href !== 'string') return null;
  const trimmed = href.trim();
  return /^(https?:|mailto:)/i.test(trimmed) ? trimmed : null;
}

/** Heading levels of the schema are 2–4; clamp whatever arrives to what HTML and Markdown know. */
export function headingLevel(node: PMNode): number {
  const level = Number(node.attrs?.level ?? 2);
  return Number.isInteger(level) ? Math.min(6, Math.max(1, level)) : 2;
}
