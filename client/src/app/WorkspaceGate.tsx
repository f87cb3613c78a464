import { useEffect } from 'react';
import { Outlet, useParams } from 'react-router';
import { ApiError } from '../api/client';
import { useWorkspace } from '../api/queries';
import { ErrorAlert, Loading } from '../components/feedback';
import { NotFoundPage } from '../pages/NotFoundPage';
import { rememberWorkspace, WorkspaceProvider } from './session';

/** Loads the working group of /a/:workspaceId for the pages inside it and remembers it. */
export function WorkspaceGate() {
  const { workspaceId = '' } = useParams();
  const workspace = useWorkspace(workspaceId);
  useEffect(() => {
    if (workspace.data) rememberWorkspace(workspace.data.id);
  }, [workspace.data]);
  if (workspace.isPending) return <Loading />;
  if (workspace.isError) {
    if (workspace.error instanceof ApiError && workspace.error.status === 404) return <NotFoundPage />;
    return <ErrorAlert error={workspace.error} onRetry={() => void workspace.refetch()} />;
  }
  return (
    <WorkspaceProvider workspace={workspace.data}>
      <Outlet />
    </WorkspaceProvider>
  );
}
