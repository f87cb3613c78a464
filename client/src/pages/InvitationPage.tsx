/** /einladung/:token: see what the invitation is for, then join (signed in) or create an account. */
import { useEffect, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { limits, type AcceptedInvitationJSON, type InvitationPreviewJSON } from '@konvent/shared';
import { api } from '../api/client';
import { keys, useMe } from '../api/queries';
import { loginPath } from '../app/session';
import { Alert, ErrorAlert, Loading } from '../components/feedback';
import { errorText } from '../components/errors';
import { TextField } from '../components/Field';
import { PublicFrame } from './PublicFrame';

export function InvitationPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const me = useMe();
  const preview = useQuery({
    queryKey: ['invitation', token],
    queryFn: () => api<InvitationPreviewJSON>(`/invitations/${encodeURIComponent(token)}`, { allowUnauthenticated: true }),
  });

  useEffect(() => {
    document.title = `${t('invitation.title')} – Konvent`;
  }, [t]);

  let body;
  if (preview.isPending || me.isPending) body = <Loading label={t('invitation.checking')} />;
  else if (preview.isError) {
    body = (preview.error as { status?: number }).status === 404 ? <Alert tone="warning">{t('invitation.invalid')}</Alert> : <ErrorAlert error={preview.error} />;
  } else if (!preview.data.valid) body = <Alert tone="warning">{t('invitation.invalid')}</Alert>;
  else {
    body = (
      <div className="k-stack">
        <p className="kern-body">
          {t('invitation.intro', { workspace: preview.data.workspaceName, role: t(`roles.${preview.data.role}`) })}
        </p>
        <AcceptForm token={token} signedIn={me.data ? { name: me.data.user.name, email: me.data.user.email } : null} presetEmail={preview.data.email} />
      </div>
    );
  }

  return (
    <PublicFrame>
      <div className="k-stack">
        <h1 className="kern-heading-large">{t('invitation.title')}</h1>
        {body}
      </div>
    </PublicFrame>
  );
}

interface AcceptProps {
  token: string;
  signedIn: { name: string; email: string } | null;
  presetEmail: string | null;
}

function AcceptForm({ token, signedIn, presetEmail }: AcceptProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form, setForm] = useState({ name: '', email: presetEmail ?? '', organisation: '', password: '' });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (field: keyof typeof form) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [field]: e.target.value }));

  async function accept(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const body = signedIn
        ? {}
        : {
            name: form.name.trim(),
            email: form.email.trim(),
            password: form.password,
            ...(form.organisation.trim() ? { organisation: form.organisation.trim() } : {}),
          };
      const result = await api<AcceptedInvitationJSON>(`/invitations/${encodeURIComponent(token)}/accept`, {
        method: 'POST',
        body,
        allowUnauthenticated: true,
      });
      await queryClient.invalidateQueries({ queryKey: keys.me });
      await queryClient.invalidateQueries({ queryKey: keys.workspaces });
      void navigate(`/a/${result.workspace.id}`, { replace: true });
    } catch (err) {
      setError(errorText(t, err));
      setBusy(false);
    }
  }

  return (
    <form className="k-form" onSubmit={(e) => void accept(e)} noValidate>
      {signedIn ? (
        <p className="kern-body">{t('invitation.signedInAs', signedIn)}</p>
      ) : (
        <>
          <h2 className="kern-heading-small">{t('invitation.newAccount')}</h2>
          <p className="kern-body">
            {t('invitation.haveAccount')}{' '}
            <Link className="kern-link" to={loginPath(`/einladung/${token}`)}>
              {t('invitation.loginFirst')}
            </Link>
          </p>
          <TextField label={t('invitation.name')} required autoComplete="name" maxLength={limits.nameMax} value={form.name} onChange={set('name')} />
          <TextField
            label={t('invitation.email')}
            type="email"
            required
            autoComplete="email"
            maxLength={limits.emailMax}
            value={form.email}
            readOnly={!!presetEmail}
            onChange={set('email')}
          />
          <TextField
            label={t('invitation.organisation')}
            optional
            autoComplete="organization"
            maxLength={limits.organisationMax}
            value={form.organisation}
            onChange={set('organisation')}
          />
          <TextField
            label={t('invitation.password')}
            hint={t('invitation.passwordHint', { min: limits.passwordMin })}
            type="password"
            required
            autoComplete="new-password"
            minLength={limits.passwordMin}
            maxLength={limits.passwordMax}
            value={form.password}
            onChange={set('password')}
          />
        </>
      )}
      {error ? (
        <Alert tone="danger" live>
          {error}
        </Alert>
      ) : null}
      <div>
        <button type="submit" className="kern-btn kern-btn--primary" disabled={busy}>
          <span className="kern-label">{busy ? t('invitation.accepting') : t('invitation.accept')}</span>
        </button>
      </div>
    </form>
  );
}
