import type { Request } from 'express';
import type { Config } from '../../config';

/** The link a person opens to accept; the configured public origin wins over the request's. */
export function invitationUrl(config: Config, req: Request, token: string): string {
  const origin = config.publicUrl ?? `${req.protocol}://${req.get('host')}`;
  return `${origin}/einladung/${encodeURIComponent(token)}`;
}
