/**
 * Who is calling: one function used by the REST API, socket.io and the co-editing upgrade.
 * Reads the session cookie, `Authorization: Bearer <token>`, or (where allowed) `?token=`.
 */
import type { IncomingMessage } from 'node:http';
import { SESSION_COOKIE } from '@konvent/shared';
import type { AppContext } from '../context';
import { userForApiToken, userForSessionToken, type UserRow } from './sessions';

export interface Authentication {
  user: UserRow;
  /** Cookie-authenticated writes must pass the origin check; token requests are exempt. */
  via: 'session' | 'token';
  /** The raw session token, to log out. */
  sessionToken?: string;
}

export function parseCookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!header) return out;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 1) continue;
    const name = part.slice(0, eq).trim();
    const raw = part.slice(eq + 1).trim();
    try {
      out[name] = decodeURIComponent(raw);
    } catch {
      out[name] = raw;
    }
  }
  return out;
}

export function bearerToken(req: IncomingMessage): string | undefined {
  const header = req.headers.authorization;
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  return match?.[1];
}

export function authenticateRequest(
  ctx: AppContext,
  req: IncomingMessage,
  options: { allowQueryToken?: boolean } = {},
): Authentication | null {
  const { db, config } = ctx;
  let token = bearerToken(req);
  if (!token && options.allowQueryToken && req.url) {
    token = new URL(req.url, 'http://localhost').searchParams.get('token') ?? undefined;
  }
  if (token) {
    if (token.length > 200) return null;
    const user = userForApiToken(db, config.secret, token);
    return user ? { user, via: 'token' } : null;
  }
  const cookie = parseCookies(req.headers.cookie)[SESSION_COOKIE];
  if (cookie && cookie.length <= 200) {
    const user = userForSessionToken(db, config.secret, cookie, config.sessionDays);
    if (user) return { user, via: 'session', sessionToken: cookie };
  }
  return null;
}
