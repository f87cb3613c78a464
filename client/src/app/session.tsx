/**
 * Who is signed in and which working group is open. RequireAuth sends people without a
 * session to the login page with the path they wanted, so they come back after logging in.
 */
import { createContext, useContext, useEffect, type ReactNode } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import type { UserJSON, WorkspaceJSON } from '@konvent/shared';
import { useMe, type MeJSON } from '../api/queries';
import { ErrorAlert, Loading } from '../components/feedback';
import { unsentSections } from '../features/editor/localCopies';
import { RealtimeProvider } from '../realtime/RealtimeProvider';

const MeContext = createContext<MeJSON | null>(null);
const WorkspaceContext = createContext<WorkspaceJSON | null>(null);

export const lastWorkspaceKey = 'konvent.lastWorkspace';

/** Login path that returns to `path` afterwards. */
export function loginPath(path: string, expired = false): string {
  const params = new URLSearchParams();
  if (path && path !== '/' && !path.startsWith('/anmelden')) params.set('zurueck', path);
  if (expired) params.set('abgelaufen', '1');
  const query = params.toString();
  return `/anmelden${query ? `?${query}` : ''}`;
}

export function RequireAuth() {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <Loading />;
  if (me.isError) return <ErrorAlert error={me.error} onRetry={() => void me.refetch()} />;
  if (!me.data) return <Navigate to={loginPath(location.pathname + location.search)} replace />;
  return (
    <MeContext.Provider value={me.data}>
      <RealtimeProvider userId={me.data.user.id}>
        <SendUnsentCopies userId={me.data.user.id} />
        <Outlet />
      </RealtimeProvider>
    </MeContext.Provider>
  );
}

/**
 * Edits this device kept offline for sections not open now go out after login and whenever
 * the browser is online again (see features/editor/sendUnsent.ts, loaded only when needed).
 */
function SendUnsentCopies({ userId }: { userId: string }) {
  useEffect(() => {
    const run = () => {
      if (unsentSections(userId).length === 0) return;
      void import('../features/editor/sendUnsent').then((m) => m.sendUnsentCopies(userId)).catch(() => undefined);
    };
    run();
    window.addEventListener('online', run);
    return () => window.removeEventListener('online', run);
  }, [userId]);
  return null;
}

export function useSession(): MeJSON {
  const me = useContext(MeContext);
  if (!me) throw new Error('useSession outside RequireAuth');
  return me;
}

export function useCurrentUser(): UserJSON {
  return useSession().user;
}

export function WorkspaceProvider({ workspace, children }: { workspace: WorkspaceJSON; children: ReactNode }) {
  return <WorkspaceContext.Provider value={workspace}>{children}</WorkspaceContext.Provider>;
}

/** The open working group (inside /a/:workspaceId). */
export function useCurrentWorkspace(): WorkspaceJSON {
  const ws = useContext(WorkspaceContext);
  if (!ws) throw new Error('useCurrentWorkspace outside a workspace route');
  return ws;
}

export function rememberWorkspace(id: string): void {
  try {
    localStorage.setItem(lastWorkspaceKey, id);
  } catch {
    // Without storage the home page simply picks the first working group.
  }
}

export function rememberedWorkspace(): string | null {
  try {
    return localStorage.getItem(lastWorkspaceKey);
  } catch {
    return null;
  }
}
