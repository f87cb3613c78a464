import { and, eq } from 'drizzle-orm';
import { subgroupMembers, type Db } from '@konvent/db';
import { conflict, notFound } from '../errors';
import { recordAudit } from './auditRecorder';

export interface SubgroupChangeProps {
  workspaceId: string;
  topicId: string;
  userId: string;
  actorId: string;
}

function audit(tx: Pick<Db, 'insert'>, props: SubgroupChangeProps, action: string, data: Record<string, unknown> = {}) {
  recordAudit(tx, {
    workspaceId: props.workspaceId,
    actorId: props.actorId,
    action,
    entityType: 'topic',
    entityId: props.topicId,
    data: { userId: props.userId, ...data },
  });
}

const findRow = (tx: Pick<Db, 'select'>, props: SubgroupChangeProps) =>
  tx
    .select()
    .from(subgroupMembers)
    .where(and(eq(subgroupMembers.topicId, props.topicId), eq(subgroupMembers.userId, props.userId)))
    .get();

/** Adds someone to a topic's subgroup; 409 when they already belong. */
export function subgroupMemberAdder(db: Db, props: SubgroupChangeProps & { lead: boolean }): void {
  db.transaction((tx) => {
    if (findRow(tx, props)) throw conflict('This person already belongs to the subgroup.');
    tx.insert(subgroupMembers).values({ topicId: props.topicId, userId: props.userId, isLead: props.lead }).run();
    audit(tx, props, 'subgroup.member_added', { lead: props.lead });
  });
}

/** Sets or clears the lead flag; false when nothing changed. */
export function subgroupLeadSetter(db: Db, props: SubgroupChangeProps & { lead: boolean }): boolean {
  return db.transaction((tx) => {
    const row = findRow(tx, props);
    if (!row) throw notFound('Subgroup member');
    if (row.isLead === props.lead) return false;
    tx.update(subgroupMembers)
      .set({ isLead: props.lead })
      .where(and(eq(subgroupMembers.topicId, props.topicId), eq(subgroupMembers.userId, props.userId)))
      .run();
    audit(tx, props, 'subgroup.lead_changed', { lead: props.lead });
    return true;
  });
}

export function subgroupMemberRemover(db: Db, props: SubgroupChangeProps): void {
  db.transaction((tx) => {
    if (!findRow(tx, props)) throw notFound('Subgroup member');
    tx.delete(subgroupMembers)
      .where(and(eq(subgroupMembers.topicId, props.topicId), eq(subgroupMembers.userId, props.userId)))
      .run();
    audit(tx, props, 'subgroup.member_removed');
  });
}
