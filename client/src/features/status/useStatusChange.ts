/**
 * PATCH a section's status. On success the section and the outline caches take the server's
 * answer at once and the change is announced; errors are left to the caller, which shows
 * them where the person acted (inline, in the confirmation dialog, or as an announcement).
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { SectionJSON, SectionStatus } from '@konvent/shared';
import { api } from '../../api/client';
import { keys } from '../../api/queries';
import { useAnnounce } from '../../components/Announcer';

export interface StatusChange {
  section: SectionJSON;
  to: SectionStatus;
}

export function useStatusChange(workspaceId: string) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const announce = useAnnounce();
  return useMutation({
    mutationFn: ({ section, to }: StatusChange) =>
      api<SectionJSON>(`/sections/${section.id}`, { method: 'PATCH', body: { status: to } }),
    onSuccess: (updated) => {
      queryClient.setQueryData(keys.section(updated.id), updated);
      queryClient.setQueryData<SectionJSON[]>(keys.sections(workspaceId), (list) =>
        list?.map((s) => (s.id === updated.id ? updated : s)),
      );
      announce(t('statusControl.changed', { title: updated.title, status: t(`status.${updated.status}`) }));
    },
    onSettled: (_data, _err, { section }) => {
      void queryClient.invalidateQueries({ queryKey: keys.sections(workspaceId) });
      void queryClient.invalidateQueries({ queryKey: keys.dashboard(workspaceId) });
      void queryClient.invalidateQueries({ queryKey: keys.section(section.id) });
    },
  });
}
