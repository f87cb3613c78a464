/** Mounts one router per API resource. Each folder holds one handler per action. */
import { Router } from 'express';
import type { AppContext } from '../context';
import { authRouter } from './auth/index';

export function apiRouter(ctx: AppContext): Router {
  const router = Router();
  router.use(authRouter(ctx));
  return router;
}
