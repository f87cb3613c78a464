import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../components/PageTitle';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <div className="k-stack">
      <PageTitle>{t('app.notFoundTitle')}</PageTitle>
      <p className="kern-body">{t('app.notFoundText')}</p>
      <p>
        <Link to="/" className="kern-link">
          {t('app.toStart')}
        </Link>
      </p>
    </div>
  );
}
