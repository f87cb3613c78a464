import type { UserJSON } from '@konvent/shared';
import type { UserRow } from '../auth/sessions';

/** The fields of a user that leave the server. Never the password hash. */
export function presentUser(user: UserRow): UserJSON {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    organisation: user.organisation,
    isAdmin: user.isAdmin,
  };
}
