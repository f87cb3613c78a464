/**
 * Parses the document name out of an upgrade URL `/collab/<docName>`. Exactly one path
 * segment, percent-decoded once, of a known kind and a plain id: anything else (dot
 * segments, encoded slashes, unknown prefixes) is "no such document".
 */
import { COLLAB_PRESENCE_OFF } from '@konvent/shared';

export const COLLAB_PATH = '/collab';

export type DocName = { kind: 'section' | 'minutes'; id: string; name: string };

const idPattern = /^[A-Za-z0-9_-]{1,64}$/;

/** Whether an upgrade request is ours (the rest belongs to socket.io). */
export function isCollabPath(url: string | undefined): boolean {
  if (!url) return false;
  const path = url.split('?', 1)[0]!;
  return path === COLLAB_PATH || path.startsWith(COLLAB_PATH + '/');
}

export function parseDocName(url: string | undefined): DocName | null {
  if (!url) return null;
  const path = url.split('?', 1)[0]!;
  if (!path.startsWith(COLLAB_PATH + '/')) return null;
  const segment = path.slice(COLLAB_PATH.length + 1);
  if (segment.includes('/')) return null;
  let name: string;
  try {
    name = decodeURIComponent(segment);
  } catch {
    return null;
  }
  const colon = name.indexOf(':');
  if (colon < 0) return null;
  const kind = name.slice(0, colon);
  const id = name.slice(colon + 1);
  if ((kind !== 'section' && kind !== 'minutes') || !idPattern.test(id)) return null;
  return { kind, id, name };
}

/** False for a connection that asked to stay out of presence (`?presence=off`, see shared/). */
export function countsAsPresent(url: string | undefined): boolean {
  // Every upgrade passes here (200 at once in a join storm): parse only when it can matter.
  if (!url || !Object.keys(COLLAB_PRESENCE_OFF).some((key) => url.includes(`${key}=`))) return true;
  const params = new URLSearchParams(url.split('?')[1] ?? '');
  return !Object.entries(COLLAB_PRESENCE_OFF).every(([key, value]) => params.get(key) === value);
}
