import { memberships, workspaces, type Db } from '@konvent/db';
import { recordAudit } from './auditRecorder';

export interface WorkspaceCreatorProps {
  name: string;
  description?: string;
  /** Becomes the workspace's first moderator. */
  creatorId: string;
}

/** Creates a workspace with its creator as moderator, in one transaction. */
export function workspaceCreator(db: Db, props: WorkspaceCreatorProps) {
  return db.transaction((tx) => {
    const workspace = tx
      .insert(workspaces)
      .values({ name: props.name, description: props.description ?? '' })
      .returning()
      .get();
    tx.insert(memberships).values({ workspaceId: workspace.id, userId: props.creatorId, role: 'moderator' }).run();
    recordAudit(tx, {
      workspaceId: workspace.id,
      actorId: props.creatorId,
      action: 'workspace.created',
      entityType: 'workspace',
      entityId: workspace.id,
      data: { name: workspace.name },
    });
    return workspace;
  });
}
