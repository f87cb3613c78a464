/** The HttpOnly login session cookie, set by login and by accepting an invitation. */
import type { Response } from 'express';
import { SESSION_COOKIE } from '@konvent/shared';
import type { Config } from '../config';

function cookieOptions(config: Config) {
  return {
    httpOnly: true,
    sameSite: 'lax' as const,
    // Behind plain http (local start) a Secure cookie would never come back.
    secure: config.publicUrl?.startsWith('https:') ?? false,
    path: '/',
  };
}

export function setSessionCookie(res: Response, config: Config, token: string, expires: Date): void {
  res.cookie(SESSION_COOKIE, token, { ...cookieOptions(config), expires });
}

export function clearSessionCookie(res: Response, config: Config): void {
  res.clearCookie(SESSION_COOKIE, cookieOptions(config));
}
