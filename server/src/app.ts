/** The Express app: security headers, body parsing, origin check, the API, the client. */
import express, { type Express } from 'express';
import helmet from 'helmet';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ErrorCodes, limits } from '@konvent/shared';
import type { AppContext } from './context';
import { HttpError } from './errors';
import { errorHandler } from './middlewares/errorHandler';
import { originCheck } from './middlewares/originCheck';
import { apiRouter } from './routes/index';
import { healthRouter } from './routes/health';

export function createApp(ctx: AppContext): Express {
  const { config, logger } = ctx;
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxy);
  app.set('etag', false);

  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          // ProseMirror and the collaboration caret set style attributes from script.
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:', 'blob:'],
          fontSrc: ["'self'"],
          connectSrc: ["'self'"],
          objectSrc: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
          workerSrc: ["'self'", 'blob:'],
        },
      },
      strictTransportSecurity: config.publicUrl?.startsWith('https:') ? undefined : false,
      crossOriginEmbedderPolicy: false,
    }),
  );

  app.use(healthRouter(ctx));

  app.use('/api', express.json({ limit: limits.jsonBodyBytes, strict: true, type: ['application/json', 'application/*+json'] }));
  app.use('/api', originCheck(config));
  app.use('/api', (_req, res, next) => {
    res.set('Cache-Control', 'no-store');
    next();
  });
  app.use('/api', apiRouter(ctx));
  app.use('/api', (req, _res, next) =>
    next(new HttpError(404, ErrorCodes.NotFound, `No API route ${req.method} ${req.baseUrl}${req.path}.`)),
  );

  const dist = config.clientDist;
  if (dist && existsSync(join(dist, 'index.html'))) {
    app.use(
      express.static(dist, {
        index: false,
        setHeaders: (res, path) => {
          // Vite fingerprints everything under assets/: cache it for a year.
          if (path.includes(`${join(dist, 'assets')}`)) res.set('Cache-Control', 'public, max-age=31536000, immutable');
        },
      }),
    );
    app.get(/^\/(?!api\/|collab\/|socket\.io\/).*/, (_req, res) => {
      res.set('Cache-Control', 'no-cache');
      res.sendFile(join(dist, 'index.html'));
    });
  } else {
    logger.warn('client build not found; serving the API only', { clientDist: dist });
  }

  app.use((req, _res, next) => next(new HttpError(404, ErrorCodes.NotFound, `Nothing at ${req.path}.`)));
  app.use(errorHandler(logger));
  return app;
}
