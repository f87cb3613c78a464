/**
 * The one way the client talks to the JSON API: same-origin credentials, JSON in and out,
 * and the error shape `{ error: { code, message, details } }` mapped to a typed ApiError.
 * A 401 on a request that needs a session hands over to `onUnauthenticated` (the router sends
 * the person to the login page and back afterwards).
 */
import type { ApiErrorBody } from '@konvent/shared';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    /** Seconds to wait, from Retry-After on a 429. */
    readonly retryAfter?: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The field names the server named in a validation error, if any. */
  get fields(): string[] {
    const issues = (this.details as { issues?: Array<{ field?: string }> } | undefined)?.issues;
    return Array.isArray(issues) ? issues.flatMap((i) => (i.field ? [i.field] : [])) : [];
  }
}

/** Network failures (server down, offline) are reported as status 0. */
export const networkErrorCode = 'network_error';

let unauthenticatedHandler: (() => void) | null = null;

/** Registered once by the app; called when a session-bound request answers 401. */
export function onUnauthenticated(handler: () => void): void {
  unauthenticatedHandler = handler;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  /** Do not redirect to the login page on 401 (login itself, public pages). */
  allowUnauthenticated?: boolean;
  signal?: AbortSignal;
}

export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const { method = 'GET', body, allowUnauthenticated = false, signal } = options;
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(`/api${path}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError(0, networkErrorCode, 'The server could not be reached.');
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  let json: unknown = undefined;
  if (text) {
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
  }
  if (!res.ok) {
    const error = (json as Partial<ApiErrorBody> | undefined)?.error;
    const retry = Number(res.headers.get('Retry-After'));
    const apiError = new ApiError(
      res.status,
      error?.code ?? `http_${res.status}`,
      error?.message ?? res.statusText,
      error?.details,
      Number.isFinite(retry) && retry > 0 ? retry : undefined,
    );
    if (res.status === 401 && !allowUnauthenticated) unauthenticatedHandler?.();
    throw apiError;
  }
  return json as T;
}
