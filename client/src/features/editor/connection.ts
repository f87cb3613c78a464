/**
 * The connection rules of the section editor, kept free of React and of the provider so
 * they read as a specification: how long to wait before the next attempt, and what a close
 * code from the co-editing server means for the client.
 */
import { CloseCodes, terminalCloseCodes } from '@konvent/shared';

/** The co-editing endpoint of this origin (ws: or wss: like the page). */
export function collabUrl(): string {
  return `${location.origin.replace(/^http/, 'ws')}/collab`;
}

/** First retry after about half a second, doubling up to half a minute. */
export const backoff = { baseMs: 500, maxMs: 30_000 } as const;

/**
 * Delay before reconnect attempt `attempt` (1, 2, …): exponential, capped, with "equal
 * jitter" (half fixed, half random) so that the forty people of a working group whose
 * connections dropped together (server restart, office Wi-Fi) do not all come back in the
 * same millisecond, while nobody waits less than half of the nominal step.
 */
export function reconnectDelay(attempt: number, random: () => number = Math.random): number {
  const step = Math.min(backoff.maxMs, backoff.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(step / 2 + random() * (step / 2));
}

export type CloseMeaning =
  /** 4401: the session is gone; only a new login helps. */
  | 'unauthorized'
  /** 4403 / 4404: no access or no such section; retrying cannot help. */
  | 'forbidden'
  | 'notFound'
  /** 4509: rights changed while connected; reconnect once to learn the new mode. */
  | 'permissionsChanged'
  /** Anything else (network loss, server restart, 1009/1007 on one message): retry with backoff. */
  | 'transient';

export function closeMeaning(code: number): CloseMeaning {
  if (code === CloseCodes.Unauthorized.code) return 'unauthorized';
  if (code === CloseCodes.Forbidden.code) return 'forbidden';
  if (code === CloseCodes.NotFound.code) return 'notFound';
  if (code === CloseCodes.PermissionsChanged.code) return 'permissionsChanged';
  // A code the shared list calls terminal but this client does not know yet: never loop on it.
  if (terminalCloseCodes.includes(code)) return 'forbidden';
  return 'transient';
}

export type RefusalKind = 'unauthorized' | 'forbidden' | 'notFound';

/** What the person sees about the connection; drives the status line and editability. */
export type ConnectionState =
  | { kind: 'connecting' }
  | { kind: 'connected'; resynced: boolean }
  | { kind: 'offline'; retrying: boolean }
  | { kind: 'refused'; refusal: RefusalKind };
