/** Dialogs of the outline: title (create, create child, rename) and assignment. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { limits, type MemberJSON, type SectionJSON, type TopicJSON, type UpdateSectionInput } from '@konvent/shared';
import { FormDialogButtons, KernDialog } from '../../components/Dialog';
import { Alert } from '../../components/feedback';
import { errorText } from '../../components/errors';
import { SelectField, TextField } from '../../components/Field';

interface TitleProps {
  heading: string;
  initial: string;
  submitLabel: string;
  onSubmit: (title: string) => Promise<unknown>;
  onClose: () => void;
}

export function TitleDialog({ heading, initial, submitLabel, onSubmit, onClose }: TitleProps) {
  const { t } = useTranslation();
  const [title, setTitle] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent, close: () => void) {
    event.preventDefault();
    if (!title.trim()) {
      setError(t('errors.validation', { message: t('outline.titleLabel') }));
      return;
    }
    setBusy(true);
    try {
      await onSubmit(title.trim());
      close();
    } catch (err) {
      setError(errorText(t, err));
      setBusy(false);
    }
  }

  return (
    <KernDialog title={heading} isOpen onOpenChange={(open) => !open && onClose()}>
      {(close) => (
        <form className="k-form" onSubmit={(e) => void submit(e, close)} noValidate>
          <TextField
            label={t('outline.titleLabel')}
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            maxLength={limits.sectionTitleMax}
            required
            autoFocus
            error={error}
          />
          <FormDialogButtons busy={busy} submitLabel={submitLabel} onCancel={close} />
        </form>
      )}
    </KernDialog>
  );
}

interface AssignProps {
  section: SectionJSON;
  topics: TopicJSON[];
  members: MemberJSON[];
  onSubmit: (patch: UpdateSectionInput) => Promise<unknown>;
  onClose: () => void;
}

export function AssignDialog({ section, topics, members, onSubmit, onClose }: AssignProps) {
  const { t } = useTranslation();
  const [topicId, setTopicId] = useState(section.topicId ?? '');
  const [assigneeId, setAssigneeId] = useState(section.assigneeId ?? '');
  const [dueDate, setDueDate] = useState(section.dueDate ?? '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Observers cannot write, so they are not offered as the person responsible.
  const candidates = members.filter((m) => m.role !== 'observer' || m.userId === section.assigneeId);

  async function submit(event: FormEvent, close: () => void) {
    event.preventDefault();
    setBusy(true);
    try {
      await onSubmit({ topicId: topicId || null, assigneeId: assigneeId || null, dueDate: dueDate || null });
      close();
    } catch (err) {
      setError(errorText(t, err));
      setBusy(false);
    }
  }

  return (
    <KernDialog title={`${t('outline.assignTitle')}: ${section.title}`} isOpen onOpenChange={(open) => !open && onClose()}>
      {(close) => (
        <form className="k-form" onSubmit={(e) => void submit(e, close)} noValidate>
          <SelectField label={t('outline.topic')} value={topicId} onChange={(e) => setTopicId(e.target.value)}>
            <option value="">{t('outline.noTopic')}</option>
            {topics
              .filter((x) => !x.archived || x.id === section.topicId)
              .map((x) => (
                <option key={x.id} value={x.id}>
                  {x.title}
                </option>
              ))}
          </SelectField>
          <SelectField label={t('outline.assignee')} value={assigneeId} onChange={(e) => setAssigneeId(e.target.value)}>
            <option value="">{t('outline.noAssignee')}</option>
            {candidates.map((m) => (
              <option key={m.userId} value={m.userId}>
                {m.name}
                {m.organisation ? ` (${m.organisation})` : ''}
              </option>
            ))}
          </SelectField>
          <TextField label={t('outline.dueDate')} type="date" value={dueDate} onChange={(e) => setDueDate(e.target.value)} optional />
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
