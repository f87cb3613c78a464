/**
 * The copies of sections this browser keeps in IndexedDB for offline work (one database per
 * person and section, see `localDocName`), and which of them hold edits the server may not
 * have yet. On logout the copies are deleted: on a shared office computer the next person
 * must not find the last one's drafts in the browser's storage. A copy with unsent edits
 * stays (deleting it would lose work) and is sent when its person logs in here again (see
 * sendUnsent.ts) or opens the section; logging out asks first.
 *
 * The bookkeeping lives in localStorage (section ids only, no text), because logout must
 * know it without opening every database.
 */
import { docNames } from '@konvent/shared';

const prefix = (userId: string) => `konvent:${userId}:`;
const unsentKey = (userId: string) => `konvent:unsent:${userId}`;
const copiesKey = (userId: string) => `konvent:copies:${userId}`;

/** IndexedDB database name: per person, so two people on one computer never share edits. */
export function localDocName(userId: string, sectionId: string): string {
  return `${prefix(userId)}${docNames.section(sectionId)}`;
}

function readSet(key: string): Set<string> {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(key) ?? '[]');
    return new Set(Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);
  } catch {
    return new Set();
  }
}

/**
 * False once a write of the bookkeeping failed (storage full or blocked): which copies hold
 * unsent edits is then unknown, so logout deletes nothing rather than risk someone's work.
 */
let bookkeepingIntact = true;

function writeSet(key: string, values: Set<string>): void {
  try {
    if (values.size === 0) localStorage.removeItem(key);
    else localStorage.setItem(key, JSON.stringify([...values]));
  } catch {
    bookkeepingIntact = false;
  }
}

/** Whether localStorage takes a write now (blocked storage also fails on earlier page loads). */
function storageWritable(): boolean {
  try {
    localStorage.setItem('konvent:probe', '1');
    localStorage.removeItem('konvent:probe');
    return true;
  } catch {
    return false;
  }
}

function update(key: string, change: (values: Set<string>) => void): void {
  const values = readSet(key);
  change(values);
  writeSet(key, values);
}

/** A local copy of this section exists (or is about to). */
export function rememberCopy(userId: string, sectionId: string): void {
  update(copiesKey(userId), (s) => s.add(sectionId));
}

/** The section has edits made on this device that the server may not have. */
export function markUnsent(userId: string, sectionId: string): void {
  update(unsentKey(userId), (s) => s.add(sectionId));
}

/** Everything of the section made on this device has gone to the server. */
export function markSent(userId: string, sectionId: string): void {
  update(unsentKey(userId), (s) => s.delete(sectionId));
}

/** The copy was deleted (no access to the section any more): nothing of it to keep or send. */
export function forgetCopy(userId: string, sectionId: string): void {
  markSent(userId, sectionId);
  update(copiesKey(userId), (s) => s.delete(sectionId));
}

/** Sections open in an editor (or being sent in the background), with their "all sent?" check. */
const openSessions = new Map<string, () => void>();

/** Registers an open session of `sectionId`; returns the function that unregisters it. */
export function trackOpenSession(sectionId: string, check: () => void): () => void {
  openSessions.set(sectionId, check);
  return () => {
    if (openSessions.get(sectionId) === check) openSessions.delete(sectionId);
  };
}

/** Something on this page holds the section's copy open right now. */
export function isOpenHere(sectionId: string): boolean {
  return openSessions.has(sectionId);
}

/** Lets every open session record whether its last edits have left (before logout asks). */
export function settleOpenSessions(): void {
  for (const check of [...openSessions.values()]) check();
}

/** Deletes the section's copy and forgets it: stale (no access, or edits the server would refuse). */
export function dropCopy(userId: string, sectionId: string): Promise<void> {
  forgetCopy(userId, sectionId);
  return deleteCopy(localDocName(userId, sectionId)).catch(() => undefined);
}

/** Sections with edits not yet sent, for the question before logout. */
export function unsentSections(userId: string): string[] {
  return [...readSet(unsentKey(userId))];
}

/**
 * Deletes this person's local copies except those with unsent edits; resolves with how many
 * were deleted (none when the bookkeeping could not be written). Copies still open (an
 * editor being closed) are deleted once they close.
 */
export async function deleteLocalCopies(userId: string): Promise<number> {
  if (!bookkeepingIntact || !storageWritable()) return 0;
  const keep = new Set(unsentSections(userId).map((id) => localDocName(userId, id)));
  const names = new Set([...readSet(copiesKey(userId))].map((id) => localDocName(userId, id)));
  // The browser's own list also finds copies made before this bookkeeping existed.
  if (typeof indexedDB !== 'undefined' && typeof indexedDB.databases === 'function') {
    try {
      for (const db of await indexedDB.databases()) if (db.name?.startsWith(prefix(userId))) names.add(db.name);
    } catch {
      // Not available (private mode of some browsers): the bookkeeping above is the list.
    }
  }
  const doomed = [...names].filter((name) => !keep.has(name));
  const results = await Promise.allSettled(doomed.map((name) => deleteCopy(name)));
  const kept = new Set(unsentSections(userId));
  writeSet(copiesKey(userId), kept);
  return results.filter((r) => r.status === 'fulfilled').length;
}

/**
 * Deletes one copy's database (what y-indexeddb's clearDocument does, without loading Yjs into
 * the page's main chunk). An open copy is deleted once its editor closes it.
 */
function deleteCopy(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error ?? new Error(`deleting ${name} failed`));
  });
}
