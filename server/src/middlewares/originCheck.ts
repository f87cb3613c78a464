/**
 * Cookie-authenticated requests that change state must come from the app's own origin.
 * Browsers send `Origin` (and `Sec-Fetch-Site`) on such requests; bearer-token requests
 * are exempt because a browser never attaches a token on its own.
 */
import type { NextFunction, Request, Response } from 'express';
import { ErrorCodes } from '@konvent/shared';
import { bearerToken } from '../auth/authenticate';
import type { Config } from '../config';
import { HttpError } from '../errors';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

export function originCheck(config: Config) {
  return (req: Request, _res: Response, next: NextFunction) => {
    if (safeMethods.has(req.method) || bearerToken(req)) return next();
    const fetchSite = req.get('sec-fetch-site');
    if (fetchSite && fetchSite !== 'same-origin' && fetchSite !== 'none') {
      return next(new HttpError(403, ErrorCodes.BadOrigin, 'Requests from other sites are not accepted.'));
    }
    const origin = req.get('origin');
    if (origin && origin !== 'null') {
      const own = new Set<string>([`${req.protocol}://${req.get('host')}`]);
      if (config.publicUrl) own.add(config.publicUrl);
      if (!own.has(origin)) {
        return next(new HttpError(403, ErrorCodes.BadOrigin, `Requests from ${origin} are not accepted.`));
      }
    }
    next();
  };
}
