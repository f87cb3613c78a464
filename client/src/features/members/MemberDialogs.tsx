/** Moderators' dialogs on the members page: invitation link and new member. */
import { useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { limits, roles, type CreatedInvitationJSON, type CreatedMemberJSON, type Role } from '@konvent/shared';
import { api } from '../../api/client';
import { keys } from '../../api/queries';
import { useAnnounce } from '../../components/Announcer';
import { CopyField } from '../../components/CopyField';
import { DialogFooter, FormDialogButtons, KernDialog } from '../../components/Dialog';
import { Alert } from '../../components/feedback';
import { errorText } from '../../components/errors';
import { SelectField, TextField } from '../../components/Field';

function RoleSelect({ value, onChange, label }: { value: Role; onChange: (r: Role) => void; label: string }) {
  const { t } = useTranslation();
  return (
    <SelectField label={label} value={value} onChange={(e) => onChange(e.target.value as Role)}>
      {roles.map((r) => (
        <option key={r} value={r}>
          {t(`roles.${r}`)}
        </option>
      ))}
    </SelectField>
  );
}

export function InviteDialog({ workspaceId, onClose }: { workspaceId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const [role, setRole] = useState<Role>('member');
  const [email, setEmail] = useState('');
  const [created, setCreated] = useState<CreatedInvitationJSON | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const body = email.trim() ? { role, email: email.trim() } : { role };
      setCreated(await api<CreatedInvitationJSON>(`/workspaces/${workspaceId}/invitations`, { method: 'POST', body }));
    } catch (err) {
      setError(errorText(t, err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <KernDialog title={t('members.inviteTitle')} isOpen onOpenChange={(open) => !open && onClose()}>
      {(close) =>
        created ? (
          <>
            <CopyField label={t('members.inviteUrl')} value={created.url} hint={t('members.inviteUrlHint')} />
            <DialogFooter>
              <button type="button" className="kern-btn kern-btn--primary" onClick={close}>
                <span className="kern-label">{t('app.close')}</span>
              </button>
            </DialogFooter>
          </>
        ) : (
          <form className="k-form" onSubmit={(e) => void submit(e)} noValidate>
            <RoleSelect label={t('members.inviteRole')} value={role} onChange={setRole} />
            <TextField
              label={t('members.inviteEmail')}
              type="email"
              optional
              maxLength={limits.emailMax}
              value={email}
              onChange={(e) => setEmail(e.target.value)}
            />
            {error ? (
              <Alert tone="danger" live>
                {error}
              </Alert>
            ) : null}
            <DialogFooter>
              <button type="button" className="kern-btn kern-btn--secondary" onClick={close}>
                <span className="kern-label">{t('app.cancel')}</span>
              </button>
              <button type="submit" className="kern-btn kern-btn--primary" disabled={busy}>
                <span className="kern-label">{t('members.inviteCreate')}</span>
              </button>
            </DialogFooter>
          </form>
        )
      }
    </KernDialog>
  );
}

export function CreateMemberDialog({ workspaceId, onClose }: { workspaceId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const announce = useAnnounce();
  const [form, setForm] = useState({ name: '', email: '', organisation: '', password: '' });
  const [role, setRole] = useState<Role>('member');
  const [created, setCreated] = useState<CreatedMemberJSON | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (field: keyof typeof form) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [field]: e.target.value }));

  async function submit(event: FormEvent, close: () => void) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const body = {
        name: form.name.trim(),
        email: form.email.trim(),
        role,
        ...(form.organisation.trim() ? { organisation: form.organisation.trim() } : {}),
        ...(form.password ? { password: form.password } : {}),
      };
      const result = await api<CreatedMemberJSON>(`/workspaces/${workspaceId}/members`, { method: 'POST', body });
      void queryClient.invalidateQueries({ queryKey: keys.members(workspaceId) });
      void queryClient.invalidateQueries({ queryKey: keys.dashboard(workspaceId) });
      announce(t('members.created', { name: result.member.name }));
      if (result.invitation) setCreated(result);
      else close();
    } catch (err) {
      setError(errorText(t, err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <KernDialog title={t('members.createTitle')} isOpen onOpenChange={(open) => !open && onClose()}>
      {(close) =>
        created?.invitation ? (
          <>
            <CopyField label={t('members.inviteUrl')} value={created.invitation.url} hint={t('members.inviteUrlHint')} />
            <DialogFooter>
              <button type="button" className="kern-btn kern-btn--primary" onClick={close}>
                <span className="kern-label">{t('app.close')}</span>
              </button>
            </DialogFooter>
          </>
        ) : (
          <form className="k-form" onSubmit={(e) => void submit(e, close)} noValidate>
            <TextField label={t('members.name')} required maxLength={limits.nameMax} value={form.name} onChange={set('name')} autoComplete="off" />
            <TextField label={t('members.email')} type="email" required maxLength={limits.emailMax} value={form.email} onChange={set('email')} autoComplete="off" />
            <TextField label={t('members.organisation')} optional maxLength={limits.organisationMax} value={form.organisation} onChange={set('organisation')} />
            <RoleSelect label={t('members.role')} value={role} onChange={setRole} />
            <TextField
              label={t('members.createPassword')}
              hint={t('members.createPasswordHint', { min: limits.passwordMin })}
              type="password"
              optional
              autoComplete="new-password"
              minLength={limits.passwordMin}
              maxLength={limits.passwordMax}
              value={form.password}
              onChange={set('password')}
            />
            {error ? (
              <Alert tone="danger" live>
                {error}
              </Alert>
            ) : null}
            <FormDialogButtons busy={busy} submitLabel={t('members.create')} onCancel={close} />
          </form>
        )
      }
    </KernDialog>
  );
}
