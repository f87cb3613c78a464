/**
 * "Who is in it right now": the people with an open co-editing connection per section, read
 * over REST and pushed to the workspace room as `presence.updated`, coalesced per section.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CloseCodes, COLLAB_PRESENCE_OFF, docNames, Events, type PresenceUpdatedEvent, type SectionPresenceJSON } from '@konvent/shared';
import { buildApiToken, buildCast, buildMember, buildSection } from '../support/factories';
import { ApiClient } from '../support/http';
import { startTestServer, type TestServer } from '../support/server';
import { connectSocket, type TestSocket } from '../support/sockets';
import { appendParagraph, connectClient, paragraphs, waitFor, type YClient } from '../support/yclient';

let t: TestServer;
let cast: ReturnType<typeof buildCast>;
const clients: YClient[] = [];
const sockets: TestSocket[] = [];

beforeAll(async () => {
  t = await startTestServer();
  cast = buildCast(t.db);
});
afterAll(async () => {
  for (const s of sockets) s.close();
  for (const c of clients) c.destroy();
  await t.stop();
});

type Person = { id: string; name: string };
const tokens = new Map<string, string>();
const tokenOf = (p: { id: string }) => {
  if (!tokens.has(p.id)) tokens.set(p.id, buildApiToken(t.db, t.server.ctx.config.secret, p.id));
  return tokens.get(p.id)!;
};
const as = (p: { id: string }) => new ApiClient(t.url, { token: tokenOf(p) });

/** A section of its own per test, so the workspace room's events do not mix. */
const freshSection = () => buildSection(t.db, { workspaceId: cast.workspace.id, topicId: cast.topic.id });

function open(person: { id: string }, sectionId: string): YClient {
  const c = connectClient(t.wsUrl, docNames.section(sectionId), { token: tokenOf(person) });
  clients.push(c);
  return c;
}

async function socketOf(person: { id: string }): Promise<TestSocket> {
  const s = await connectSocket(t.url, { token: tokenOf(person) });
  sockets.push(s);
  return s;
}

async function presence(person: { id: string } = cast.member, workspaceId = cast.workspace.id): Promise<SectionPresenceJSON[]> {
  const res = await as(person).get(`/api/workspaces/${workspaceId}/presence`);
  expect(res.status).toBe(200);
  return res.body.data;
}

/** The ids of the people the REST read lists in the section (empty when nobody is there). */
async function idsIn(sectionId: string, reader: { id: string } = cast.member): Promise<string[]> {
  return (await presence(reader)).find((p) => p.sectionId === sectionId)?.users.map((u) => u.id) ?? [];
}

/** The next event of this name that arrives after the ones received so far. */
function nextNew(socket: TestSocket, where: (p: PresenceUpdatedEvent) => boolean): Promise<PresenceUpdatedEvent> {
  const seen = socket.received(Events.PresenceUpdated).length;
  return waitFor(() => socket.received(Events.PresenceUpdated).slice(seen).find(where), { timeout: 5_000, message: 'a new presence.updated' });
}

const sorted = (people: Person[]) => [...people].sort((a, b) => a.name.localeCompare(b.name, 'de')).map(({ id, name }) => ({ id, name }));
const forSection = (sectionId: string) => (p: PresenceUpdatedEvent) => p.sectionId === sectionId;

describe('GET /api/workspaces/:workspaceId/presence', () => {
  it('lists a person while their co-editing connection is open, and not after it closes', async () => {
    const section = freshSection();
    expect(await idsIn(section.id)).toEqual([]);
    const c = open(cast.lead, section.id);
    await c.synced();
    await waitFor(async () => (await idsIn(section.id)).length === 1, { message: 'lead listed' });
    const entry = (await presence()).find((p) => p.sectionId === section.id)!;
    // Only id and name leave the server.
    expect(entry).toEqual({ sectionId: section.id, users: [{ id: cast.lead.id, name: cast.lead.name }] });

    c.destroy();
    await waitFor(async () => (await idsIn(section.id)).length === 0, { message: 'lead gone' });
  });

  it('counts a person once however many tabs they have, and keeps them until the last one closes', async () => {
    const section = freshSection();
    const first = open(cast.member, section.id);
    const second = open(cast.member, section.id);
    await Promise.all([first.synced(), second.synced()]);
    expect(await idsIn(section.id)).toEqual([cast.member.id]);

    first.destroy();
    // The first tab's close has reached the server when a fresh connection of someone else is in.
    const probe = open(cast.moderator, section.id);
    await probe.synced();
    await waitFor(async () => (await idsIn(section.id)).length === 2, { message: 'moderator listed' });
    expect((await idsIn(section.id)).sort()).toEqual([cast.member.id, cast.moderator.id].sort());

    second.destroy();
    await waitFor(async () => !(await idsIn(section.id)).includes(cast.member.id), { message: 'member gone' });
    probe.destroy();
  });

  it('counts observers, who only read, as present', async () => {
    const section = freshSection();
    const c = open(cast.observer, section.id);
    await c.synced();
    await waitFor(async () => (await idsIn(section.id, cast.observer)).includes(cast.observer.id), { message: 'observer listed' });
    c.destroy();
  });

  it('answers 404 to someone outside the workspace and 401 without a session', async () => {
    const section = freshSection();
    const c = open(cast.member, section.id);
    await c.synced();
    const outside = await as(cast.stranger).get(`/api/workspaces/${cast.workspace.id}/presence`);
    expect(outside.status).toBe(404);
    expect(JSON.stringify(outside.body)).not.toContain(section.id);
    expect((await new ApiClient(t.url).get(`/api/workspaces/${cast.workspace.id}/presence`)).status).toBe(401);
    expect((await as(cast.member).get('/api/workspaces/no-such-workspace/presence')).status).toBe(404);
    c.destroy();
  });

  it('never lists a connection that only sends what a device kept offline (?presence=off), whose edits still arrive', async () => {
    const section = freshSection();
    const watcher = await socketOf(cast.moderator);
    const background = connectClient(t.wsUrl, docNames.section(section.id), { token: tokenOf(cast.member), params: { ...COLLAB_PRESENCE_OFF } });
    clients.push(background);
    await background.synced();
    appendParagraph(background.doc, 'offline geschrieben');

    const reader = open(cast.lead, section.id);
    await reader.synced();
    await waitFor(() => paragraphs(reader.doc).includes('offline geschrieben'), { message: 'the kept edit arrived' });
    // The section's first presence event already names only the person with an editor open.
    const event: PresenceUpdatedEvent = await watcher.next(Events.PresenceUpdated, forSection(section.id));
    expect(event.users.map((u) => u.id)).toEqual([cast.lead.id]);
    expect(await idsIn(section.id)).toEqual([cast.lead.id]);

    background.destroy();
    reader.destroy();
    await waitFor(async () => (await idsIn(section.id)).length === 0, { message: 'lead gone' });
    const events: PresenceUpdatedEvent[] = watcher.received(Events.PresenceUpdated).filter(forSection(section.id));
    expect(events.flatMap((e) => e.users.map((u) => u.id))).not.toContain(cast.member.id);
  });

  it('never lists a refused co-editing connection', async () => {
    const section = freshSection();
    const watcher = await socketOf(cast.moderator);
    const refused = open(cast.stranger, section.id);
    const anonymous = connectClient(t.wsUrl, docNames.section(section.id));
    clients.push(anonymous);
    await waitFor(() => refused.closes[0], { message: 'stranger refused' });
    await waitFor(() => anonymous.closes[0], { message: 'anonymous refused' });
    expect(refused.closes[0]!.code).toBe(CloseCodes.Forbidden.code);
    expect(anonymous.closes[0]!.code).toBe(CloseCodes.Unauthorized.code);

    // Someone admitted afterwards: their event is the first and only one for the section.
    const admitted = open(cast.member, section.id);
    await admitted.synced();
    const event: PresenceUpdatedEvent = await watcher.next(Events.PresenceUpdated, forSection(section.id));
    expect(event.users.map((u) => u.id)).toEqual([cast.member.id]);
    expect(watcher.received(Events.PresenceUpdated).filter(forSection(section.id))).toHaveLength(1);
    expect(await idsIn(section.id)).toEqual([cast.member.id]);
    admitted.destroy();
  });
});

describe('presence.updated', () => {
  it('arrives in the workspace room with the section’s people, on arrival and on departure', async () => {
    const section = freshSection();
    const watcher = await socketOf(cast.observer);
    const c = open(cast.lead, section.id);
    await c.synced();
    const joined: PresenceUpdatedEvent = await watcher.next(Events.PresenceUpdated, (p) => forSection(section.id)(p) && p.users.length > 0);
    expect(joined).toEqual({ workspaceId: cast.workspace.id, sectionId: section.id, users: [{ id: cast.lead.id, name: cast.lead.name }] });

    c.destroy();
    const left: PresenceUpdatedEvent = await watcher.next(Events.PresenceUpdated, (p) => forSection(section.id)(p) && p.users.length === 0);
    expect(left).toEqual({ workspaceId: cast.workspace.id, sectionId: section.id, users: [] });
  });

  it('coalesces a join storm into one event with everybody, and a second tab changes nothing', async () => {
    const section = freshSection();
    const watcher = await socketOf(cast.moderator);
    // Names where German order differs from code-unit order: umlauts, ß, accents, case.
    const names = ['Jörg Müller', 'Joerg Mueller', 'Jorg Muller', 'Ömer Öztürk', 'Otto Ozturk', 'Ärztin Zoë Bauer', 'Arne Zoe Bauer', 'van Dijk', 'Van Dijk', 'Élodie Groß', 'Elodie Gross', 'Łukasz Nowak'];
    const people = names.map((name) => buildMember(t.db, { workspaceId: cast.workspace.id, user: { name } }));
    const storm = people.map((p) => open(p, section.id));
    await Promise.all(storm.map((c) => c.synced()));
    const expected = sorted(people);
    const full = await watcher.next(Events.PresenceUpdated, (p) => forSection(section.id)(p) && p.users.length === people.length);
    expect(full.users).toEqual(expected);
    // 12 arrivals within one window: one event (two if the storm straddled a window edge).
    expect(watcher.received(Events.PresenceUpdated).filter(forSection(section.id)).length).toBeLessThanOrEqual(2);

    const before = watcher.received(Events.PresenceUpdated).filter(forSection(section.id)).length;
    const secondTab = open(people[0]!, section.id);
    await secondTab.synced();
    await new Promise((r) => setTimeout(r, 600));
    expect(watcher.received(Events.PresenceUpdated).filter(forSection(section.id))).toHaveLength(before);

    for (const c of [...storm, secondTab]) c.destroy();
    await watcher.next(Events.PresenceUpdated, (p) => forSection(section.id)(p) && p.users.length === 0);
  });

  it('goes only to members: someone removed from the workspace stops receiving it at once', async () => {
    const leaving = buildMember(t.db, { workspaceId: cast.workspace.id });
    const moderatorApi = as(cast.moderator);
    const watcher = await socketOf(cast.moderator);
    const removed = await socketOf(leaving);
    const outsider = await socketOf(cast.stranger);

    const first = freshSection();
    const c1 = open(cast.member, first.id);
    await c1.synced();
    await removed.next(Events.PresenceUpdated, forSection(first.id));

    // The removed person's own open connection is closed, and they leave the section's people.
    const theirs = open(leaving, first.id);
    await theirs.synced();
    await watcher.next(Events.PresenceUpdated, (p) => forSection(first.id)(p) && p.users.some((u: Person) => u.id === leaving.id));
    const departure = nextNew(watcher, forSection(first.id));
    expect((await moderatorApi.delete(`/api/workspaces/${cast.workspace.id}/members/${leaving.id}`)).status).toBe(204);
    const receivedBeforeRemoval = removed.received(Events.PresenceUpdated).length;
    await waitFor(() => theirs.closes.find((c) => c.code === CloseCodes.Forbidden.code), { message: 'their connection closed' });
    const after = await departure;
    expect(after.users.map((u) => u.id)).toEqual([cast.member.id]);

    const second = freshSection();
    const c2 = open(cast.lead, second.id);
    await c2.synced();
    await watcher.next(Events.PresenceUpdated, forSection(second.id));
    // Neither their own departure from the first section nor anything after it reached them.
    expect(removed.received(Events.PresenceUpdated)).toHaveLength(receivedBeforeRemoval);
    expect(outsider.received(Events.PresenceUpdated)).toEqual([]);
    expect((await as(leaving).get(`/api/workspaces/${cast.workspace.id}/presence`)).status).toBe(404);
    for (const c of [c1, c2]) c.destroy();
  });
});
