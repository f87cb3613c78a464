/** Errors that become the JSON error shape `{ error: { code, message, details? } }`. */
import { ErrorCodes, type ErrorCode } from '@konvent/shared';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | string,
    message: string,
    readonly details?: unknown,
    /** Extra response headers, e.g. Retry-After. */
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export const badRequest = (message: string, details?: unknown) =>
  new HttpError(400, ErrorCodes.ValidationFailed, message, details);
export const unauthenticated = (message = 'Not signed in.') =>
  new HttpError(401, ErrorCodes.Unauthenticated, message);
export const forbidden = (message = 'You are not allowed to do this.') =>
  new HttpError(403, ErrorCodes.Forbidden, message);
export const notFound = (what = 'Resource') =>
  new HttpError(404, ErrorCodes.NotFound, `${what} not found.`);
export const conflict = (message: string, details?: unknown) =>
  new HttpError(409, ErrorCodes.Conflict, message, details);
export const tooManyRequests = (retryAfterSeconds: number) =>
  new HttpError(429, ErrorCodes.RateLimited, 'Too many attempts. Please wait and try again.', undefined, {
    'Retry-After': String(Math.max(1, Math.ceil(retryAfterSeconds))),
  });
