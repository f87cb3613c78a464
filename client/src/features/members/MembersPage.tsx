/** /a/:workspaceId/mitglieder: who is in the working group; moderators manage roles and invite. */
import { useMemo, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { roles, type MemberJSON, type Role } from '@konvent/shared';
import { api } from '../../api/client';
import { keys, useMembers, useTopics } from '../../api/queries';
import { useCurrentUser, useCurrentWorkspace } from '../../app/session';
import { useAnnounce } from '../../components/Announcer';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { EmptyState, ErrorAlert, Loading } from '../../components/feedback';
import { errorText } from '../../components/errors';
import { TextField } from '../../components/Field';
import { PageTitle } from '../../components/PageTitle';
import { CreateMemberDialog, InviteDialog } from './MemberDialogs';
import './MembersPage.css';

export function MembersPage() {
  const { t } = useTranslation();
  const workspace = useCurrentWorkspace();
  const me = useCurrentUser();
  const members = useMembers(workspace.id);
  const topics = useTopics(workspace.id);
  const queryClient = useQueryClient();
  const announce = useAnnounce();
  const [filter, setFilter] = useState('');
  const [dialog, setDialog] = useState<'invite' | 'create' | null>(null);
  const [removing, setRemoving] = useState<MemberJSON | null>(null);
  const canManage = workspace.abilities.manageMembers;

  const invalidate = () => {
    void queryClient.invalidateQueries({ queryKey: keys.members(workspace.id) });
    void queryClient.invalidateQueries({ queryKey: keys.dashboard(workspace.id) });
  };

  const changeRole = useMutation({
    mutationFn: ({ member, role }: { member: MemberJSON; role: Role }) =>
      api<MemberJSON>(`/workspaces/${workspace.id}/members/${member.userId}`, { method: 'PATCH', body: { role } }),
    onSuccess: (_res, { member, role }) => announce(t('members.roleChanged', { name: member.name, role: t(`roles.${role}`) })),
    onError: (err) => announce(errorText(t, err), 'danger'),
    onSettled: invalidate,
  });

  const topicTitles = useMemo(() => new Map((topics.data ?? []).map((x) => [x.id, x.title])), [topics.data]);
  const needle = filter.trim().toLowerCase();
  const shown = (members.data ?? []).filter(
    (m) => !needle || [m.name, m.email ?? '', m.organisation ?? ''].some((v) => v.toLowerCase().includes(needle)),
  );

  return (
    <div>
      <PageTitle
        title={`${t('members.title')} – ${workspace.name}`}
        actions={
          canManage ? (
            <>
              <button type="button" className="kern-btn kern-btn--primary" onClick={() => setDialog('invite')}>
                <span className="kern-icon kern-icon--mail" aria-hidden="true" />
                <span className="kern-label">{t('members.invite')}</span>
              </button>
              <button type="button" className="kern-btn kern-btn--secondary" onClick={() => setDialog('create')}>
                <span className="kern-icon kern-icon--add" aria-hidden="true" />
                <span className="kern-label">{t('members.create')}</span>
              </button>
            </>
          ) : null
        }
      >
        {t('members.title')}
      </PageTitle>

      {members.isPending ? (
        <Loading />
      ) : members.isError ? (
        <ErrorAlert error={members.error} onRetry={() => void members.refetch()} />
      ) : (
        <div className="k-stack">
          <div className="k-members-filter">
            <TextField
              label={t('members.filter')}
              hint={t('members.filterHint')}
              type="search"
              value={filter}
              onChange={(e) => setFilter(e.target.value)}
            />
            <p className="kern-body k-muted" role="status">
              {needle ? t('members.shown', { shown: shown.length, total: members.data.length }) : t('members.count', { count: members.data.length })}
            </p>
          </div>
          {shown.length === 0 ? (
            <EmptyState>{t('members.none')}</EmptyState>
          ) : (
            <div className="kern-table-responsive k-table-wrap">
              <table className="kern-table kern-table--striped">
                <caption className="kern-sr-only">{t('members.title')}</caption>
                <thead className="kern-table__head">
                  <tr className="kern-table__row">
                    <th scope="col" className="kern-table__header">{t('members.name')}</th>
                    <th scope="col" className="kern-table__header">{t('members.organisation')}</th>
                    <th scope="col" className="kern-table__header">{t('members.role')}</th>
                    <th scope="col" className="kern-table__header">{t('members.subgroups')}</th>
                    {canManage ? <th scope="col" className="kern-table__header">{t('members.actions')}</th> : null}
                  </tr>
                </thead>
                <tbody className="kern-table__body">
                  {shown.map((m) => (
                    <tr key={m.userId} className="kern-table__row">
                      <th scope="row" className="kern-table__cell k-member-name">
                        {m.name} {m.userId === me.id ? <span className="k-muted">{t('members.you')}</span> : null}
                        {m.email ? <span className="k-member-email">{m.email}</span> : null}
                      </th>
                      <td className="kern-table__cell">{m.organisation ?? t('app.none')}</td>
                      <td className="kern-table__cell">
                        {m.abilities.update ? (
                          <div className="kern-form-input__select-wrapper k-role-select">
                            <select
                              className="kern-form-input__select"
                              aria-label={t('members.roleOf', { name: m.name })}
                              value={m.role}
                              disabled={changeRole.isPending}
                              onChange={(e) => changeRole.mutate({ member: m, role: e.target.value as Role })}
                            >
                              {roles.map((r) => (
                                <option key={r} value={r}>
                                  {t(`roles.${r}`)}
                                </option>
                              ))}
                            </select>
                          </div>
                        ) : (
                          t(`roles.${m.role}`)
                        )}
                      </td>
                      <td className="kern-table__cell">
                        {m.subgroups.length === 0
                          ? t('app.none')
                          : m.subgroups
                              .map((g) => `${topicTitles.get(g.topicId) ?? '…'}${g.lead ? ` (${t('topics.lead')})` : ''}`)
                              .join(', ')}
                      </td>
                      {canManage ? (
                        <td className="kern-table__cell">
                          {m.abilities.remove ? (
                            <button
                              type="button"
                              className="kern-btn kern-btn--tertiary kern-btn--x-small"
                              aria-label={t('members.removeLabel', { name: m.name })}
                              onClick={() => setRemoving(m)}
                            >
                              <span className="kern-icon kern-icon--delete" aria-hidden="true" />
                              <span className="kern-label">{t('members.remove')}</span>
                            </button>
                          ) : null}
                        </td>
                      ) : null}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </div>
      )}

      {dialog === 'invite' ? <InviteDialog workspaceId={workspace.id} onClose={() => setDialog(null)} /> : null}
      {dialog === 'create' ? <CreateMemberDialog workspaceId={workspace.id} onClose={() => setDialog(null)} /> : null}
      {removing ? (
        <ConfirmDialog
          title={t('members.removeTitle')}
          text={t('members.removeText', { name: removing.name })}
          confirmLabel={t('members.remove')}
          onConfirm={async () => {
            await api(`/workspaces/${workspace.id}/members/${removing.userId}`, { method: 'DELETE' });
            announce(t('members.removed', { name: removing.name }));
            invalidate();
          }}
          onClose={() => setRemoving(null)}
        />
      ) : null}
    </div>
  );
}
