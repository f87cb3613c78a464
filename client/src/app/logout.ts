/**
 * Logging out when the server cannot be reached (offline, server restarting): the browser
 * still holds the session cookie, which only the server can end (it is HttpOnly). On a shared
 * office computer the next person opening Konvent would then be signed in as the last one.
 * So a logout that did not reach the server is remembered, and finished before anything
 * else talks to the server: before the app asks who is signed in, and before a new login.
 */
import { ApiError, api } from '../api/client';

const pendingKey = 'konvent.logoutPending';

function pending(): boolean {
  try {
    return localStorage.getItem(pendingKey) === '1';
  } catch {
    return false;
  }
}

function setPending(value: boolean): void {
  try {
    if (value) localStorage.setItem(pendingKey, '1');
    else localStorage.removeItem(pendingKey);
  } catch {
    // Without storage nothing can be remembered; the logout itself was tried.
  }
}

/** Ends the session on the server; throws when the server could not be reached or refused. */
async function endSession(): Promise<void> {
  try {
    await api('/auth/logout', { method: 'POST', allowUnauthenticated: true });
  } catch (err) {
    // 401: the session was already gone, which is what logout wants.
    if (!(err instanceof ApiError && err.status === 401)) throw err;
  }
}

/** Ends the session on the server; when that fails, remembers to end it next time. */
export async function logoutOnServer(): Promise<void> {
  try {
    await endSession();
    setPending(false);
  } catch {
    setPending(true);
  }
}

/**
 * Finishes a logout that could not reach the server. Throws while the server is still out
 * of reach, so that nothing proceeds on the old session.
 */
export async function finishPendingLogout(): Promise<void> {
  if (!pending()) return;
  await endSession();
  setPending(false);
}
