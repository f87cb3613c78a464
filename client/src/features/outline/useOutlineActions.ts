/**
 * Writes to the outline. Moves are optimistic (the tree changes at once) and rolled back
 * with a visible, announced message when the server refuses.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { CreateSectionInput, SectionJSON, UpdateSectionInput } from '@konvent/shared';
import { api } from '../../api/client';
import { keys } from '../../api/queries';
import { useAnnounce } from '../../components/Announcer';
import { errorText } from '../../components/errors';
import { applyMove, levelOf, siblingsOf, type MoveTarget } from './model';

export function useOutlineActions(workspaceId: string) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const announce = useAnnounce();
  const listKey = keys.sections(workspaceId);

  const invalidate = () => {
    void queryClient.invalidateQueries({ queryKey: listKey });
    void queryClient.invalidateQueries({ queryKey: keys.dashboard(workspaceId) });
  };

  const move = useMutation({
    mutationFn: ({ id, target }: { id: string; target: MoveTarget }) =>
      api<SectionJSON>(`/sections/${id}`, { method: 'PATCH', body: { parentId: target.parentId, position: target.position } }),
    onMutate: async ({ id, target }) => {
      await queryClient.cancelQueries({ queryKey: listKey });
      const previous = queryClient.getQueryData<SectionJSON[]>(listKey);
      if (previous) {
        const next = applyMove(previous, id, target);
        queryClient.setQueryData(listKey, next);
        const moved = next.find((s) => s.id === id);
        if (moved) {
          const siblings = siblingsOf(next, target.parentId);
          announce(
            t('outline.movedTo', {
              title: moved.title,
              position: siblings.findIndex((s) => s.id === id) + 1,
              count: siblings.length,
              level: levelOf(next, id),
            }),
          );
        }
      }
      return { previous };
    },
    onError: (err, _vars, context) => {
      if (context?.previous) queryClient.setQueryData(listKey, context.previous);
      announce(t('outline.moveFailed', { message: errorText(t, err) }), 'danger');
    },
    onSettled: invalidate,
  });

  const update = useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: UpdateSectionInput }) =>
      api<SectionJSON>(`/sections/${id}`, { method: 'PATCH', body: patch }),
    onSuccess: (section) => {
      queryClient.setQueryData<SectionJSON[]>(listKey, (list) => list?.map((s) => (s.id === section.id ? section : s)));
      queryClient.setQueryData(keys.section(section.id), section);
    },
    onSettled: invalidate,
  });

  const create = useMutation({
    mutationFn: (input: CreateSectionInput) =>
      api<SectionJSON>(`/workspaces/${workspaceId}/sections`, { method: 'POST', body: input }),
    onSuccess: (section) => {
      queryClient.setQueryData<SectionJSON[]>(listKey, (list) => (list ? [...list, section] : list));
      announce(t('outline.created', { title: section.title }));
    },
    onSettled: invalidate,
  });

  const remove = useMutation({
    mutationFn: (section: SectionJSON) => api<unknown>(`/sections/${section.id}`, { method: 'DELETE' }),
    onSuccess: (_res, section) => announce(t('outline.deleted', { title: section.title })),
    onSettled: () => {
      invalidate();
      void queryClient.invalidateQueries({ queryKey: keys.trash(workspaceId) });
    },
  });

  const restore = useMutation({
    mutationFn: (section: SectionJSON) => api<unknown>(`/sections/${section.id}/restore`, { method: 'POST' }),
    onSuccess: (_res, section) => announce(t('outline.restored', { title: section.title })),
    onError: (err) => announce(errorText(t, err), 'danger'),
    onSettled: () => {
      invalidate();
      void queryClient.invalidateQueries({ queryKey: keys.trash(workspaceId) });
    },
  });

  return { move, update, create, remove, restore };
}
