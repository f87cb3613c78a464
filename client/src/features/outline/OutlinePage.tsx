/** /a/:workspaceId/bericht: the report outline, its dialogs and (for moderators) the trash. */
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { SectionJSON } from '@konvent/shared';
import { useMembers, useSections, useTopics } from '../../api/queries';
import { useCurrentUser, useCurrentWorkspace } from '../../app/session';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorAlert, Loading } from '../../components/feedback';
import { PageTitle } from '../../components/PageTitle';
import { isFiltered, matcher, OutlineFilters, useOutlineFilter } from './OutlineFilters';
import { OutlineTree, type RowAction } from './OutlineTree';
import { visibleWithAncestors } from './model';
import { AssignDialog, TitleDialog } from './SectionDialogs';
import { TrashView } from './TrashView';
import { useOutlineActions } from './useOutlineActions';
import { StatusChangeProvider } from '../status/StatusMenu';
import './OutlinePage.css';

type DialogState =
  | { kind: 'create'; parent: SectionJSON | null }
  | { kind: 'rename' | 'assign' | 'delete'; section: SectionJSON }
  | null;

export function OutlinePage() {
  const { t } = useTranslation();
  const workspace = useCurrentWorkspace();
  const navigate = useNavigate();
  const sections = useSections(workspace.id);
  const topics = useTopics(workspace.id);
  const members = useMembers(workspace.id);
  const actions = useOutlineActions(workspace.id);
  const [dialog, setDialog] = useState<DialogState>(null);
  const [showTrash, setShowTrash] = useState(false);
  const canManage = workspace.abilities.manageOutline;
  const me = useCurrentUser();
  const [filter, setFilter] = useOutlineFilter();
  const filtered = isFiltered(filter);
  const visible = useMemo(() => {
    if (!filtered || !sections.data) return null;
    const mine = members.data?.find((m) => m.userId === me.id);
    const myTopics = new Set((mine?.subgroups ?? []).map((g) => g.topicId));
    return visibleWithAncestors(sections.data, matcher(filter, me.id, myTopics));
  }, [filtered, filter, sections.data, members.data, me.id]);

  function onRowAction(section: SectionJSON, action: Exclude<RowAction, 'up' | 'down' | 'indent' | 'outdent'>) {
    if (action === 'open') void navigate(`/a/${workspace.id}/bericht/${section.id}`);
    else if (action === 'createChild') setDialog({ kind: 'create', parent: section });
    else setDialog({ kind: action, section });
  }

  return (
    <div>
      <PageTitle
        title={`${t('outline.title')} – ${workspace.name}`}
        actions={
          canManage ? (
            <button type="button" className="kern-btn kern-btn--primary" onClick={() => setDialog({ kind: 'create', parent: null })}>
              <span className="kern-icon kern-icon--add" aria-hidden="true" />
              <span className="kern-label">{t('outline.create')}</span>
            </button>
          ) : null
        }
      >
        {t('outline.title')}
      </PageTitle>
      <p className="kern-body k-muted k-outline-intro" id="outline-help">
        {t('outline.intro')}
      </p>
      {sections.isPending ? (
        <Loading />
      ) : sections.isError ? (
        <ErrorAlert error={sections.error} onRetry={() => void sections.refetch()} />
      ) : (
        <>
        <OutlineFilters
          filter={filter}
          onChange={setFilter}
          topics={topics.data ?? []}
          members={members.data ?? []}
          shown={visible?.size ?? sections.data.length}
          total={sections.data.length}
        />
        <StatusChangeProvider workspaceId={workspace.id}>
        <OutlineTree
          sections={sections.data}
          visibleIds={visible}
          topics={topics.data ?? []}
          members={members.data ?? []}
          workspace={workspace}
          onMove={(section, target) => actions.move.mutate({ id: section.id, target })}
          onAction={onRowAction}
        />
        </StatusChangeProvider>
        </>
      )}

      {canManage ? (
        <section className="k-outline-trash" aria-labelledby="trash-heading">
          <h2 id="trash-heading" className="kern-heading-small">
            <button
              type="button"
              className="k-disclosure"
              aria-expanded={showTrash}
              aria-controls="trash-panel"
              onClick={() => setShowTrash((v) => !v)}
            >
              <span className="k-chevron" aria-hidden="true" data-open={showTrash || undefined} />
              {t('outline.trash')}
            </button>
          </h2>
          <div id="trash-panel" hidden={!showTrash}>
            {showTrash ? <TrashView workspaceId={workspace.id} onRestore={(s) => actions.restore.mutate(s)} /> : null}
          </div>
        </section>
      ) : null}

      {dialog?.kind === 'create' ? (
        <TitleDialog
          heading={dialog.parent ? t('outline.createChildTitle', { parent: dialog.parent.title }) : t('outline.createTitle')}
          initial=""
          submitLabel={t('outline.create')}
          onSubmit={(title) =>
            actions.create.mutateAsync({
              title,
              parentId: dialog.parent?.id ?? null,
              // A subsection belongs to its chapter's topic unless someone assigns another.
              topicId: dialog.parent?.topicId ?? null,
            })
          }
          onClose={() => setDialog(null)}
        />
      ) : null}
      {dialog?.kind === 'rename' ? (
        <TitleDialog
          heading={t('outline.renameTitle')}
          initial={dialog.section.title}
          submitLabel={t('app.save')}
          onSubmit={(title) => actions.update.mutateAsync({ id: dialog.section.id, patch: { title } })}
          onClose={() => setDialog(null)}
        />
      ) : null}
      {dialog?.kind === 'assign' ? (
        <AssignDialog
          section={dialog.section}
          topics={topics.data ?? []}
          members={members.data ?? []}
          onSubmit={(patch) => actions.update.mutateAsync({ id: dialog.section.id, patch })}
          onClose={() => setDialog(null)}
        />
      ) : null}
      {dialog?.kind === 'delete' ? (
        <ConfirmDialog
          title={t('outline.deleteTitle')}
          text={t('outline.deleteText', { title: dialog.section.title })}
          confirmLabel={t('outline.delete')}
          onConfirm={() => actions.remove.mutateAsync(dialog.section)}
          onClose={() => setDialog(null)}
        />
      ) : null}
    </div>
  );
}
