/** Personal access tokens of the caller: list, create (shown once), revoke. */
import { Router } from 'express';
import { and, desc, eq } from 'drizzle-orm';
import { apiTokens } from '@konvent/db';
import { createTokenSchema, type CreatedApiTokenJSON } from '@konvent/shared';
import { createApiToken } from '../../auth/sessions';
import type { AppContext } from '../../context';
import { endpoint } from '../../middlewares/endpoint';
import { authorize } from '../../policies/authorize';
import { presentApiToken } from '../../presenters/apiToken';

export function tokensRouter(ctx: AppContext): Router {
  const router = Router();
  const { db, config } = ctx;

  router.get(
    '/tokens',
    endpoint(ctx, {}, ({ auth }) => {
      const rows = db
        .select()
        .from(apiTokens)
        .where(eq(apiTokens.userId, auth.user.id))
        .orderBy(desc(apiTokens.createdAt))
        .all();
      return { data: rows.map(presentApiToken) };
    }),
  );

  router.post(
    '/tokens',
    endpoint(ctx, { body: createTokenSchema, status: 201 }, ({ auth, body }): CreatedApiTokenJSON => {
      const { token, row } = createApiToken(db, config.secret, auth.user.id, body.name);
      return { token, apiToken: presentApiToken(row) };
    }),
  );

  router.delete(
    '/tokens/:tokenId',
    endpoint(ctx, {}, ({ auth, params }) => {
      // Someone else's token answers exactly like one that does not exist.
      const row = db
        .select({ id: apiTokens.id })
        .from(apiTokens)
        .where(and(eq(apiTokens.id, params.tokenId!), eq(apiTokens.userId, auth.user.id)))
        .get();
      authorize(!!row, { hide: 'Token' });
      db.delete(apiTokens).where(eq(apiTokens.id, row!.id)).run();
      return undefined;
    }),
  );

  return router;
}
