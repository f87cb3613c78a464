/** /einstellungen: profile, password, personal access tokens, language. */
import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { limits, type ApiTokenJSON, type CreatedApiTokenJSON } from '@konvent/shared';
import { ApiError, api } from '../api/client';
import { keys, useTokens } from '../api/queries';
import { useCurrentUser } from '../app/session';
import { useAnnounce } from '../components/Announcer';
import { CopyField } from '../components/CopyField';
import { Alert, EmptyState, ErrorAlert, Loading } from '../components/feedback';
import { errorText } from '../components/errors';
import { TextField } from '../components/Field';
import { formatDateTime } from '../components/format';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { PageTitle } from '../components/PageTitle';

export function SettingsPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  return (
    <div className="k-stack-lg">
      <PageTitle>{t('settings.title')}</PageTitle>
      <section className="k-panel" aria-labelledby="settings-profile">
        <h2 id="settings-profile" className="kern-heading-small">
          {t('settings.profile')}
        </h2>
        <dl className="kern-description-list">
          <div className="kern-description-list-item">
            <dt className="kern-description-list-item__key">{t('members.name')}</dt>
            <dd className="kern-description-list-item__value">{user.name}</dd>
          </div>
          <div className="kern-description-list-item">
            <dt className="kern-description-list-item__key">{t('members.email')}</dt>
            <dd className="kern-description-list-item__value">{user.email}</dd>
          </div>
          <div className="kern-description-list-item">
            <dt className="kern-description-list-item__key">{t('members.organisation')}</dt>
            <dd className="kern-description-list-item__value">{user.organisation ?? t('app.none')}</dd>
          </div>
        </dl>
      </section>
      <section className="k-panel" aria-labelledby="settings-language">
        <h2 id="settings-language" className="kern-heading-small">
          {t('settings.language')}
        </h2>
        <p className="kern-body k-muted">{t('settings.languageHint')}</p>
        <LanguageSwitch />
      </section>
      <PasswordForm />
      <Tokens />
    </div>
  );
}

function PasswordForm() {
  const { t } = useTranslation();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<{ field: 'current' | 'next' | 'repeat' | null; text: string } | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setDone(false);
    if (next.length < limits.passwordMin) return setError({ field: 'next', text: t('settings.tooShort', { min: limits.passwordMin }) });
    if (next !== repeat) return setError({ field: 'repeat', text: t('settings.mismatch') });
    setBusy(true);
    setError(null);
    try {
      await api('/auth/password', { method: 'POST', body: { currentPassword: current, newPassword: next } });
      setDone(true);
      setCurrent('');
      setNext('');
      setRepeat('');
    } catch (err) {
      if (err instanceof ApiError && err.status === 400 && err.fields.includes('currentPassword')) {
        setError({ field: 'current', text: t('settings.wrongPassword') });
      } else setError({ field: null, text: errorText(t, err) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="k-panel" aria-labelledby="settings-password">
      <h2 id="settings-password" className="kern-heading-small">
        {t('settings.password')}
      </h2>
      <form className="k-form" onSubmit={(e) => void submit(e)} noValidate>
        <TextField
          label={t('settings.currentPassword')}
          type="password"
          autoComplete="current-password"
          required
          value={current}
          onChange={(e) => setCurrent(e.target.value)}
          error={error?.field === 'current' ? error.text : null}
        />
        <TextField
          label={t('settings.newPassword')}
          hint={t('settings.newPasswordHint', { min: limits.passwordMin })}
          type="password"
          autoComplete="new-password"
          required
          maxLength={limits.passwordMax}
          value={next}
          onChange={(e) => setNext(e.target.value)}
          error={error?.field === 'next' ? error.text : null}
        />
        <TextField
          label={t('settings.repeatPassword')}
          type="password"
          autoComplete="new-password"
          required
          value={repeat}
          onChange={(e) => setRepeat(e.target.value)}
          error={error?.field === 'repeat' ? error.text : null}
        />
        {error && !error.field ? (
          <Alert tone="danger" live>
            {error.text}
          </Alert>
        ) : null}
        <div role="status">{done ? <Alert tone="success">{t('settings.passwordChanged')}</Alert> : null}</div>
        <div>
          <button type="submit" className="kern-btn kern-btn--primary" disabled={busy}>
            <span className="kern-label">{t('settings.change')}</span>
          </button>
        </div>
      </form>
    </section>
  );
}

function Tokens() {
  const { t, i18n } = useTranslation();
  const tokens = useTokens();
  const queryClient = useQueryClient();
  const announce = useAnnounce();
  const [name, setName] = useState('');
  const [created, setCreated] = useState<CreatedApiTokenJSON | null>(null);
  const [error, setError] = useState<string | null>(null);

  const create = useMutation({
    mutationFn: (tokenName: string) => api<CreatedApiTokenJSON>('/tokens', { method: 'POST', body: { name: tokenName } }),
    onSuccess: (result) => {
      setCreated(result);
      setName('');
      setError(null);
    },
    onError: (err) => setError(errorText(t, err)),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: keys.tokens }),
  });
  const revoke = useMutation({
    mutationFn: (token: ApiTokenJSON) => api(`/tokens/${token.id}`, { method: 'DELETE' }),
    onSuccess: (_res, token) => {
      announce(t('settings.revoked', { name: token.name }));
      if (created?.apiToken.id === token.id) setCreated(null);
    },
    onError: (err) => announce(errorText(t, err), 'danger'),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: keys.tokens }),
  });

  return (
    <section className="k-panel k-stack" aria-labelledby="settings-tokens">
      <h2 id="settings-tokens" className="kern-heading-small">
        {t('settings.tokens')}
      </h2>
      <p className="kern-body k-muted">{t('settings.tokensIntro')}</p>
      <form
        className="k-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (name.trim()) create.mutate(name.trim());
          else setError(t('errors.validation', { message: t('settings.tokenName') }));
        }}
      >
        <TextField
          label={t('settings.tokenName')}
          hint={t('settings.tokenNameHint')}
          maxLength={limits.tokenNameMax}
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={error}
        />
        <div>
          <button type="submit" className="kern-btn kern-btn--secondary" disabled={create.isPending}>
            <span className="kern-label">{t('settings.tokenCreate')}</span>
          </button>
        </div>
      </form>
      <div role="status">
        {created ? <CopyField label={`${t('settings.tokenCreated')}: ${created.apiToken.name}`} value={created.token} hint={t('settings.tokenOnce')} /> : null}
      </div>
      {tokens.isPending ? (
        <Loading />
      ) : tokens.isError ? (
        <ErrorAlert error={tokens.error} onRetry={() => void tokens.refetch()} />
      ) : tokens.data.length === 0 ? (
        <EmptyState>{t('settings.noTokens')}</EmptyState>
      ) : (
        <div className="k-table-wrap">
          <table className="kern-table">
            <caption className="kern-sr-only">{t('settings.tokens')}</caption>
            <thead className="kern-table__head">
              <tr className="kern-table__row">
                <th scope="col" className="kern-table__header">{t('settings.tokenName')}</th>
                <th scope="col" className="kern-table__header">{t('settings.tokenPrefix')}</th>
                <th scope="col" className="kern-table__header">{t('settings.tokenCreatedAt')}</th>
                <th scope="col" className="kern-table__header">{t('settings.tokenLastUsed')}</th>
                <th scope="col" className="kern-table__header">
                  <span className="kern-sr-only">{t('members.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody className="kern-table__body">
              {tokens.data.map((token) => (
                <tr key={token.id} className="kern-table__row">
                  <th scope="row" className="kern-table__cell">{token.name}</th>
                  <td className="kern-table__cell k-mono">{token.prefix}…</td>
                  <td className="kern-table__cell">{formatDateTime(token.createdAt, i18n.language)}</td>
                  <td className="kern-table__cell">{token.lastUsedAt ? formatDateTime(token.lastUsedAt, i18n.language) : t('settings.neverUsed')}</td>
                  <td className="kern-table__cell">
                    <button
                      type="button"
                      className="kern-btn kern-btn--tertiary kern-btn--x-small"
                      aria-label={t('settings.revokeLabel', { name: token.name })}
                      onClick={() => revoke.mutate(token)}
                    >
                      <span className="kern-label">{t('settings.revoke')}</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
