import { forbidden, notFound } from '../errors';

/**
 * Throws unless `allowed`. `hide` answers 404 instead of 403 where the existence of the
 * thing must not leak (anything in a workspace the caller is not a member of).
 */
export function authorize(allowed: boolean, options: { hide?: string; message?: string } = {}): void {
  if (allowed) return;
  if (options.hide) throw notFound(options.hide);
  throw forbidden(options.message);
}
