/** Random bearer secrets (session cookies, access tokens, invitations), hashed at rest. */
import { createHmac, randomBytes } from 'node:crypto';

export function newSecret(prefix: string): string {
  return `${prefix}_${randomBytes(32).toString('base64url')}`;
}

/** HMAC with the instance secret: a copy of the database alone cannot be used to log in. */
export function hashSecret(key: Buffer, secret: string): string {
  return createHmac('sha256', key).update(secret).digest('hex');
}
