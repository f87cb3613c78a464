/** Server-side login sessions behind an HttpOnly cookie, and personal access tokens. */
import { eq, lt, sql } from 'drizzle-orm';
import { apiTokens, loginSessions, perDatabase, users, type Db } from '@konvent/db';
import { hashSecret, newSecret } from './secrets';

export type UserRow = typeof users.$inferSelect;

/** Refresh `lastSeenAt` (and slide the expiry) at most this often, to spare writes. */
const touchIntervalMs = 5 * 60 * 1000;

export function createLoginSession(
  db: Db,
  key: Buffer,
  userId: string,
  days: number,
  userAgent: string | undefined,
): { token: string; expiresAt: Date } {
  const token = newSecret('ks');
  const now = new Date();
  const expiresAt = new Date(now.getTime() + days * 86_400_000);
  db.insert(loginSessions)
    .values({ id: hashSecret(key, token), userId, lastSeenAt: now, expiresAt, userAgent: userAgent?.slice(0, 300) ?? null })
    .run();
  return { token, expiresAt };
}

/**
 * The lookups run on every request and every co-editing connection: built and prepared
 * once per database, not per call (drizzle's builder plus a prepare was most of the cost).
 */
function prepareLookups(db: Db) {
  return {
    session: db
      .select({ user: users, session: loginSessions })
      .from(loginSessions)
      .innerJoin(users, eq(users.id, loginSessions.userId))
      .where(eq(loginSessions.id, sql.placeholder('id')))
      .prepare(),
    apiToken: db
      .select({ user: users, tokenId: apiTokens.id, lastUsedAt: apiTokens.lastUsedAt })
      .from(apiTokens)
      .innerJoin(users, eq(users.id, apiTokens.userId))
      .where(eq(apiTokens.tokenHash, sql.placeholder('hash')))
      .prepare(),
    // The touches run on a first use after a while, which a join of many people makes
    // hundreds of at once: prepared as well (times in ms, as the columns store them).
    touchSession: db
      .update(loginSessions)
      .set({ lastSeenAt: sql`${sql.placeholder('now')}`, expiresAt: sql`${sql.placeholder('expiresAt')}` })
      .where(eq(loginSessions.id, sql.placeholder('id')))
      .prepare(),
    touchApiToken: db
      .update(apiTokens)
      .set({ lastUsedAt: sql`${sql.placeholder('now')}` })
      .where(eq(apiTokens.id, sql.placeholder('id')))
      .prepare(),
  };
}

const lookupsFor = perDatabase(prepareLookups);

/** Prepares the lookups ahead of the first request (startup, off the first caller's path). */
export function prepareAuthLookups(db: Db): void {
  lookupsFor(db);
}

export function userForSessionToken(db: Db, key: Buffer, token: string, days: number): UserRow | null {
  const id = hashSecret(key, token);
  const now = new Date();
  const row = lookupsFor(db).session.get({ id });
  // Expiry is checked here rather than in SQL: same rule, and the statement needs no date parameter.
  if (!row || !(row.session.expiresAt.getTime() > now.getTime())) return null;
  if (now.getTime() - row.session.lastSeenAt.getTime() > touchIntervalMs) {
    lookupsFor(db).touchSession.run({ id, now: now.getTime(), expiresAt: now.getTime() + days * 86_400_000 });
  }
  return row.user;
}

export function deleteLoginSession(db: Db, key: Buffer, token: string): void {
  db.delete(loginSessions).where(eq(loginSessions.id, hashSecret(key, token))).run();
}

export function deleteExpiredSessions(db: Db): number {
  return db.delete(loginSessions).where(lt(loginSessions.expiresAt, new Date())).run().changes;
}

export function createApiToken(db: Db, key: Buffer, userId: string, name: string) {
  const token = newSecret('kt');
  const row = db
    .insert(apiTokens)
    .values({ userId, name, tokenHash: hashSecret(key, token), prefix: token.slice(0, 8) })
    .returning()
    .get();
  return { token, row };
}

export function userForApiToken(db: Db, key: Buffer, token: string): UserRow | null {
  const prepared = lookupsFor(db);
  const row = prepared.apiToken.get({ hash: hashSecret(key, token) });
  if (!row) return null;
  const now = Date.now();
  if (!row.lastUsedAt || now - row.lastUsedAt.getTime() > touchIntervalMs) {
    prepared.touchApiToken.run({ id: row.tokenId, now });
  }
  return row.user;
}
