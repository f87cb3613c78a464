/** /anmelden: email and password; back to where the person wanted to go. */
import { useEffect, useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { limits } from '@konvent/shared';
import { ApiError, api } from '../api/client';
import { finishPendingLogout } from '../app/logout';
import { Alert } from '../components/feedback';
import { errorText } from '../components/errors';
import { TextField } from '../components/Field';
import { PublicFrame } from './PublicFrame';

/** Only paths inside the app: `zurueck=//evil.example` must not leave it. */
export function safeReturnPath(value: string | null): string {
  return value && value.startsWith('/') && !value.startsWith('//') ? value : '/';
}

export function LoginPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const expired = params.get('abgelaufen') === '1';

  useEffect(() => {
    document.title = `${t('login.title')} – Konvent`;
  }, [t]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!email.trim() || !password) {
      setError(t('login.required'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await finishPendingLogout();
      await api('/auth/login', { method: 'POST', body: { email: email.trim(), password }, allowUnauthenticated: true });
      // A different person may have been signed in before: nothing of theirs may linger.
      queryClient.clear();
      void navigate(safeReturnPath(params.get('zurueck')), { replace: true });
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) setError(t('login.invalid'));
      else setError(errorText(t, err));
      setBusy(false);
    }
  }

  return (
    <PublicFrame>
      <div className="k-stack">
        <h1 className="kern-heading-large">{t('login.title')}</h1>
        {expired && !error ? <Alert tone="info">{t('login.expired')}</Alert> : null}
        <p className="kern-body">{t('login.intro')}</p>
        <form className="k-form" onSubmit={(e) => void submit(e)} noValidate>
          <TextField
            label={t('login.email')}
            type="email"
            name="email"
            autoComplete="username"
            required
            maxLength={limits.emailMax}
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
          <TextField
            label={t('login.password')}
            type="password"
            name="password"
            autoComplete="current-password"
            required
            maxLength={limits.passwordMax}
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
          <div role="alert" aria-live="assertive">
            {error ? <Alert tone="danger">{error}</Alert> : null}
          </div>
          <div>
            <button type="submit" className="kern-btn kern-btn--primary" disabled={busy}>
              <span className="kern-label">{busy ? t('login.submitting') : t('login.submit')}</span>
            </button>
          </div>
        </form>
      </div>
    </PublicFrame>
  );
}
