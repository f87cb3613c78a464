import type { NextFunction, Request, Response } from 'express';
import { ErrorCodes, limits } from '@konvent/shared';
import { HttpError } from '../errors';
import type { Logger } from '../logger';

/** Turns every error into the JSON error shape; a client's mistake never becomes a 500. */
export function errorHandler(logger: Logger) {
  return (err: unknown, req: Request, res: Response, _next: NextFunction) => {
    let error: HttpError;
    if (err instanceof HttpError) error = err;
    else if (isBodyParserError(err) && err.type === 'entity.too.large') {
      error = new HttpError(413, ErrorCodes.PayloadTooLarge, `The request body is larger than ${limits.jsonBodyBytes} bytes.`);
    } else if (isBodyParserError(err) && err.type === 'entity.parse.failed') {
      error = new HttpError(400, ErrorCodes.InvalidJson, 'The request body is not valid JSON.');
    } else if (isBodyParserError(err) && typeof err.status === 'number' && err.status < 500) {
      error = new HttpError(err.status, ErrorCodes.ValidationFailed, err.message);
    } else {
      logger.error('request failed', { method: req.method, path: req.path, err: String((err as Error)?.stack ?? err) });
      error = new HttpError(500, ErrorCodes.Internal, 'Something went wrong on the server.');
    }
    if (res.headersSent) return;
    if (error.headers) res.set(error.headers);
    res.status(error.status).json({
      error: { code: error.code, message: error.message, ...(error.details !== undefined ? { details: error.details } : {}) },
    });
  };
}

function isBodyParserError(err: unknown): err is { type: string; status?: number; message: string } {
  return typeof err === 'object' && err !== null && 'type' in err && typeof (err as { type: unknown }).type === 'string';
}
