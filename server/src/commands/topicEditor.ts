import { asc, eq } from 'drizzle-orm';
import { topics, type Db } from '@konvent/db';
import { recordAudit } from './auditRecorder';
import { placeAt, positionChanges } from './positions';

type TopicRow = typeof topics.$inferSelect;
type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

function siblingOrder(tx: Tx, workspaceId: string) {
  return tx
    .select({ id: topics.id, position: topics.position })
    .from(topics)
    .where(eq(topics.workspaceId, workspaceId))
    .orderBy(asc(topics.position), asc(topics.createdAt))
    .all();
}

function writeOrder(tx: Tx, order: string[], current: Map<string, number>) {
  for (const { id, position } of positionChanges(order, current)) {
    tx.update(topics).set({ position }).where(eq(topics.id, id)).run();
  }
}

export interface TopicCreatorProps {
  workspaceId: string;
  actorId: string;
  title: string;
  description?: string;
}

/** Creates a topic at the end of the workspace's topics. */
export function topicCreator(db: Db, props: TopicCreatorProps): TopicRow {
  return db.transaction((tx) => {
    const position = siblingOrder(tx, props.workspaceId).length;
    const topic = tx
      .insert(topics)
      .values({ workspaceId: props.workspaceId, title: props.title, description: props.description ?? '', position })
      .returning()
      .get();
    recordAudit(tx, {
      workspaceId: props.workspaceId,
      actorId: props.actorId,
      action: 'topic.created',
      entityType: 'topic',
      entityId: topic.id,
      data: { title: topic.title },
    });
    return topic;
  });
}

export interface TopicUpdaterProps {
  topic: TopicRow;
  actorId: string;
  title?: string;
  description?: string;
  /** New index among the workspace's topics; the others close ranks. */
  position?: number;
  archived?: boolean;
}

/** Renames, describes, reorders and (un)archives a topic; one audit entry per kind of change. */
export function topicUpdater(db: Db, props: TopicUpdaterProps): TopicRow {
  const { topic } = props;
  return db.transaction((tx) => {
    const audit = (action: string, data: Record<string, unknown>) =>
      recordAudit(tx, { workspaceId: topic.workspaceId, actorId: props.actorId, action, entityType: 'topic', entityId: topic.id, data });
    const set: Partial<typeof topics.$inferInsert> = {};
    if (props.title !== undefined && props.title !== topic.title) {
      set.title = props.title;
      audit('topic.renamed', { from: topic.title, to: props.title });
    }
    if (props.description !== undefined && props.description !== topic.description) {
      set.description = props.description;
      audit('topic.updated', { fields: ['description'] });
    }
    if (props.archived !== undefined && props.archived !== (topic.archivedAt != null)) {
      set.archivedAt = props.archived ? new Date() : null;
      audit(props.archived ? 'topic.archived' : 'topic.unarchived', {});
    }
    if (props.position !== undefined) {
      const siblings = siblingOrder(tx, topic.workspaceId);
      const order = placeAt(
        siblings.map((s) => s.id),
        topic.id,
        props.position,
      );
      const current = new Map(siblings.map((s) => [s.id, s.position]));
      if (positionChanges(order, current).length) {
        writeOrder(tx, order, current);
        audit('topic.moved', { from: topic.position, to: order.indexOf(topic.id) });
      }
    }
    if (Object.keys(set).length) tx.update(topics).set(set).where(eq(topics.id, topic.id)).run();
    return tx.select().from(topics).where(eq(topics.id, topic.id)).get()!;
  });
}
