import { Router } from 'express';
import { and, eq, ne } from 'drizzle-orm';
import { loginSessions, memberships, users, workspaces } from '@konvent/db';
import { ErrorCodes, changePasswordSchema, loginSchema, type MembershipJSON } from '@konvent/shared';
import { clearSessionCookie, setSessionCookie } from '../../auth/cookie';
import { hashPassword, verifyPassword } from '../../auth/passwords';
import { hashSecret } from '../../auth/secrets';
import { createLoginSession, deleteLoginSession } from '../../auth/sessions';
import type { AppContext } from '../../context';
import { HttpError, badRequest, tooManyRequests } from '../../errors';
import { endpoint } from '../../middlewares/endpoint';
import { AttemptLimiter } from '../../middlewares/rateLimit';
import { presentUser } from '../../presenters/user';
import { recordAudit } from '../../commands/auditRecorder';

const invalidCredentials = () =>
  new HttpError(401, ErrorCodes.InvalidCredentials, 'E-mail address or password is not correct.');

export function authRouter(ctx: AppContext): Router {
  const router = Router();
  const { db, config } = ctx;
  // Failed attempts only: many people behind one municipal NAT must still be able to log in.
  const perClient = new AttemptLimiter(30, 10 * 60_000);
  const perAccount = new AttemptLimiter(10, 15 * 60_000);

  router.post(
    '/auth/login',
    endpoint(ctx, { public: true, body: loginSchema }, async ({ req, res, body }) => {
      const clientKey = req.ip ?? 'unknown';
      const wait = Math.max(perClient.retryAfter(clientKey), perAccount.retryAfter(body.email));
      if (wait > 0) throw tooManyRequests(wait);
      const user = db.select().from(users).where(eq(users.email, body.email)).get();
      const ok = await verifyPassword(body.password, user?.passwordHash ?? null);
      if (!user || !ok) {
        perClient.fail(clientKey);
        perAccount.fail(body.email);
        throw invalidCredentials();
      }
      perAccount.reset(body.email);
      const session = createLoginSession(db, config.secret, user.id, config.sessionDays, req.get('user-agent'));
      setSessionCookie(res, config, session.token, session.expiresAt);
      return { user: presentUser(user) };
    }),
  );

  router.post(
    '/auth/logout',
    endpoint(ctx, { public: true }, ({ res, auth }) => {
      if (auth?.sessionToken) deleteLoginSession(db, config.secret, auth.sessionToken);
      clearSessionCookie(res, config);
      return undefined;
    }),
  );

  router.get(
    '/me',
    endpoint(ctx, {}, ({ auth }) => {
      const rows = db
        .select({ workspaceId: workspaces.id, workspaceName: workspaces.name, role: memberships.role })
        .from(memberships)
        .innerJoin(workspaces, eq(workspaces.id, memberships.workspaceId))
        .where(eq(memberships.userId, auth.user.id))
        .orderBy(workspaces.name)
        .all();
      const list: MembershipJSON[] = rows;
      return { user: presentUser(auth.user), memberships: list };
    }),
  );

  router.post(
    '/auth/password',
    endpoint(ctx, { body: changePasswordSchema }, async ({ auth, body }) => {
      if (!(await verifyPassword(body.currentPassword, auth.user.passwordHash))) {
        throw badRequest('Invalid currentPassword: the current password is not correct.', {
          issues: [{ field: 'currentPassword', code: 'incorrect', message: 'The current password is not correct.' }],
        });
      }
      const passwordHash = await hashPassword(body.newPassword);
      db.transaction((tx) => {
        tx.update(users).set({ passwordHash }).where(eq(users.id, auth.user.id)).run();
        // Every other login session of this person ends; this one stays.
        const keep = auth.sessionToken ? hashSecret(config.secret, auth.sessionToken) : '';
        tx.delete(loginSessions).where(and(eq(loginSessions.userId, auth.user.id), ne(loginSessions.id, keep))).run();
        recordAudit(tx, { actorId: auth.user.id, action: 'user.password_changed', entityType: 'user', entityId: auth.user.id });
      });
      return undefined;
    }),
  );

  return router;
}
