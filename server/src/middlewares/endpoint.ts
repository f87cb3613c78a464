/**
 * Every handler reads the same way:
 *   authenticate → validate → load → authorize → mutate → respond with a presenter.
 * `endpoint()` does the first two and the last; the handler body does load, authorize and
 * mutate, and returns the presenter output (or undefined for 204).
 */
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type * as z from 'zod/mini';
import { authenticateRequest, type Authentication } from '../auth/authenticate';
import type { AppContext } from '../context';
import { unauthenticated } from '../errors';
import { parseInput } from './validate';

type Schema = z.ZodMiniType | undefined;
type Out<S> = S extends z.ZodMiniType ? z.output<S> : undefined;

export interface EndpointOptions<B extends Schema, Q extends Schema> {
  /** Allow callers without a session or token (login, health, invitations). */
  public?: boolean;
  body?: B;
  query?: Q;
  /** Status for a successful answer (default 200, or 204 when the handler returns undefined). */
  status?: number;
}

export interface EndpointArgs<B extends Schema, Q extends Schema, P extends boolean> {
  req: Request;
  res: Response;
  auth: P extends true ? Authentication | null : Authentication;
  body: Out<B>;
  query: Out<Q>;
  params: Record<string, string>;
}

export function endpoint<B extends Schema = undefined, Q extends Schema = undefined, P extends boolean = false>(
  ctx: AppContext,
  options: EndpointOptions<B, Q> & { public?: P },
  handler: (args: EndpointArgs<B, Q, P>) => unknown,
): RequestHandler {
  return async (req: Request, res: Response, next: NextFunction) => {
    try {
      const auth = authenticateRequest(ctx, req);
      if (!auth && !options.public) throw unauthenticated();
      const body = options.body ? parseInput(options.body, req.body ?? {}, 'body') : undefined;
      const query = options.query ? parseInput(options.query, req.query, 'query') : undefined;
      const result = await handler({
        req,
        res,
        auth: auth as EndpointArgs<B, Q, P>['auth'],
        body: body as Out<B>,
        query: query as Out<Q>,
        params: req.params as Record<string, string>,
      });
      if (res.headersSent) return;
      if (result === undefined) res.status(options.status ?? 204).end();
      else res.status(options.status ?? 200).json(result);
    } catch (err) {
      next(err);
    }
  };
}
