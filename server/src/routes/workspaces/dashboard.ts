import type { RequestHandler } from 'express';
/** The overview page: progress per topic and status, due sections, recent activity. */
import { count, eq } from 'drizzle-orm';
import { memberships } from '@konvent/db';
import { can, compareCodeUnits, sectionStatuses, type DashboardJSON, type SectionStatus } from '@konvent/shared';
import type { AppContext } from '../../context';
import { endpoint } from '../../middlewares/endpoint';
import { authorize } from '../../policies/authorize';
import { presentWorkspace } from '../../presenters/workspace';
import { recentActivity } from '../activity/load';
import { documentInfo, liveSections, outlineOrder, presentSections } from '../sections/load';
import { presentTopics, topicsOf } from '../topics/load';
import { loadWorkspaceForActor } from './load';

/** "Due" means due within this many days, or overdue. */
const dueWithinDays = 14;
const recentActivityCount = 10;

const emptyByStatus = (): Record<SectionStatus, number> =>
  Object.fromEntries(sectionStatuses.map((s) => [s, 0])) as Record<SectionStatus, number>;

export function dashboardHandler(ctx: AppContext): RequestHandler {
  const { db } = ctx;
  return endpoint(ctx, {}, ({ auth, params }): DashboardJSON => {
    const { workspace, actor } = loadWorkspaceForActor(db, auth.user, params.workspaceId!);
    authorize(can(actor.role, 'workspace.read'));

    const sectionRows = outlineOrder(liveSections(db, workspace.id));
    const docs = documentInfo(
      db,
      sectionRows.map((s) => s.id),
    );
    const byStatus = emptyByStatus();
    const perTopic = new Map<string, { sectionsByStatus: Record<SectionStatus, number>; wordCount: number }>();
    for (const s of sectionRows) {
      byStatus[s.status] += 1;
      if (!s.topicId) continue;
      const entry = perTopic.get(s.topicId) ?? { sectionsByStatus: emptyByStatus(), wordCount: 0 };
      entry.sectionsByStatus[s.status] += 1;
      entry.wordCount += docs.get(s.id)?.wordCount ?? 0;
      perTopic.set(s.topicId, entry);
    }

    const topicRows = topicsOf(db, workspace.id).filter((t) => !t.archivedAt);
    const topics = presentTopics(db, topicRows, actor).map((topic) => ({
      topic,
      ...(perTopic.get(topic.id) ?? { sectionsByStatus: emptyByStatus(), wordCount: 0 }),
    }));

    // ISO dates compare correctly as strings.
    const horizon = new Date(Date.now() + dueWithinDays * 86_400_000).toISOString().slice(0, 10);
    const dueRows = sectionRows
      .filter((s) => s.status !== 'final' && s.dueDate != null && s.dueDate <= horizon)
      .sort((a, b) => compareCodeUnits(a.dueDate!, b.dueDate!));

    const memberCount = db
      .select({ n: count() })
      .from(memberships)
      .where(eq(memberships.workspaceId, workspace.id))
      .get()!.n;

    return {
      workspace: presentWorkspace(workspace, actor),
      topics,
      sectionsByStatus: byStatus,
      memberCount,
      due: presentSections(db, dueRows, actor),
      recentActivity: recentActivity(db, workspace.id, recentActivityCount),
    };
  });
}
