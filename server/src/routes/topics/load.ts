/** Loading topics with their subgroups and section counts for the presenter. */
import { and, asc, count, eq, inArray, isNull } from 'drizzle-orm';
import { sections, subgroupMembers, topics, users, type Db } from '@konvent/db';
import { compareGerman, type TopicJSON } from '@konvent/shared';
import type { UserRow } from '../../auth/sessions';
import { loadActor, type WorkspaceActor } from '../../policies/actor';
import { authorize } from '../../policies/authorize';
import { presentTopic, type SubgroupMemberRow } from '../../presenters/topic';

export type TopicRow = typeof topics.$inferSelect;

/** The topic and the caller's actor in its workspace; 404 for non-members. */
export function loadTopicForActor(db: Db, user: UserRow, topicId: string): { topic: TopicRow; actor: WorkspaceActor } {
  const topic = db.select().from(topics).where(eq(topics.id, topicId)).get();
  const actor = topic ? loadActor(db, user, topic.workspaceId) : null;
  authorize(!!actor, { hide: 'Topic' });
  return { topic: topic!, actor: actor! };
}

/** Subgroup members per topic: leads first, then by name. */
export function subgroupMembersOf(db: Db, topicIds: string[]): Map<string, SubgroupMemberRow[]> {
  const out = new Map<string, SubgroupMemberRow[]>(topicIds.map((id) => [id, []]));
  if (!topicIds.length) return out;
  const rows = db
    .select({
      topicId: subgroupMembers.topicId,
      userId: subgroupMembers.userId,
      name: users.name,
      organisation: users.organisation,
      isLead: subgroupMembers.isLead,
    })
    .from(subgroupMembers)
    .innerJoin(users, eq(users.id, subgroupMembers.userId))
    .where(inArray(subgroupMembers.topicId, topicIds))
    .all()
    .sort((a, b) => Number(b.isLead) - Number(a.isLead) || compareGerman(a.name, b.name));
  for (const { topicId, ...member } of rows) out.get(topicId)!.push(member);
  return out;
}

function sectionCounts(db: Db, topicIds: string[]): Map<string, number> {
  if (!topicIds.length) return new Map();
  const rows = db
    .select({ topicId: sections.topicId, n: count() })
    .from(sections)
    .where(and(inArray(sections.topicId, topicIds), isNull(sections.deletedAt)))
    .groupBy(sections.topicId)
    .all();
  return new Map(rows.map((r) => [r.topicId!, r.n]));
}

export function presentTopics(db: Db, rows: TopicRow[], actor: WorkspaceActor): TopicJSON[] {
  const ids = rows.map((r) => r.id);
  const members = subgroupMembersOf(db, ids);
  const counts = sectionCounts(db, ids);
  return rows.map((r) => presentTopic(r, members.get(r.id) ?? [], counts.get(r.id) ?? 0, actor));
}

export function presentOneTopic(db: Db, row: TopicRow, actor: WorkspaceActor): TopicJSON {
  return presentTopics(db, [row], actor)[0]!;
}

/** All topics of a workspace (archived ones too) in their order. */
export function topicsOf(db: Db, workspaceId: string): TopicRow[] {
  return db.select().from(topics).where(eq(topics.workspaceId, workspaceId)).orderBy(asc(topics.position), asc(topics.createdAt)).all();
}
