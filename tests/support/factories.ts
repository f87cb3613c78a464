/**
 * Factories that write straight into a test server's database and create missing parents:
 * `buildSection(db)` makes a workspace for it, `buildMember(db, { workspaceId })` a user.
 * Every factory returns the inserted row.
 */
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import {
  apiTokens,
  memberships,
  sections,
  subgroupMembers,
  topics,
  users,
  workspaces,
  type Db,
} from '@konvent/db';
import type { Role, SectionStatus } from '@konvent/shared';
import { hashPasswordSync } from './passwords';

export const TEST_PASSWORD = 'test-password-123';
let passwordHash: string | undefined;

let counter = 0;
const next = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

export function buildUser(db: Db, overrides: Partial<typeof users.$inferInsert> = {}) {
  passwordHash ??= hashPasswordSync(TEST_PASSWORD);
  const n = next();
  return db
    .insert(users)
    .values({ email: `user-${n}@example.org`, name: `Test Person ${n}`, passwordHash, ...overrides })
    .returning()
    .get();
}

export function buildWorkspace(db: Db, overrides: Partial<typeof workspaces.$inferInsert> = {}) {
  return db.insert(workspaces).values({ name: `Arbeitskreis ${next()}`, ...overrides }).returning().get();
}

/** A user with a membership (creates the workspace and the user when not given). */
export function buildMember(
  db: Db,
  options: { workspaceId?: string; role?: Role; user?: Partial<typeof users.$inferInsert> } = {},
) {
  const workspaceId = options.workspaceId ?? buildWorkspace(db).id;
  const user = buildUser(db, options.user);
  db.insert(memberships).values({ workspaceId, userId: user.id, role: options.role ?? 'member' }).run();
  return { ...user, workspaceId, role: options.role ?? 'member' };
}

export function buildTopic(db: Db, overrides: Partial<typeof topics.$inferInsert> = {}) {
  const workspaceId = overrides.workspaceId ?? buildWorkspace(db).id;
  return db.insert(topics).values({ title: `Fokusthema ${next()}`, ...overrides, workspaceId }).returning().get();
}

export function addToSubgroup(db: Db, topicId: string, userId: string, isLead = false) {
  db.insert(subgroupMembers).values({ topicId, userId, isLead }).run();
}

export function buildSection(
  db: Db,
  overrides: Partial<typeof sections.$inferInsert> & { status?: SectionStatus } = {},
) {
  const workspaceId = overrides.workspaceId ?? buildWorkspace(db).id;
  return db
    .insert(sections)
    .values({ title: `Abschnitt ${next()}`, ...overrides, workspaceId })
    .returning()
    .get();
}

/**
 * A workspace with one of each kind of person, a topic whose subgroup has a lead and a
 * member, and a section of that topic: the cast of the role matrix tests.
 */
export function buildCast(db: Db) {
  const workspace = buildWorkspace(db);
  const workspaceId = workspace.id;
  const moderator = buildMember(db, { workspaceId, role: 'moderator' });
  const lead = buildMember(db, { workspaceId, role: 'member' });
  const member = buildMember(db, { workspaceId, role: 'member' });
  const outsider = buildMember(db, { workspaceId, role: 'member' });
  const observer = buildMember(db, { workspaceId, role: 'observer' });
  const stranger = buildMember(db, { role: 'moderator' });
  const topic = buildTopic(db, { workspaceId });
  addToSubgroup(db, topic.id, lead.id, true);
  addToSubgroup(db, topic.id, member.id, false);
  const section = buildSection(db, { workspaceId, topicId: topic.id });
  return { workspace, moderator, lead, member, outsider, observer, stranger, topic, section };
}

export const uid = () => randomUUID();

/** A client signed in as `user` (who must have the factory password). */
export async function signIn(baseUrl: string, user: { email: string }) {
  const { ApiClient } = await import('./http');
  const api = new ApiClient(baseUrl);
  await api.login(user.email, TEST_PASSWORD);
  return api;
}

/** Tables a refused request must leave untouched (login sessions change on every login). */
const watchedTables = [
  'users',
  'api_tokens',
  'workspaces',
  'memberships',
  'invitations',
  'topics',
  'subgroup_members',
  'sections',
  'audit_log',
  'notifications',
];

/** Every row of the watched tables, to compare before and after a refused request. */
export function snapshotDatabase(db: Db): Record<string, unknown[]> {
  return Object.fromEntries(
    watchedTables.map((table) => [table, db.$client.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all()]),
  );
}

/**
 * A personal access token for `userId`, written straight into the database (same hashing
 * as server/src/auth/secrets.ts). Much faster than signing in when a test needs many callers.
 */
export function buildApiToken(db: Db, secret: Buffer, userId: string): string {
  const token = `kt_${randomBytes(32).toString('base64url')}`;
  db.insert(apiTokens)
    .values({
      userId,
      name: 'test token',
      tokenHash: createHmac('sha256', secret).update(token).digest('hex'),
      prefix: token.slice(0, 8),
      // Used just now, so a request does not write lastUsedAt into a snapshot comparison.
      lastUsedAt: new Date(),
    })
    .run();
  return token;
}
