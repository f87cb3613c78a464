/** The signed-in person's notifications: the list, the unread count, and marking read. */
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { NotificationJSON, NotificationListJSON, NotificationsReadEvent } from '@konvent/shared';
import { api } from '../../api/client';
import { keys } from '../../api/queries';

export function useNotifications() {
  return useQuery({
    queryKey: keys.notifications,
    queryFn: () => api<NotificationListJSON>('/notifications?limit=30'),
    // Live updates come over socket.io; polling only covers a missed event after a reconnect.
    staleTime: 60_000,
  });
}

/** Puts a notification pushed by the server at the top of the cached list. */
export function addNotification(queryClient: QueryClient, notification: NotificationJSON): void {
  queryClient.setQueryData<NotificationListJSON>(keys.notifications, (prev) => {
    if (!prev) return prev;
    if (prev.data.some((n) => n.id === notification.id)) return prev;
    return {
      data: [notification, ...prev.data],
      unreadCount: prev.unreadCount + (notification.read ? 0 : 1),
    };
  });
  // Nothing cached yet (bell not rendered): fetch so the count is right when it is.
  if (!queryClient.getQueryData(keys.notifications)) void queryClient.invalidateQueries({ queryKey: keys.notifications });
}

/** Applies `notification.read` (from this tab or another) to the cached list. */
export function applyRead(queryClient: QueryClient, event: NotificationsReadEvent): void {
  const now = new Date().toISOString();
  queryClient.setQueryData<NotificationListJSON>(keys.notifications, (prev) => {
    if (!prev) return prev;
    const ids = event.ids === 'all' ? null : new Set(event.ids);
    return {
      data: prev.data.map((n) => (!n.read && (!ids || ids.has(n.id)) ? { ...n, read: true, readAt: now } : n)),
      unreadCount: event.unreadCount,
    };
  });
}

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<NotificationJSON>(`/notifications/${id}/read`, { method: 'POST' }),
    onMutate: (id) => {
      const prev = queryClient.getQueryData<NotificationListJSON>(keys.notifications);
      const wasUnread = prev?.data.some((n) => n.id === id && !n.read);
      if (prev && wasUnread) applyRead(queryClient, { ids: [id], unreadCount: Math.max(0, prev.unreadCount - 1) });
    },
    onError: () => void queryClient.invalidateQueries({ queryKey: keys.notifications }),
  });
}

export function useMarkAllRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api<NotificationsReadEvent>('/notifications/read-all', { method: 'POST' }),
    onSuccess: (event) => applyRead(queryClient, event),
    onError: () => void queryClient.invalidateQueries({ queryKey: keys.notifications }),
  });
}
