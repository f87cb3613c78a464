/**
 * The co-editing editor of one report section: toolbar, connection state, who is here,
 * the text, and the notices that explain read-only mode or a refused connection.
 *
 * Structure:
 *   SectionEditor        keeps the section fresh after a 4509 and picks the mode
 *   └ CollabEditor       one Y.Doc + IndexedDB + y-websocket session (useCollabSession)
 *     └ EditorSurface    Tiptap with the shared schema, toolbar, link dialog, help
 *       ├ ConnectionStatus, Presence
 *       └ Notices        read-only reason (KERN info alert), refusal (KERN alert)
 */
import { useCallback, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { SectionJSON, UserJSON, WorkspaceJSON } from '@konvent/shared';
import { api } from '../../api/client';
import type { CommentBridge } from '../comments/bridge';
import { keys } from '../../api/queries';
import { loginPath } from '../../app/session';
import { colorForUser } from './colors';
import { ConnectionStatus } from './ConnectionStatus';
import { EditorSurface } from './EditorSurface';
import { ReadOnlyNotice, RefusalNotice } from './Notices';
import { Presence } from './Presence';
import { useCollabSession } from './useCollabSession';
import './SectionEditor.css';

export interface SectionEditorProps {
  section: SectionJSON;
  workspace: WorkspaceJSON;
  me: UserJSON;
  /** The page's comment panel, if it has one. */
  comments?: CommentBridge;
}

function currentPath(): string {
  return `${location.pathname}${location.search}${location.hash}`;
}

export function SectionEditor({ section: given, workspace, me, comments }: SectionEditorProps) {
  const queryClient = useQueryClient();
  // After a 4509 the section is re-read here as well as through react-query, so the mode
  // is right even if the page holds the section some other way. A newer prop wins.
  const [fresh, setFresh] = useState<{ base: SectionJSON; section: SectionJSON } | null>(null);
  const section = fresh && fresh.base === given && fresh.section.id === given.id ? fresh.section : given;

  const onPermissionsChanged = useCallback(() => {
    void queryClient.invalidateQueries({ queryKey: keys.section(given.id) });
    void queryClient.invalidateQueries({ queryKey: keys.sections(given.workspaceId) });
    api<SectionJSON>(`/sections/${given.id}`).then(
      (next) => setFresh({ base: given, section: next }),
      () => undefined,
    );
  }, [queryClient, given]);

  const writable = section.abilities.edit;
  return (
    <CollabEditor
      // A change of mode starts a new session: a reader's session keeps no local copy.
      key={`${section.id}:${writable ? 'write' : 'read'}`}
      section={section}
      workspace={workspace}
      me={me}
      comments={comments}
      writable={writable}
      onPermissionsChanged={onPermissionsChanged}
    />
  );
}

interface CollabEditorProps extends SectionEditorProps {
  writable: boolean;
  onPermissionsChanged: () => void;
}

function CollabEditor({ section, workspace, me, comments, writable, onPermissionsChanged }: CollabEditorProps) {
  const [user] = useState(() => ({ id: me.id, name: me.name, color: colorForUser(me.id) }));
  const { session, state } = useCollabSession({
    sectionId: section.id,
    userId: me.id,
    persist: writable,
    onPermissionsChanged,
    // A full load: the login page starts from a clean state and brings the person back here.
    onUnauthorized: () => window.location.assign(loginPath(currentPath(), true)),
  });

  const refused = state.kind === 'refused';
  return (
    <section className="konvent-editor" data-testid="section-editor">
      {refused && <RefusalNotice refusal={state.refusal} returnTo={currentPath()} />}
      {!writable && !refused && <ReadOnlyNotice section={section} workspace={workspace} />}
      {/* After a refusal the local text may be stale or no longer ours to see. */}
      {session && !refused && (
        <EditorSurface
          session={session}
          user={user}
          title={section.title}
          editable={writable}
          showToolbar={writable}
          comments={comments}
          meta={
            <>
              <ConnectionStatus state={state} />
              <Presence provider={session.provider} meId={me.id} connected={state.kind === 'connected'} />
            </>
          }
        />
      )}
      {refused && <ConnectionStatus state={state} />}
    </section>
  );
}
