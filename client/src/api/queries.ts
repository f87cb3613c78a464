/**
 * Query keys and the small hooks that read server state. Keys are nested under the
 * workspace so one realtime event can invalidate everything of that workspace it touches.
 */
import { useQuery } from '@tanstack/react-query';
import type {
  ApiTokenJSON,
  DashboardJSON,
  ListResponse,
  MemberJSON,
  MembershipJSON,
  SectionJSON,
  TopicJSON,
  UserJSON,
  WorkspaceJSON,
} from '@konvent/shared';
import { finishPendingLogout } from '../app/logout';
import { api } from './client';

export const keys = {
  me: ['me'] as const,
  workspaces: ['workspaces'] as const,
  workspace: (id: string) => ['workspace', id] as const,
  dashboard: (id: string) => ['workspace', id, 'dashboard'] as const,
  sections: (id: string) => ['workspace', id, 'sections'] as const,
  trash: (id: string) => ['workspace', id, 'trash'] as const,
  members: (id: string) => ['workspace', id, 'members'] as const,
  topics: (id: string) => ['workspace', id, 'topics'] as const,
  section: (id: string) => ['section', id] as const,
  /** Who is in which section now; kept live by `presence.updated` (features/outline/presence.ts). */
  presence: (id: string) => ['workspace', id, 'presence'] as const,
  /** Under the workspace: comment events name the workspace and the section. */
  threads: (workspaceId: string, sectionId: string) => ['workspace', workspaceId, 'threads', sectionId] as const,
  tokens: ['tokens'] as const,
  // Per person, across working groups: not under 'workspace', so workspace invalidations leave it alone.
  notifications: ['notifications'] as const,
  search: (id: string, q: string) => ['workspace', id, 'search', q] as const,
};

export interface MeJSON {
  user: UserJSON;
  memberships: MembershipJSON[];
}

/** The signed-in person; `null` when nobody is signed in (no redirect: callers decide). */
export function useMe() {
  return useQuery({
    queryKey: keys.me,
    queryFn: async () => {
      // A logout that could not reach the server is finished before anything else.
      await finishPendingLogout();
      try {
        return await api<MeJSON>('/me', { allowUnauthenticated: true });
      } catch (err) {
        if ((err as { status?: number }).status === 401) return null;
        throw err;
      }
    },
    staleTime: 60_000,
  });
}

export function useWorkspaces() {
  return useQuery({
    queryKey: keys.workspaces,
    queryFn: () => api<ListResponse<WorkspaceJSON>>('/workspaces').then((r) => r.data),
  });
}

/** One working group with the caller's role and abilities; idle while `id` is null. */
export function useWorkspace(id: string | null) {
  return useQuery({
    queryKey: keys.workspace(id ?? ''),
    queryFn: () => api<WorkspaceJSON>(`/workspaces/${id}`),
    enabled: !!id,
  });
}

export function useDashboard(id: string) {
  return useQuery({ queryKey: keys.dashboard(id), queryFn: () => api<DashboardJSON>(`/workspaces/${id}/dashboard`) });
}

export function useSections(id: string) {
  return useQuery({
    queryKey: keys.sections(id),
    queryFn: () => api<ListResponse<SectionJSON>>(`/workspaces/${id}/sections`).then((r) => r.data),
  });
}

export function useTrash(id: string, enabled: boolean) {
  return useQuery({
    queryKey: keys.trash(id),
    queryFn: () => api<ListResponse<SectionJSON>>(`/workspaces/${id}/sections?trash=1`).then((r) => r.data),
    enabled,
  });
}

export function useSection(id: string) {
  return useQuery({ queryKey: keys.section(id), queryFn: () => api<SectionJSON>(`/sections/${id}`) });
}

export function useMembers(id: string) {
  return useQuery({
    queryKey: keys.members(id),
    queryFn: () => api<ListResponse<MemberJSON>>(`/workspaces/${id}/members`).then((r) => r.data),
  });
}

/** Active and archived topics together (`?archived=1` lists only the archive). */
export function useTopics(id: string) {
  return useQuery({
    queryKey: keys.topics(id),
    queryFn: async () => {
      const [active, archived] = await Promise.all([
        api<ListResponse<TopicJSON>>(`/workspaces/${id}/topics`),
        api<ListResponse<TopicJSON>>(`/workspaces/${id}/topics?archived=1`),
      ]);
      return [...active.data, ...archived.data];
    },
  });
}

export function useTokens() {
  return useQuery({
    queryKey: keys.tokens,
    queryFn: () => api<ListResponse<ApiTokenJSON>>('/tokens').then((r) => r.data),
  });
}
