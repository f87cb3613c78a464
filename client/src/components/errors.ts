/** Turns any thrown value into a sentence a person understands, in the current language. */
import type { TFunction } from 'i18next';
import { ApiError } from '../api/client';

export function errorText(t: TFunction, err: unknown): string {
  if (err instanceof ApiError) {
    switch (err.status) {
      case 0:
        return t('errors.network');
      case 403:
        return t('errors.forbidden');
      case 404:
        return t('errors.notFound');
      case 400:
        return t('errors.validation', { message: err.message });
      case 409:
        return t('errors.conflict', { message: err.message });
      case 429:
        return t('errors.rateLimited', { seconds: err.retryAfter ?? 60 });
      default:
        return t('errors.generic', { message: err.message });
    }
  }
  return t('errors.generic', { message: err instanceof Error ? err.message : String(err) });
}
