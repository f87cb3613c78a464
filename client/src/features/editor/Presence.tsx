/**
 * Who is in the section now, read from the y-websocket awareness: each person once (two
 * tabs of one person are one entry), in their caret colour, "Sie" for oneself. Arrivals and
 * departures are announced politely, but only while connected: when this device loses the
 * connection, y-websocket drops every remote state at once, and announcing that everybody
 * left would be false.
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { WebsocketProvider } from 'y-websocket';
import { compareGerman } from '@konvent/shared';
import { useEditorTranslation } from './i18n';

export interface CaretUser {
  id: string;
  name: string;
  color: string;
}

interface Person extends CaretUser {
  self: boolean;
}

function readPeople(provider: WebsocketProvider, meId: string): Person[] {
  const byId = new Map<string, Person>();
  for (const [clientId, state] of provider.awareness.getStates()) {
    const user = (state as { user?: Partial<CaretUser> }).user;
    if (!user || typeof user.name !== 'string') continue;
    const id = typeof user.id === 'string' ? user.id : `client:${clientId}`;
    const self = id === meId || clientId === provider.awareness.clientID;
    if (!byId.has(id)) byId.set(id, { id, name: user.name, color: typeof user.color === 'string' ? user.color : '#5c5c5c', self });
  }
  return [...byId.values()].sort((a, b) => (a.self !== b.self ? (a.self ? -1 : 1) : compareGerman(a.name, b.name)));
}

function samePeople(a: Person[], b: Person[]): boolean {
  return a.length === b.length && a.every((p, i) => p.id === b[i]?.id && p.name === b[i]?.name && p.color === b[i]?.color);
}

export function Presence({ provider, meId, connected }: { provider: WebsocketProvider; meId: string; connected: boolean }) {
  const { t } = useEditorTranslation();
  const [people, setPeople] = useState<Person[]>(() => readPeople(provider, meId));
  const [announcement, setAnnouncement] = useState('');
  const titleId = useId();
  const previous = useRef<Map<string, string> | null>(null);
  const connectedRef = useRef(connected);
  useEffect(() => {
    connectedRef.current = connected;
    // Start comparing afresh after a reconnect: the first full list is not news.
    if (!connected) previous.current = null;
  }, [connected]);

  useEffect(() => {
    const update = () => {
      const next = readPeople(provider, meId);
      setPeople((current) => (samePeople(current, next) ? current : next));
      const names = new Map(next.filter((p) => !p.self).map((p) => [p.id, p.name]));
      const before = previous.current;
      if (connectedRef.current && before) {
        const messages: string[] = [];
        for (const [id, name] of names) if (!before.has(id)) messages.push(t('presence.joined', { name }));
        for (const [id, name] of before) if (!names.has(id)) messages.push(t('presence.left', { name }));
        if (messages.length > 0) setAnnouncement(messages.join(' '));
      }
      if (connectedRef.current) previous.current = names;
    };
    update();
    provider.awareness.on('change', update);
    return () => provider.awareness.off('change', update);
  }, [provider, meId, t]);

  return (
    <div className="konvent-editor__presence">
      <h2 className="konvent-editor__presence-title" id={titleId}>
        {t('presence.label')}
      </h2>
      <ul className="konvent-editor__people" aria-labelledby={titleId} data-testid="editor-presence">
        {people.map((person) => (
          <li key={person.id} className="konvent-editor__person" data-self={person.self || undefined}>
            <span className="konvent-editor__swatch" style={{ backgroundColor: person.color }} aria-hidden="true" />
            {person.self ? `${person.name} (${t('presence.you')})` : person.name}
          </li>
        ))}
      </ul>
      <div className="konvent-visually-hidden" role="status" aria-live="polite" aria-atomic="true">
        {announcement}
      </div>
    </div>
  );
}
