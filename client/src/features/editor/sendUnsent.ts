/**
 * Sends what this device kept of sections its person has not opened since typing in them
 * offline (then closing the tab, or logging out and keeping the copy): after login and
 * whenever the browser comes back online, each such copy is synced in the background, one
 * at a time, without an editor. A copy of a section the person may no longer write (or that
 * is gone) is deleted instead, as the editor does after 4403/4404: the server would refuse it.
 */
import { IndexeddbPersistence } from 'y-indexeddb';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { COLLAB_PRESENCE_OFF, docNames, type SectionJSON } from '@konvent/shared';
import { ApiError, api } from '../../api/client';
import { closeMeaning, collabUrl } from './connection';
import { dropCopy, isOpenHere, localDocName, markSent, trackOpenSession, unsentSections } from './localCopies';

/** A copy that has not synced by then is left for the next attempt (online again, next login). */
const attemptMs = 20_000;
/** How often the socket's buffer is looked at after the sync (has everything left?). */
const drainCheckMs = 100;

type Outcome = 'sent' | 'dropped' | 'later';

let running = false;

/** Sends every unsent copy of `userId` that no editor on this page has open; one run at a time. */
export async function sendUnsentCopies(userId: string): Promise<void> {
  if (running) return;
  running = true;
  try {
    for (const sectionId of unsentSections(userId)) {
      if (isOpenHere(sectionId)) continue;
      if ((await sendOne(userId, sectionId)) === 'later') break;
    }
  } finally {
    running = false;
  }
}

async function mayWrite(sectionId: string): Promise<boolean | 'unknown'> {
  try {
    const section = await api<SectionJSON>(`/sections/${encodeURIComponent(sectionId)}`);
    return section.abilities.edit;
  } catch (err) {
    if (err instanceof ApiError && (err.status === 403 || err.status === 404)) return false;
    return 'unknown';
  }
}

async function sendOne(userId: string, sectionId: string): Promise<Outcome> {
  const name = localDocName(userId, sectionId);
  const writable = await mayWrite(sectionId);
  if (writable === 'unknown') return 'later';
  if (!writable) {
    await dropCopy(userId, sectionId);
    return 'dropped';
  }
  return new Promise<Outcome>((resolve) => {
    const ydoc = new Y.Doc();
    const persistence = new IndexeddbPersistence(name, ydoc);
    let provider: WebsocketProvider | null = null;
    let drainTimer: ReturnType<typeof setInterval> | undefined;
    let done = false;
    const drained = () => provider !== null && provider.synced && provider.ws?.bufferedAmount === 0;
    const finish = (outcome: Outcome) => {
      if (done) return;
      done = true;
      untrack();
      clearTimeout(giveUp);
      clearInterval(drainTimer);
      provider?.destroy();
      void persistence.destroy();
      ydoc.destroy();
      if (outcome === 'sent') markSent(userId, sectionId);
      if (outcome === 'dropped') void dropCopy(userId, sectionId);
      resolve(outcome);
    };
    // While it runs, an editor opening the section waits for nothing, and logout can ask it.
    const untrack = trackOpenSession(sectionId, () => {
      if (drained()) finish('sent');
    });
    const giveUp = setTimeout(() => finish('later'), attemptMs);
    void persistence.whenSynced.then(() => {
      if (done) return;
      // No editor is open: the person is not "in" the section, and has no caret to show.
      const p = new WebsocketProvider(collabUrl(), docNames.section(sectionId), ydoc, {
        params: { ...COLLAB_PRESENCE_OFF },
        shouldReconnect: () => false,
      });
      p.awareness.setLocalState(null);
      provider = p;
      p.on('sync', (synced: boolean) => {
        if (!synced || drainTimer) return;
        drainTimer = setInterval(() => {
          if (drained()) finish('sent');
        }, drainCheckMs);
      });
      p.on('closed', ({ code }: { code: number }) => {
        const meaning = closeMeaning(code);
        finish(meaning === 'forbidden' || meaning === 'notFound' ? 'dropped' : 'later');
      });
      // A close without a refusal (network, server restart): try again later. Deferred, so
      // that the 'closed' event y-websocket emits right after it for a refusal decides.
      p.on('connection-close', () => queueMicrotask(() => finish('later')));
      p.on('connection-error', () => finish('later'));
    });
  });
}
