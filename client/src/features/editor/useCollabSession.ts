/**
 * One co-editing session of a section: the Y.Doc, its local copy in IndexedDB and the
 * y-websocket connection to /collab, plus the connection state the person sees.
 *
 * Reconnecting is ours, not y-websocket's: its built-in backoff has no jitter and would
 * retry a 4401/4403/4404 refusal if the defaults ever changed, so `shouldReconnect` hands
 * every server-side close to the 'closed' handler below, which decides by close code.
 */
import { useEffect, useRef, useState } from 'react';
import { IndexeddbPersistence } from 'y-indexeddb';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { docNames } from '@konvent/shared';
import { backoff, closeMeaning, collabUrl, reconnectDelay, type ConnectionState, type RefusalKind } from './connection';
import { dropCopy, forgetCopy, localDocName, markSent, markUnsent, rememberCopy, trackOpenSession, unsentSections } from './localCopies';

export interface CollabSession {
  ydoc: Y.Doc;
  provider: WebsocketProvider;
}

export interface CollabSessionOptions {
  sectionId: string;
  userId: string;
  /**
   * Keep a local copy in IndexedDB. Only for people who may write: a reader's copy could
   * only ever hold the server's text, and an old copy with edits the server now drops would
   * show a reader text that exists nowhere else.
   */
  persist: boolean;
  /** 4509: the server closed because this person's rights changed; re-read the section. */
  onPermissionsChanged: () => void;
  /** 4401: the login session is gone. */
  onUnauthorized: () => void;
}

/** How long "synchronisiert" stays before the status settles to "verbunden". */
const resyncedNoticeMs = 5000;
/** While the browser says it is offline, look again this often in case 'online' is missed. */
const offlineRecheckMs = 5000;
/** Open the socket after the local copy is loaded (smaller first sync), but never wait longer. */
const localLoadWaitMs = 1500;
/** After the last local edit, how long until "sent" is checked (the socket's buffer empty). */
const sentCheckMs = 500;

export function useCollabSession(options: CollabSessionOptions): {
  session: CollabSession | null;
  state: ConnectionState;
} {
  const { sectionId, userId, persist } = options;
  const [session, setSession] = useState<CollabSession | null>(null);
  const [state, setState] = useState<ConnectionState>({ kind: 'connecting' });
  // Callbacks change identity on every render of the page; the session must not.
  const callbacks = useRef(options);
  useEffect(() => {
    callbacks.current = options;
  });

  useEffect(() => {
    const docName = docNames.section(sectionId);
    const localName = localDocName(userId, sectionId);
    const ydoc = new Y.Doc();
    const persistence = persist ? new IndexeddbPersistence(localName, ydoc) : null;
    if (persistence) rememberCopy(userId, sectionId);
    else if (unsentSections(userId).includes(sectionId)) {
      // A copy from when this person could still write: the server would drop its edits now,
      // so it is stale like a copy after 4403, and logout must not keep asking about it.
      void dropCopy(userId, sectionId);
    }
    // connect: false and connect() below, so that no status event is emitted before the
    // listeners are attached; otherwise identical to `{ connect: true }`.
    const provider = new WebsocketProvider(collabUrl(), docName, ydoc, {
      connect: false,
      maxBackoffTime: backoff.maxMs,
      shouldReconnect: () => false,
    });

    let disposed = false;
    let started = false;
    let refused = false;
    /** The connection was up before and is down now (or never came up): show "offline". */
    let lost = false;
    let attempt = 0;
    /** 4509 gets one immediate reconnect; a second one before a successful sync backs off. */
    let permissionRetryUsed = false;
    let retryTimer: ReturnType<typeof setTimeout> | undefined;
    let resyncedTimer: ReturnType<typeof setTimeout> | undefined;
    let sentTimer: ReturnType<typeof setTimeout> | undefined;
    /**
     * This device holds edits of the section that the server may lack (kept across reloads in
     * localStorage, see localCopies.ts). Set by a local edit; cleared once the connection is
     * synced and the socket has handed every byte to the network. Logout keeps such copies.
     */
    let unsent = persistence !== null && unsentSections(userId).includes(sectionId);

    const show = (next: ConnectionState) => {
      if (!disposed) setState(next);
    };
    const browserOffline = () => typeof navigator !== 'undefined' && navigator.onLine === false;

    const connectNow = () => {
      clearTimeout(retryTimer);
      retryTimer = undefined;
      if (disposed || refused) return;
      if (browserOffline()) {
        // The 'online' event brings us back; trying now would only fail. The re-check is a
        // belt for browsers that miss the event (sleep, network switches).
        show({ kind: 'offline', retrying: false });
        retryTimer = setTimeout(connectNow, offlineRecheckMs);
        return;
      }
      provider.connect();
    };

    const scheduleReconnect = () => {
      lost = true;
      attempt += 1;
      show({ kind: 'offline', retrying: false });
      if (browserOffline()) return;
      clearTimeout(retryTimer);
      retryTimer = setTimeout(connectNow, reconnectDelay(attempt));
    };

    const refuse = (refusal: RefusalKind) => {
      refused = true;
      clearTimeout(retryTimer);
      provider.disconnect();
      if (refusal !== 'unauthorized') {
        // No access (any more) or no such section: what this device kept of it is stale and
        // must not be shown or merged anywhere. After 4401 the copy stays: it may hold
        // offline edits that the next login sends.
        if (persistence) {
          void persistence.clearData().catch(() => undefined);
          forgetCopy(userId, sectionId);
        } else void dropCopy(userId, sectionId);
        unsent = false;
      }
      show({ kind: 'refused', refusal });
      if (refusal === 'unauthorized') callbacks.current.onUnauthorized();
    };

    provider.on('status', ({ status }) => {
      if (refused) return;
      if (status === 'connecting') show(lost ? { kind: 'offline', retrying: true } : { kind: 'connecting' });
      else if (status === 'disconnected') {
        lost = true;
        show({ kind: 'offline', retrying: false });
      }
      // 'connected' only means the socket is open; the state changes once the first sync is done.
    });

    const socketDrained = () => provider.synced && provider.wsconnected && provider.ws?.bufferedAmount === 0;
    const checkSent = () => {
      clearTimeout(sentTimer);
      sentTimer = undefined;
      if (disposed || !unsent) return;
      if (socketDrained()) {
        unsent = false;
        markSent(userId, sectionId);
      } else if (provider.wsconnected) {
        sentTimer = setTimeout(checkSent, sentCheckMs);
      }
      // Offline: the next 'sync' checks again (the sync exchange sends what the server lacks).
    };
    // Logout asks every open editor first, so an edit typed just before is not reported as unsent.
    const untrack = trackOpenSession(sectionId, checkSent);
    if (persistence) {
      ydoc.on('update', (_update: Uint8Array, origin: unknown) => {
        // Remote edits (origin: the provider) and the stored copy being loaded are not news.
        if (origin === provider || origin === persistence) return;
        if (!unsent) {
          unsent = true;
          markUnsent(userId, sectionId);
        }
        clearTimeout(sentTimer);
        sentTimer = setTimeout(checkSent, sentCheckMs);
      });
    }

    provider.on('sync', (synced: boolean) => {
      if (!synced || refused) return;
      if (unsent) {
        clearTimeout(sentTimer);
        sentTimer = setTimeout(checkSent, sentCheckMs);
      }
      attempt = 0;
      permissionRetryUsed = false;
      const wasLost = lost;
      lost = false;
      show({ kind: 'connected', resynced: wasLost });
      clearTimeout(resyncedTimer);
      if (wasLost) resyncedTimer = setTimeout(() => show({ kind: 'connected', resynced: false }), resyncedNoticeMs);
    });

    provider.on('closed', ({ code }) => {
      const meaning = closeMeaning(code);
      switch (meaning) {
        case 'unauthorized':
        case 'forbidden':
        case 'notFound':
          refuse(meaning);
          return;
        case 'permissionsChanged':
          callbacks.current.onPermissionsChanged();
          lost = true;
          if (!permissionRetryUsed) {
            permissionRetryUsed = true;
            connectNow();
            return;
          }
          scheduleReconnect();
          return;
        default:
          scheduleReconnect();
      }
    });

    const onOffline = () => {
      if (refused) return;
      // Browsers keep a dead socket open for a long time; close it so the state is honest
      // and typing goes on against the local copy.
      clearTimeout(retryTimer);
      lost = true;
      provider.disconnect();
      show({ kind: 'offline', retrying: false });
      retryTimer = setTimeout(connectNow, offlineRecheckMs);
    };
    const onOnline = () => {
      attempt = 0;
      if (started) connectNow();
    };
    window.addEventListener('offline', onOffline);
    window.addEventListener('online', onOnline);

    const start = () => {
      if (started || disposed) return;
      started = true;
      clearTimeout(startTimer);
      connectNow();
    };
    const startTimer = setTimeout(start, persistence ? localLoadWaitMs : 0);
    if (persistence) void persistence.whenSynced.then(start, start);

    setSession({ ydoc, provider });

    return () => {
      // Last look before the socket goes: an edit of the last half second may be out already.
      checkSent();
      disposed = true;
      clearTimeout(retryTimer);
      clearTimeout(resyncedTimer);
      clearTimeout(startTimer);
      clearTimeout(sentTimer);
      untrack();
      window.removeEventListener('offline', onOffline);
      window.removeEventListener('online', onOnline);
      provider.destroy();
      void persistence?.destroy();
      ydoc.destroy();
      setSession(null);
      setState({ kind: 'connecting' });
    };
  }, [sectionId, userId, persist]);

  return { session, state };
}
