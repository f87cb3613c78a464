import type { PresentUserJSON, SectionPresenceJSON } from '@konvent/shared';

/** Who is in a section: only id and name leave the server (no e-mail, no organisation). */
export function presentSectionPresence(sectionId: string, users: PresentUserJSON[]): SectionPresenceJSON {
  return { sectionId, users: users.map(({ id, name }) => ({ id, name })) };
}
