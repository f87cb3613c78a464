/** A section's threads and the writes on them; realtime events invalidate `keys.threads`. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CommentJSON, ListResponse, ThreadAnchorJSON, ThreadJSON } from '@konvent/shared';
import { api } from '../../api/client';
import { keys } from '../../api/queries';

export function useThreads(workspaceId: string, sectionId: string) {
  return useQuery({
    queryKey: keys.threads(workspaceId, sectionId),
    queryFn: () => api<ListResponse<ThreadJSON>>(`/sections/${sectionId}/threads`).then((r) => r.data),
  });
}

/** Every write answers with fresh JSON; the list is refetched so order and abilities stay the server's. */
export function useThreadActions(workspaceId: string, sectionId: string) {
  const queryClient = useQueryClient();
  const settle = () => queryClient.invalidateQueries({ queryKey: keys.threads(workspaceId, sectionId) });
  const upsert = (thread: ThreadJSON) =>
    queryClient.setQueryData<ThreadJSON[]>(keys.threads(workspaceId, sectionId), (prev) =>
      prev ? (prev.some((t) => t.id === thread.id) ? prev.map((t) => (t.id === thread.id ? thread : t)) : [...prev, thread]) : prev,
    );

  const create = useMutation({
    mutationFn: (input: { body: string; anchor: ThreadAnchorJSON | null }) =>
      api<ThreadJSON>(`/sections/${sectionId}/threads`, { method: 'POST', body: input }),
    onSuccess: (thread) => {
      upsert(thread);
      void settle();
    },
  });
  const reply = useMutation({
    mutationFn: (input: { threadId: string; body: string }) =>
      api<CommentJSON>(`/threads/${input.threadId}/comments`, { method: 'POST', body: { body: input.body } }),
    onSuccess: () => void settle(),
  });
  const setResolved = useMutation({
    mutationFn: (input: { threadId: string; resolved: boolean }) =>
      api<ThreadJSON>(`/threads/${input.threadId}`, { method: 'PATCH', body: { resolved: input.resolved } }),
    onSuccess: (thread) => {
      upsert(thread);
      void settle();
    },
  });
  const editComment = useMutation({
    mutationFn: (input: { commentId: string; body: string }) =>
      api<CommentJSON>(`/comments/${input.commentId}`, { method: 'PATCH', body: { body: input.body } }),
    onSuccess: () => void settle(),
  });
  const deleteComment = useMutation({
    mutationFn: (commentId: string) => api<void>(`/comments/${commentId}`, { method: 'DELETE' }),
    onSuccess: () => void settle(),
  });
  const deleteThread = useMutation({
    mutationFn: (threadId: string) => api<void>(`/threads/${threadId}`, { method: 'DELETE' }),
    onSuccess: () => void settle(),
  });
  return { create, reply, setResolved, editComment, deleteComment, deleteThread };
}
