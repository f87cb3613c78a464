/**
 * Who is in which section right now (people with an open co-editing connection), for the
 * outline rows: one query per workspace, kept live by `presence.updated` from the payload
 * itself, and fetched afresh after a socket.io reconnect (events may have been missed).
 */
import { useCallback } from 'react';
import { useQuery, type QueryClient } from '@tanstack/react-query';
import type { Socket } from 'socket.io-client';
import { Events, type ListResponse, type PresenceUpdatedEvent, type PresentUserJSON, type SectionPresenceJSON } from '@konvent/shared';
import { api } from '../../api/client';
import { keys } from '../../api/queries';

const nobody: PresentUserJSON[] = [];

/** The people in one section, sorted by name (the server sorts); the same empty array when nobody. */
export function useSectionPresence(workspaceId: string, sectionId: string): PresentUserJSON[] {
  const select = useCallback(
    (list: SectionPresenceJSON[]) => list.find((p) => p.sectionId === sectionId)?.users ?? nobody,
    [sectionId],
  );
  const query = useQuery({
    queryKey: keys.presence(workspaceId),
    queryFn: () => api<ListResponse<SectionPresenceJSON>>(`/workspaces/${workspaceId}/presence`).then((r) => r.data),
    select,
  });
  return query.data ?? nobody;
}

/** Puts a section's people from `presence.updated` into the cached list. */
export function applyPresence(queryClient: QueryClient, event: PresenceUpdatedEvent): void {
  const key = keys.presence(event.workspaceId);
  // A read in flight may have been answered before this change: ask again rather than let it win.
  if (queryClient.getQueryState(key)?.fetchStatus === 'fetching') {
    void queryClient.invalidateQueries({ queryKey: key, exact: true });
    return;
  }
  queryClient.setQueryData<SectionPresenceJSON[]>(key, (list) => {
    if (!list) return list;
    const others = list.filter((p) => p.sectionId !== event.sectionId);
    return event.users.length > 0 ? [...others, { sectionId: event.sectionId, users: event.users }] : others;
  });
}

/** Listens for presence on the app's socket; answers the function that stops listening. */
export function subscribePresence(socket: Socket, queryClient: QueryClient): () => void {
  const onUpdated = (event: PresenceUpdatedEvent) => applyPresence(queryClient, event);
  const onReconnect = () =>
    void queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] === 'workspace' && q.queryKey[2] === 'presence' });
  socket.on(Events.PresenceUpdated, onUpdated);
  socket.io.on('reconnect', onReconnect);
  return () => {
    socket.off(Events.PresenceUpdated, onUpdated);
    socket.io.off('reconnect', onReconnect);
  };
}
