/** Create or edit a focus topic (title and description). */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { limits, type TopicJSON } from '@konvent/shared';
import { api } from '../../api/client';
import { useAnnounce } from '../../components/Announcer';
import { FormDialogButtons, KernDialog } from '../../components/Dialog';
import { Alert } from '../../components/feedback';
import { errorText } from '../../components/errors';
import { TextField } from '../../components/Field';

interface Props {
  workspaceId: string;
  topic: TopicJSON | null;
  onClose: () => void;
  onSaved: () => void;
}

export function TopicDialog({ workspaceId, topic, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const [title, setTitle] = useState(topic?.title ?? '');
  const [description, setDescription] = useState(topic?.description ?? '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent, close: () => void) {
    event.preventDefault();
    if (!title.trim()) {
      setError(t('errors.validation', { message: t('topics.titleLabel') }));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const body = { title: title.trim(), description: description.trim() };
      if (topic) await api(`/topics/${topic.id}`, { method: 'PATCH', body });
      else await api(`/workspaces/${workspaceId}/topics`, { method: 'POST', body });
      onSaved();
      announce(body.title);
      close();
    } catch (err) {
      setError(errorText(t, err));
      setBusy(false);
    }
  }

  return (
    <KernDialog title={topic ? t('topics.editTitle') : t('topics.createTitle')} isOpen onOpenChange={(open) => !open && onClose()}>
      {(close) => (
        <form className="k-form" onSubmit={(e) => void submit(e, close)} noValidate>
          <TextField label={t('topics.titleLabel')} required autoFocus maxLength={limits.topicTitleMax} value={title} onChange={(e) => setTitle(e.target.value)} />
          <div className="kern-form-input">
            <label className="kern-label" htmlFor="topic-description">
              {t('topics.description')} <span className="kern-label__optional">{t('app.optional')}</span>
            </label>
            <textarea
              id="topic-description"
              className="kern-form-input__input k-textarea"
              rows={4}
              maxLength={limits.descriptionMax}
              value={description}
              onChange={(e) => setDescription(e.target.value)}
            />
          </div>
          {error ? (
            <Alert tone="danger" live>
              {error}
            </Alert>
          ) : null}
          <FormDialogButtons busy={busy} submitLabel={t('app.save')} onCancel={close} />
        </form>
      )}
    </KernDialog>
  );
}
