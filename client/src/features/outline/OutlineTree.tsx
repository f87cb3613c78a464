/**
 * The report outline as a react-aria-components Tree: arrow keys move focus, Enter opens a
 * section, Alt+arrows (or the row's actions menu) move it, and rows can be dragged to a new
 * place or onto another section to nest there. Actions appear only where the section's
 * abilities allow them.
 */
import { useCallback, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import {
  Button,
  Collection,
  Menu,
  MenuItem,
  MenuTrigger,
  Popover,
  Separator,
  Tree,
  TreeItem,
  TreeItemContent,
  useDragAndDrop,
  type Key,
} from 'react-aria-components';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { limits, type MemberJSON, type SectionJSON, type TopicJSON, type WorkspaceJSON } from '@konvent/shared';
import { StatusBadge } from '../../components/StatusBadge';
import { StatusSubmenu } from '../status/StatusMenu';
import { formatDate, formatRelative, isOverdue } from '../../components/format';
import { buildTree, dropTarget, pruneTree, keyboardMoveTarget, type MoveKind, type MoveTarget, type OutlineNode } from './model';
import { SectionPresence } from './SectionPresence';
import './OutlineTree.css';

export type RowAction = 'open' | 'rename' | 'createChild' | 'assign' | 'delete' | MoveKind;

interface Props {
  sections: SectionJSON[];
  /**
   * With a filter on, only these rows show (matches and their ancestors). Moving is off then:
   * positions among hidden siblings would not be what the person sees.
   */
  visibleIds?: Set<string> | null;
  topics: TopicJSON[];
  members: MemberJSON[];
  workspace: WorkspaceJSON;
  onMove: (section: SectionJSON, target: MoveTarget) => void;
  onAction: (section: SectionJSON, action: Exclude<RowAction, MoveKind>) => void;
}

const moveKeys: Record<string, MoveKind> = { ArrowUp: 'up', ArrowDown: 'down', ArrowRight: 'indent', ArrowLeft: 'outdent' };

export function OutlineTree({ sections, visibleIds = null, topics, members, workspace, onMove, onAction }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const tree = useMemo(() => {
    const full = buildTree(sections);
    return visibleIds ? pruneTree(full, visibleIds) : full;
  }, [sections, visibleIds]);
  const allowMoves = !visibleIds;
  const byId = useMemo(() => new Map(sections.map((s) => [s.id, s])), [sections]);
  // Everything starts expanded: the outline is read as a whole.
  const [collapsed, setCollapsed] = useState<Set<Key>>(new Set());
  const expandedKeys = useMemo(
    () => new Set(sections.filter((s) => !collapsed.has(s.id)).map((s) => s.id as Key)),
    [sections, collapsed],
  );
  const wrapper = useRef<HTMLDivElement>(null);

  const refocus = useCallback((id: string) => {
    // The row may re-render at another place; put the keyboard focus back on it.
    requestAnimationFrame(() => {
      const row = wrapper.current?.querySelector<HTMLElement>(`[role="row"][data-key="${CSS.escape(id)}"]`);
      row?.focus();
    });
  }, []);

  const moveBy = useCallback(
    (section: SectionJSON, kind: MoveKind) => {
      const target = keyboardMoveTarget(sections, section.id, kind, limits.outlineDepth);
      if (!target) return;
      if (target.parentId) {
        const parentId = target.parentId;
        setCollapsed((prev) => {
          if (!prev.has(parentId)) return prev;
          const next = new Set(prev);
          next.delete(parentId);
          return next;
        });
      }
      onMove(section, target);
      refocus(section.id);
    },
    [sections, onMove, refocus],
  );

  function onKeyDownCapture(event: KeyboardEvent<HTMLDivElement>) {
    const kind = moveKeys[event.key];
    if (!event.altKey || !kind || !allowMoves) return;
    const row = (event.target as HTMLElement).closest<HTMLElement>('[role="row"][data-key]');
    const section = row ? byId.get(row.dataset.key!) : undefined;
    if (!section?.abilities.update) return;
    event.preventDefault();
    event.stopPropagation();
    moveBy(section, kind);
  }

  const canDrag = allowMoves && sections.some((s) => s.abilities.update);
  const { dragAndDropHooks } = useDragAndDrop<OutlineNode>({
    getItems: (keys) =>
      [...keys].map((key) => ({ 'text/plain': byId.get(String(key))?.title ?? '', 'application/x-konvent-section': String(key) })),
    getAllowedDropOperations: () => ['move'],
    onMove: (e) => {
      const targetId = String(e.target.key);
      for (const key of e.keys) {
        const section = byId.get(String(key));
        if (!section?.abilities.update) continue;
        const target = dropTarget(sections, section.id, targetId, e.target.dropPosition);
        if (target) {
          if (e.target.dropPosition === 'on') {
            setCollapsed((prev) => {
              const next = new Set(prev);
              next.delete(targetId);
              return next;
            });
          }
          onMove(section, target);
        }
      }
    },
    renderDropIndicator: (target) => (
      <div className="k-tree-drop-indicator" data-position={target.type === 'item' ? target.dropPosition : undefined} />
    ),
  });

  const topicTitle = (id: string | null) => (id ? topics.find((x) => x.id === id)?.title : undefined);
  const memberName = (id: string | null) => (id ? members.find((m) => m.userId === id)?.name : undefined);

  const renderItem = (node: OutlineNode) => (
    <OutlineRow
      key={node.id}
      node={node}
      workspace={workspace}
      topicTitle={topicTitle(node.section.topicId)}
      assigneeName={memberName(node.section.assigneeId)}
      editorName={memberName(node.section.lastEditedById)}
      allowMoves={allowMoves}
      onMove={moveBy}
      onAction={onAction}
    >
      <Collection items={node.children}>{renderItem}</Collection>
    </OutlineRow>
  );

  return (
    <div ref={wrapper} onKeyDownCapture={onKeyDownCapture}>
      <Tree
        // Tree calls its drag-and-drop hooks only when it has them: switching them on or off
        // (a filter) must mount a fresh tree, or React sees a different hook order.
        key={canDrag ? 'movable' : 'static'}
        aria-label={t('outline.treeLabel')}
        className="k-tree"
        items={tree}
        expandedKeys={expandedKeys}
        onExpandedChange={(keys) => setCollapsed(new Set(sections.filter((s) => !keys.has(s.id)).map((s) => s.id as Key)))}
        onAction={(key) => void navigate(`/a/${workspace.id}/bericht/${String(key)}`)}
        dragAndDropHooks={canDrag ? dragAndDropHooks : undefined}
        renderEmptyState={() => <p className="k-empty">{visibleIds ? t('outline.filterEmpty') : t('outline.empty')}</p>}
      >
        {renderItem}
      </Tree>
    </div>
  );
}

interface RowProps {
  node: OutlineNode;
  workspace: WorkspaceJSON;
  topicTitle: string | undefined;
  assigneeName: string | undefined;
  editorName: string | undefined;
  allowMoves: boolean;
  onMove: (section: SectionJSON, kind: MoveKind) => void;
  onAction: Props['onAction'];
  children: React.ReactNode;
}

function OutlineRow({ node, workspace, topicTitle, assigneeName, editorName, allowMoves, onMove, onAction, children }: RowProps) {
  const { t, i18n } = useTranslation();
  const s = node.section;
  const canUpdate = s.abilities.update;
  const overdue = s.status !== 'final' && isOverdue(s.dueDate);
  const canCreateChild = workspace.abilities.manageOutline && node.level < limits.outlineDepth;
  // Readers get no menu at all: opening is Enter or a click on the row.
  const hasActions = canUpdate || canCreateChild || s.abilities.delete || s.abilities.setStatus;
  return (
    <TreeItem id={s.id} textValue={s.title} className="k-tree__item">
      <TreeItemContent>
        {({ hasChildItems, isExpanded, allowsDragging }) => (
          <div className="k-tree__row" style={{ ['--k-level' as string]: node.level - 1 }}>
            {allowsDragging && canUpdate ? (
              <Button slot="drag" className="k-tree__drag" aria-label={`${t('outline.drag')}: ${s.title}`}>
                <span aria-hidden="true">⠿</span>
              </Button>
            ) : (
              <span className="k-tree__drag-spacer" aria-hidden="true" />
            )}
            {hasChildItems ? (
              <Button slot="chevron" className="k-tree__chevron" data-expanded={isExpanded || undefined}>
                <span className="k-tree__chevron-icon" aria-hidden="true" />
              </Button>
            ) : (
              <span className="k-tree__chevron-spacer" aria-hidden="true" />
            )}
            <span className="k-tree__title">{s.title}</span>
            <span className="k-tree__meta">
              <StatusBadge status={s.status} />
              {topicTitle ? <span className="k-tree__topic">{topicTitle}</span> : null}
              {assigneeName ? <span className="k-tree__assignee">{assigneeName}</span> : null}
              {s.dueDate ? (
                <span className={overdue ? 'k-tree__due k-tree__due--overdue' : 'k-tree__due'}>
                  {overdue ? (
                    <span className="k-tree__overdue-icon" aria-hidden="true">
                      !
                    </span>
                  ) : null}
                  {t('outline.dueShort', { date: formatDate(s.dueDate, i18n.language) })}
                  {/* The word, not only the colour, says it is late. */}
                  {overdue ? <strong className="k-tree__overdue-word">{t('outline.overdue')}</strong> : null}
                </span>
              ) : null}
              <span className="k-tree__words">{t('outline.words', { count: s.wordCount })}</span>
              {s.lastEditedAt ? (
                <span className="k-tree__edited">
                  {editorName
                    ? t('outline.lastEditedBy', { name: editorName, when: formatRelative(s.lastEditedAt, i18n.language) })
                    : t('outline.lastEdited', { when: formatRelative(s.lastEditedAt, i18n.language) })}
                </span>
              ) : null}
              <SectionPresence workspaceId={workspace.id} sectionId={s.id} />
            </span>
            {hasActions ? (
            <MenuTrigger>
              <Button className="kern-btn kern-btn--tertiary kern-btn--x-small k-tree__menu-button" aria-label={t('outline.actionsFor', { title: s.title })}>
                <span className="kern-icon kern-icon--more-vert" aria-hidden="true" />
              </Button>
              <Popover className="k-popover" placement="bottom end">
                <Menu
                  className="k-menu"
                  aria-label={t('outline.actionsFor', { title: s.title })}
                  onAction={(key) => {
                    const action = key as RowAction;
                    if (action === 'up' || action === 'down' || action === 'indent' || action === 'outdent') onMove(s, action);
                    else onAction(s, action);
                  }}
                >
                  <MenuItem id="open" className="k-menu__item">
                    {t('outline.open')}
                  </MenuItem>
                  <StatusSubmenu section={s} />
                  {canUpdate ? (
                    <>
                      <MenuItem id="rename" className="k-menu__item">
                        {t('outline.rename')}
                      </MenuItem>
                      <MenuItem id="assign" className="k-menu__item">
                        {t('outline.assign')}
                      </MenuItem>
                      {allowMoves ? (
                        <>
                      <Separator className="k-menu__separator" />
                      <MenuItem id="up" className="k-menu__item">
                        {t('outline.moveUp')} <kbd className="k-kbd">Alt+↑</kbd>
                      </MenuItem>
                      <MenuItem id="down" className="k-menu__item">
                        {t('outline.moveDown')} <kbd className="k-kbd">Alt+↓</kbd>
                      </MenuItem>
                      <MenuItem id="indent" className="k-menu__item">
                        {t('outline.indent')} <kbd className="k-kbd">Alt+→</kbd>
                      </MenuItem>
                      <MenuItem id="outdent" className="k-menu__item">
                        {t('outline.outdent')} <kbd className="k-kbd">Alt+←</kbd>
                      </MenuItem>
                        </>
                      ) : null}
                    </>
                  ) : null}
                  {canCreateChild ? (
                    <MenuItem id="createChild" className="k-menu__item">
                      {t('outline.createChild')}
                    </MenuItem>
                  ) : null}
                  {s.abilities.delete ? (
                    <>
                      <Separator className="k-menu__separator" />
                      <MenuItem id="delete" className="k-menu__item">
                        {t('outline.delete')}
                      </MenuItem>
                    </>
                  ) : null}
                </Menu>
              </Popover>
            </MenuTrigger>
            ) : null}
          </div>
        )}
      </TreeItemContent>
      {children}
    </TreeItem>
  );
}
