/**
 * socket.io connection while someone is signed in. Events name what changed; the matching
 * react-query caches are invalidated so changes by others appear without reloading. The
 * payloads are per-recipient presenter JSON, but refetching keeps one code path for the
 * caller's own abilities and for ordering.
 */
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { io } from 'socket.io-client';
import { Events, type NotificationJSON, type NotificationsReadEvent } from '@konvent/shared';
import { keys } from '../api/queries';
import { addNotification, applyRead } from '../features/notifications/api';
import { subscribePresence } from '../features/outline/presence';

export type ConnectionState = 'connecting' | 'connected' | 'disconnected';

const RealtimeContext = createContext<ConnectionState>('disconnected');

interface WithWorkspace {
  workspaceId?: string;
  id?: string;
  topicId?: string;
}

export function RealtimeProvider({ userId, children }: { userId: string | null; children: ReactNode }) {
  const queryClient = useQueryClient();
  const [state, setState] = useState<ConnectionState>('connecting');

  useEffect(() => {
    if (!userId) return;
    const socket = io({ withCredentials: true, transports: ['websocket', 'polling'] });
    const onConnect = () => setState('connected');
    const onDisconnect = () => setState('disconnected');
    const onReconnecting = () => setState('connecting');
    socket.on('connect', onConnect);
    socket.on('disconnect', onDisconnect);
    socket.on('connect_error', onDisconnect);
    socket.io.on('reconnect_attempt', onReconnecting);

    const byWorkspace = (payload: WithWorkspace | undefined, parts: string[]) => {
      const wsId = payload?.workspaceId;
      if (!wsId) {
        void queryClient.invalidateQueries({ queryKey: ['workspace'] });
        return;
      }
      for (const part of parts) void queryClient.invalidateQueries({ queryKey: ['workspace', wsId, part] });
    };

    const sectionEvents = [Events.SectionCreated, Events.SectionUpdated, Events.SectionDeleted, Events.SectionRestored];
    for (const name of sectionEvents) {
      socket.on(name, (payload: WithWorkspace | undefined) => {
        byWorkspace(payload, ['sections', 'trash', 'dashboard', 'topics']);
        if (payload?.id) void queryClient.invalidateQueries({ queryKey: keys.section(payload.id) });
      });
    }
    for (const name of [Events.TopicCreated, Events.TopicUpdated]) {
      socket.on(name, (payload: WithWorkspace | undefined) => byWorkspace(payload, ['topics', 'dashboard', 'members']));
    }
    for (const name of [Events.MemberCreated, Events.MemberUpdated, Events.MemberRemoved]) {
      socket.on(name, (payload: WithWorkspace | undefined) => {
        byWorkspace(payload, ['members', 'topics', 'dashboard']);
        // My own role may have changed: abilities on every page depend on it.
        void queryClient.invalidateQueries({ queryKey: keys.workspaces });
        if (payload?.workspaceId) void queryClient.invalidateQueries({ queryKey: keys.workspace(payload.workspaceId), exact: true });
        void queryClient.invalidateQueries({ queryKey: keys.me });
      });
    }
    // Comment events carry the section: refetch that section's threads (and the activity feed).
    const commentEvents = [Events.CommentCreated, Events.CommentUpdated, Events.CommentDeleted, Events.ThreadUpdated, Events.ThreadDeleted];
    for (const name of commentEvents) {
      socket.on(name, (payload: { workspaceId?: string; sectionId?: string } | undefined) => {
        if (!payload?.workspaceId || !payload.sectionId) return;
        void queryClient.invalidateQueries({ queryKey: keys.threads(payload.workspaceId, payload.sectionId) });
        void queryClient.invalidateQueries({ queryKey: keys.dashboard(payload.workspaceId) });
      });
    }
    // User room: the payload is the finished presenter JSON, so it goes straight into the cache
    // (the bell announces a new one; refetching would lose which one is new).
    socket.on(Events.NotificationCreated, (payload: NotificationJSON) => addNotification(queryClient, payload));
    socket.on(Events.NotificationsRead, (payload: NotificationsReadEvent) => applyRead(queryClient, payload));
    // After a reconnect events may have been missed while offline.
    // Only what is on screen is refetched (invalidation refetches active queries only).
    const onReconnect = () => {
      void queryClient.invalidateQueries({ queryKey: keys.notifications });
      void queryClient.invalidateQueries({ queryKey: ['workspace'] });
    };
    socket.io.on('reconnect', onReconnect);
    socket.on(Events.WorkspaceUpdated, () => {
      void queryClient.invalidateQueries({ queryKey: keys.workspaces });
      void queryClient.invalidateQueries({ queryKey: ['workspace'] });
    });

    // Who is in which section: the payload goes into the cache; refetched after a reconnect.
    const stopPresence = subscribePresence(socket, queryClient);

    return () => {
      stopPresence();
      socket.removeAllListeners();
      socket.io.off('reconnect_attempt', onReconnecting);
      socket.io.off('reconnect', onReconnect);
      socket.disconnect();
    };
  }, [userId, queryClient]);

  return <RealtimeContext.Provider value={userId ? state : 'disconnected'}>{children}</RealtimeContext.Provider>;
}

export function useConnectionState(): ConnectionState {
  return useContext(RealtimeContext);
}
