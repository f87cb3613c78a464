/** Mounts one router per API resource. Each folder holds one handler per action. */
import { Router } from 'express';
import type { AppContext } from '../context';
import { activityRouter } from './activity/index';
import { authRouter } from './auth/index';
import { contentRouter } from './content/index';
import { invitationsRouter } from './invitations/index';
import { membersRouter } from './members/index';
import { sectionsRouter } from './sections/index';
import { tokensRouter } from './tokens/index';
import { topicsRouter } from './topics/index';
import { workspacesRouter } from './workspaces/index';
import { commentsRouter } from './comments/index';
import { notificationsRouter } from './notifications/index';
import { presenceRouter } from './presence/index';
import { searchRouter } from './search/index';
import { threadsRouter } from './threads/index';

export function apiRouter(ctx: AppContext): Router {
  const router = Router();
  router.use(authRouter(ctx));
  router.use(tokensRouter(ctx));
  router.use(workspacesRouter(ctx));
  router.use(membersRouter(ctx));
  router.use(invitationsRouter(ctx));
  router.use(topicsRouter(ctx));
  router.use(sectionsRouter(ctx));
  router.use(activityRouter(ctx));
  router.use(contentRouter(ctx));
  router.use(threadsRouter(ctx), commentsRouter(ctx), notificationsRouter(ctx), searchRouter(ctx));
  router.use(presenceRouter(ctx));
  return router;
}
