/**
 * Seeds the demo working group "Open Source in Kommunen" (DESIGN.md, "Embedded default and
 * operations": the logins and the shape are a contract). `seedDemoIfEmpty` runs at start on
 * an empty database; `seedDemo` is what `konvent seed:demo` calls.
 *
 * Everything is written in one transaction: a half-seeded demo is worse than none. The slow
 * and fallible work (password hashing, building and checking the documents) happens before
 * it, because better-sqlite3 transactions are synchronous.
 */
import { randomUUID } from 'node:crypto';
import { count, eq, inArray } from 'drizzle-orm';
import * as Y from 'yjs';
import { prosemirrorJSONToYDoc } from 'y-prosemirror';
import {
  auditLog,
  documentUpdates,
  documents,
  memberships,
  sections,
  subgroupMembers,
  topics,
  users,
  workspaces,
  type Db,
} from '@konvent/db';
import { COLLAB_FIELD, editorSchema } from '@konvent/shared/editor-schema';
import { docNames, type Role } from '@konvent/shared';
import { hashPassword } from '../auth/passwords';
import type { AppContext } from '../context';
import { demoMembers, demoModerator, demoObserver, type DemoPerson } from './people';
import { demoOutline, demoTopics, type DemoSection, type PersonRef } from './outline';

import { DEMO_PASSWORD, DEMO_WORKSPACE_NAME } from './constants';

export { DEMO_PASSWORD, DEMO_WORKSPACE_NAME };
const DEMO_DESCRIPTION =
  'Arbeitskreis von 40 Fachleuten aus Stadt-, Kreis- und Gemeindeverwaltungen, kommunalen IT-Dienstleistern ' +
  'und der Open-Source-Community. Gemeinsam entsteht ein Bericht mit praxisorientierten Hinweisen, wie ' +
  'Kommunen Open Source Software schrittweise einführen können. Dies ist ein Demo-Arbeitskreis: alle ' +
  'Personen und Organisationen sind frei erfunden.';

export interface DemoSummary {
  workspaceName: string;
  moderatorEmail: string;
  password: string;
}

export interface SeedDemoOptions {
  /** Replace an existing demo workspace (its topics, sections and documents) instead of refusing. */
  replace?: boolean;
  /** Seed only when the database has no users at all (checked inside the transaction). */
  onlyIfEmpty?: boolean;
  /** The "today" the demo's history and due dates are relative to. */
  now?: Date;
}

export interface SeedDemoResult extends DemoSummary {
  workspaceId: string;
  /** Demo e-mail addresses whose accounts existed already; they keep their password. */
  reusedAccounts: string[];
  sectionCount: number;
  wordCount: number;
  durationMs: number;
}

/** Thrown when a demo workspace exists and `replace` was not asked for. */
export class DemoExistsError extends Error {
  constructor(readonly workspaceId: string) {
    super(`The demo workspace "${DEMO_WORKSPACE_NAME}" exists already (id ${workspaceId}).`);
    this.name = 'DemoExistsError';
  }
}

/** Seeds the demo working group into an empty database; null when there was data already. */
export async function seedDemoIfEmpty(ctx: AppContext): Promise<DemoSummary | null> {
  if (userCount(ctx.db) > 0) return null;
  const result = await seedDemo(ctx.db, { onlyIfEmpty: true });
  if (!result) return null;
  ctx.logger.info('demo working group seeded', {
    workspaceId: result.workspaceId,
    sections: result.sectionCount,
    words: result.wordCount,
    ms: result.durationMs,
  });
  const { workspaceName, moderatorEmail, password } = result;
  return { workspaceName, moderatorEmail, password };
}

/**
 * Seeds the demo. Accounts with a demo e-mail address that exist already are reused as they
 * are. Resolves null only with `onlyIfEmpty` on a database that has users.
 */
export async function seedDemo(db: Db, options: SeedDemoOptions = {}): Promise<SeedDemoResult | null> {
  const started = performance.now();
  const now = options.now ?? new Date();
  const prepared = prepareDocuments(demoOutline);
  // One derivation for all demo accounts: the password is published in the README, so
  // separate salts would protect nothing here, and 41 scrypt runs cost seconds on a small box.
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  const result = db.transaction(
    (tx) => {
      if (options.onlyIfEmpty && userCount(tx) > 0) return null;
      const existing = tx.select({ id: workspaces.id }).from(workspaces).where(eq(workspaces.isDemo, true)).all();
      if (existing.length && !options.replace) throw new DemoExistsError(existing[0]!.id);
      for (const { id } of existing) removeWorkspace(tx, id);
      return writeDemo(tx, { now, passwordHash, prepared });
    },
    { behavior: 'immediate' },
  );
  if (!result) return null;
  return {
    ...result,
    workspaceName: DEMO_WORKSPACE_NAME,
    moderatorEmail: demoModerator.email,
    password: DEMO_PASSWORD,
    durationMs: Math.round(performance.now() - started),
  };
}

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
type Reader = Pick<Db, 'select'>;

function userCount(db: Reader): number {
  return db.select({ n: count() }).from(users).get()?.n ?? 0;
}

/** Removes a demo workspace and the co-editing documents of its sections (they have no foreign key). */
function removeWorkspace(tx: Tx, workspaceId: string): void {
  const names = tx
    .select({ id: sections.id })
    .from(sections)
    .where(eq(sections.workspaceId, workspaceId))
    .all()
    .map((s) => docNames.section(s.id));
  if (names.length) {
    tx.delete(documentUpdates).where(inArray(documentUpdates.documentName, names)).run();
    tx.delete(documents).where(inArray(documents.name, names)).run();
  }
  tx.delete(workspaces).where(eq(workspaces.id, workspaceId)).run();
}

interface PreparedDocument {
  snapshot: Buffer;
  stateVector: Buffer;
  plainText: string;
  wordCount: number;
}

/**
 * Checks every text against the shared schema and converts it to the stored Yjs format
 * (the `default` XmlFragment the co-editing server and the editor use).
 */
function prepareDocuments(outline: DemoSection[]): Map<DemoSection, PreparedDocument> {
  const schema = editorSchema();
  const out = new Map<DemoSection, PreparedDocument>();
  const visit = (section: DemoSection) => {
    let node;
    try {
      node = schema.nodeFromJSON(section.text);
      node.check();
    } catch (err) {
      throw new Error(`Demo text of "${section.title}" does not fit the editor schema: ${(err as Error).message}`);
    }
    const ydoc = prosemirrorJSONToYDoc(schema, section.text, COLLAB_FIELD);
    const plainText = node.textBetween(0, node.content.size, '\n', '\n');
    out.set(section, {
      snapshot: Buffer.from(Y.encodeStateAsUpdate(ydoc)),
      // Written with the snapshot, as compaction does, so a cold document can answer its first sync from the stored bytes.
      stateVector: Buffer.from(Y.encodeStateVector(ydoc)),
      plainText,
      wordCount: plainText.split(/\s+/).filter(Boolean).length,
    });
    ydoc.destroy();
    section.children?.forEach(visit);
  };
  outline.forEach(visit);
  return out;
}

const dayMs = 86_400_000;

function writeDemo(
  tx: Tx,
  input: { now: Date; passwordHash: string; prepared: Map<DemoSection, PreparedDocument> },
): Omit<SeedDemoResult, keyof DemoSummary | 'durationMs'> {
  const { now, passwordHash, prepared } = input;
  // History happens during office hours on past days; `tick` spreads events of one day apart.
  let tick = 0;
  const at = (daysAgo: number): Date => {
    const d = new Date(now.getTime() - daysAgo * dayMs);
    d.setUTCHours(7 + (tick % 9), (tick * 13) % 60, (tick * 7) % 60, 0);
    tick++;
    return d.getTime() < now.getTime() ? d : new Date(now.getTime() - 60_000);
  };
  const isoDay = (inDays: number) => new Date(now.getTime() + inDays * dayMs).toISOString().slice(0, 10);

  const audit: Array<typeof auditLog.$inferInsert> = [];
  const workspaceId = randomUUID();
  const log = (
    createdAt: Date,
    actorId: string,
    action: string,
    entityType: string,
    entityId: string,
    data: Record<string, unknown>,
  ) => audit.push({ workspaceId, actorId, action, entityType, entityId, data, createdAt });

  // Accounts: reuse existing ones with a demo address, create the others.
  const reusedAccounts: string[] = [];
  const ensureUser = (person: DemoPerson, isAdmin: boolean): string => {
    const found = tx.select({ id: users.id }).from(users).where(eq(users.email, person.email)).get();
    if (found) {
      reusedAccounts.push(person.email);
      return found.id;
    }
    const createdAt = new Date(now.getTime() - 42 * dayMs);
    return tx
      .insert(users)
      .values({ ...person, passwordHash, isAdmin, createdAt, updatedAt: createdAt })
      .returning({ id: users.id })
      .get().id;
  };
  const moderatorId = ensureUser(demoModerator, true);
  const memberIds = demoMembers.map((m) => ensureUser(m, false));
  const observerId = ensureUser(demoObserver, false);
  const person = (ref: PersonRef): string => (typeof ref === 'number' ? memberIds[ref - 1]! : moderatorId);

  const founded = at(42);
  tx.insert(workspaces)
    .values({ id: workspaceId, name: DEMO_WORKSPACE_NAME, description: DEMO_DESCRIPTION, isDemo: true, createdAt: founded, updatedAt: founded })
    .run();
  log(founded, moderatorId, 'workspace.created', 'workspace', workspaceId, { name: DEMO_WORKSPACE_NAME });

  const people: Array<[string, DemoPerson, Role, number]> = [
    [moderatorId, demoModerator, 'moderator', 42],
    ...memberIds.map((id, i): [string, DemoPerson, Role, number] => [id, demoMembers[i]!, 'member', 42 - (i % 3)]),
    [observerId, demoObserver, 'observer', 39],
  ];
  for (const [userId, who, role, daysAgo] of people) {
    const createdAt = at(daysAgo);
    tx.insert(memberships).values({ workspaceId, userId, role, createdAt, updatedAt: createdAt }).run();
    // Same shape as the API's memberAdder writes, so the activity feed reads both alike.
    log(createdAt, moderatorId, 'member.added', 'member', userId, { role, name: who.name });
  }

  const topicIds = new Map<string, string>();
  const topicLead = new Map<string, string>();
  demoTopics.forEach((topic, position) => {
    const id = randomUUID();
    topicIds.set(topic.key, id);
    topicLead.set(topic.key, person(topic.leads[0]!));
    const createdAt = at(topic.createdDaysAgo);
    tx.insert(topics)
      .values({ id, workspaceId, title: topic.title, description: topic.description, position, createdAt, updatedAt: createdAt })
      .run();
    log(createdAt, moderatorId, 'topic.created', 'topic', id, { title: topic.title });
    for (const n of topic.members) {
      const isLead = topic.leads.includes(n);
      const joined = at(topic.createdDaysAgo - 1);
      tx.insert(subgroupMembers).values({ topicId: id, userId: person(n), isLead, createdAt: joined }).run();
      log(joined, moderatorId, 'subgroup.member_added', 'topic', id, { userId: person(n), lead: isLead });
    }
  });

  let sectionCount = 0;
  let wordCount = 0;
  const writeSection = (section: DemoSection, parentId: string | null, position: number) => {
    const id = randomUUID();
    const topicId = section.topic ? topicIds.get(section.topic) : undefined;
    if (section.topic && !topicId) throw new Error(`Demo section "${section.title}" names an unknown topic ${section.topic}.`);
    const createdById = parentId && section.topic ? topicLead.get(section.topic)! : moderatorId;
    const createdAt = at(section.createdDaysAgo);
    const editedAt = at(section.editedDaysAgo);
    const assigneeId = section.assignee === undefined ? null : person(section.assignee);
    const dueDate = section.dueInDays === undefined ? null : isoDay(section.dueInDays);
    tx.insert(sections)
      .values({
        id,
        workspaceId,
        parentId,
        topicId: topicId ?? null,
        title: section.title,
        position,
        status: section.status,
        assigneeId,
        dueDate,
        createdById,
        createdAt,
        updatedAt: editedAt,
      })
      .run();
    log(createdAt, createdById, 'section.created', 'section', id, { title: section.title, parentId, topicId: topicId ?? null });
    // Data shapes as the API's sectionUpdater writes them, so the activity feed reads both alike.
    const { title } = section;
    if (assigneeId) log(at(section.createdDaysAgo), createdById, 'section.assigned', 'section', id, { from: null, to: assigneeId, title });
    if (dueDate) log(at(section.createdDaysAgo), createdById, 'section.due_changed', 'section', id, { from: null, to: dueDate });
    if (section.status !== 'draft') {
      const by = section.topic ? topicLead.get(section.topic)! : moderatorId;
      log(at(section.editedDaysAgo), by, 'section.status_changed', 'section', id, { from: 'draft', to: 'review', title });
    }
    if (section.status === 'final') {
      log(at(Math.max(section.editedDaysAgo - 1, 1)), moderatorId, 'section.status_changed', 'section', id, { from: 'review', to: 'final', title });
    }

    const doc = prepared.get(section)!;
    tx.insert(documents)
      .values({
        name: docNames.section(id),
        snapshot: doc.snapshot,
        stateVector: doc.stateVector,
        compactedThrough: 0,
        plainText: doc.plainText,
        wordCount: doc.wordCount,
        lastEditedById: person(section.lastEditor),
        lastEditedAt: editedAt,
        updatedAt: editedAt,
      })
      .run();
    sectionCount++;
    wordCount += doc.wordCount;
    section.children?.forEach((child, i) => writeSection(child, id, i));
  };
  demoOutline.forEach((section, i) => writeSection(section, null, i));

  audit.sort((a, b) => a.createdAt!.getTime() - b.createdAt!.getTime());
  // Chunked: SQLite limits the number of bound parameters per statement.
  for (let i = 0; i < audit.length; i += 100) tx.insert(auditLog).values(audit.slice(i, i + 100)).run();

  return { workspaceId, reusedAccounts, sectionCount, wordCount };
}
