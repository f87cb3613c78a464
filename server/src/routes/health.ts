import { Router } from 'express';
import { sql } from 'drizzle-orm';
import type { AppContext } from '../context';

/** `GET /healthz`: 200 when the process serves and the database answers, else 503. */
export function healthRouter(ctx: AppContext): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    try {
      ctx.db.get(sql`select 1`);
      res.set('Cache-Control', 'no-store').json({ status: 'ok' });
    } catch (err) {
      ctx.logger.error('health check failed', { err: String(err) });
      res.status(503).json({ error: { code: 'unavailable', message: 'The database does not answer.' } });
    }
  });
  return router;
}
