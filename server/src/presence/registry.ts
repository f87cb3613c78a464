/**
 * Who is in which section right now, from the open co-editing connections of this process.
 * The collab server reports each admitted connection once (`joined`) and its close once
 * (`left`); a person counts once per section however many tabs they have open, and leaves
 * when their last connection to that section closes.
 *
 * Changes are not pushed one by one: a section whose set of people changed is settled at
 * most once per `coalesceMs` (a join storm of a hundred clients is one `onSettled`), and a
 * settle that ends where the last one did (someone came and went in between) is skipped.
 */
import { compareCodeUnits, germanSortKey, type PresentUserJSON } from '@konvent/shared';

/** What the registry needs of a connection's grant (structurally the collab `Grant`). */
export interface PresenceConnection {
  workspaceId: string;
  sectionId: string;
  user: { id: string; name: string };
}

export interface PresenceOptions {
  /** The section's people changed since the last settle; `users` sorted by name, may be empty. */
  onSettled(workspaceId: string, sectionId: string, users: PresentUserJSON[]): void;
  coalesceMs: number;
}

interface Person {
  name: string;
  connections: number;
}

/** sectionId → userId → person, per workspace. */
type WorkspacePresence = Map<string, Map<string, Person>>;


export class PresenceRegistry {
  private readonly workspaces = new Map<string, WorkspacePresence>();
  /** Sections with a settle scheduled: sectionId → timer. */
  private readonly pending = new Map<string, NodeJS.Timeout>();
  /** The user ids of each section's last settle, to skip settles that change nothing. */
  private readonly settled = new Map<string, string>();
  private closed = false;

  constructor(private readonly options: PresenceOptions) {}

  joined({ workspaceId, sectionId, user }: PresenceConnection): void {
    let sections = this.workspaces.get(workspaceId);
    if (!sections) this.workspaces.set(workspaceId, (sections = new Map()));
    let people = sections.get(sectionId);
    if (!people) sections.set(sectionId, (people = new Map()));
    const person = people.get(user.id);
    if (person) {
      person.connections++;
      return;
    }
    people.set(user.id, { name: user.name, connections: 1 });
    this.changed(workspaceId, sectionId);
  }

  left({ workspaceId, sectionId, user }: PresenceConnection): void {
    const sections = this.workspaces.get(workspaceId);
    const people = sections?.get(sectionId);
    const person = people?.get(user.id);
    if (!sections || !people || !person) return;
    if (--person.connections > 0) return;
    people.delete(user.id);
    if (people.size === 0) sections.delete(sectionId);
    if (sections.size === 0) this.workspaces.delete(workspaceId);
    this.changed(workspaceId, sectionId);
  }

  /** The people in one section now, sorted by name. */
  usersIn(workspaceId: string, sectionId: string): PresentUserJSON[] {
    const people = this.workspaces.get(workspaceId)?.get(sectionId);
    if (!people) return [];
    // One sort key per person, not two per comparison: a join storm sorts hundreds of names.
    return [...people]
      .map(([id, p]) => ({ user: { id, name: p.name }, key: germanSortKey(p.name) }))
      .sort((a, b) => compareCodeUnits(a.key, b.key) || compareCodeUnits(a.user.id, b.user.id))
      .map((entry) => entry.user);
  }

  /** Every section of the workspace somebody is in now, with its people. */
  sectionsOf(workspaceId: string): Array<{ sectionId: string; users: PresentUserJSON[] }> {
    const sections = this.workspaces.get(workspaceId);
    if (!sections) return [];
    return [...sections.keys()].map((sectionId) => ({ sectionId, users: this.usersIn(workspaceId, sectionId) }));
  }

  /** Stops settling (shutdown); joins and leaves still count but announce nothing. */
  close(): void {
    this.closed = true;
    for (const timer of this.pending.values()) clearTimeout(timer);
    this.pending.clear();
  }

  private changed(workspaceId: string, sectionId: string): void {
    if (this.closed || this.pending.has(sectionId)) return;
    const timer = setTimeout(() => this.settle(workspaceId, sectionId), this.options.coalesceMs);
    timer.unref();
    this.pending.set(sectionId, timer);
  }

  private settle(workspaceId: string, sectionId: string): void {
    this.pending.delete(sectionId);
    const users = this.usersIn(workspaceId, sectionId);
    const ids = users.map((u) => u.id).join(',');
    if ((this.settled.get(sectionId) ?? '') === ids) return;
    if (ids) this.settled.set(sectionId, ids);
    else this.settled.delete(sectionId);
    this.options.onSettled(workspaceId, sectionId, users);
  }
}
