/**
 * Filters above the outline, kept in the URL's search params so a filtered view can be
 * bookmarked and shared: topic, status, assignee and "my sections" (assigned to me or in one of
 * my subgroups' topics).
 */
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { compareGerman, sectionStatuses, type MemberJSON, type SectionJSON, type SectionStatus, type TopicJSON } from '@konvent/shared';
import { SelectField } from '../../components/Field';

export interface OutlineFilter {
  topic: string | null;
  status: SectionStatus | null;
  assignee: string | null;
  mine: boolean;
}

export function useOutlineFilter(): [OutlineFilter, (patch: Partial<OutlineFilter>) => void] {
  const [params, setParams] = useSearchParams();
  const status = params.get('status');
  const filter: OutlineFilter = {
    topic: params.get('thema'),
    status: (sectionStatuses as readonly string[]).includes(status ?? '') ? (status as SectionStatus) : null,
    assignee: params.get('verantwortlich'),
    mine: params.get('meine') === '1',
  };
  const update = (patch: Partial<OutlineFilter>) => {
    const next = { ...filter, ...patch };
    const out = new URLSearchParams(params);
    const set = (key: string, value: string | null) => (value ? out.set(key, value) : out.delete(key));
    set('thema', next.topic);
    set('status', next.status);
    set('verantwortlich', next.assignee);
    set('meine', next.mine ? '1' : null);
    setParams(out, { replace: true });
  };
  return [filter, update];
}

export function isFiltered(f: OutlineFilter): boolean {
  return !!(f.topic || f.status || f.assignee || f.mine);
}

/** Whether a section matches every chosen filter. */
export function matcher(f: OutlineFilter, me: string, myTopics: Set<string>): (s: SectionJSON) => boolean {
  return (s) =>
    (!f.topic || s.topicId === f.topic) &&
    (!f.status || s.status === f.status) &&
    (!f.assignee || s.assigneeId === f.assignee) &&
    (!f.mine || s.assigneeId === me || (!!s.topicId && myTopics.has(s.topicId)));
}

interface Props {
  filter: OutlineFilter;
  onChange: (patch: Partial<OutlineFilter>) => void;
  topics: TopicJSON[];
  members: MemberJSON[];
  shown: number;
  total: number;
}

export function OutlineFilters({ filter, onChange, topics, members, shown, total }: Props) {
  const { t } = useTranslation();
  const assignees = [...members].sort((a, b) => compareGerman(a.name, b.name));
  return (
    <form className="k-outline-filters" aria-label={t('outline.filters')} onSubmit={(e) => e.preventDefault()}>
      <SelectField
        label={t('outline.topic')}
        className="k-outline-filters__field"
        value={filter.topic ?? ''}
        onChange={(e) => onChange({ topic: e.target.value || null })}
      >
        <option value="">{t('outline.filterAll')}</option>
        {topics.map((topic) => (
          <option key={topic.id} value={topic.id}>
            {topic.title}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t('section.status')}
        className="k-outline-filters__field"
        value={filter.status ?? ''}
        onChange={(e) => onChange({ status: (e.target.value || null) as SectionStatus | null })}
      >
        <option value="">{t('outline.filterAll')}</option>
        {sectionStatuses.map((s) => (
          <option key={s} value={s}>
            {t(`status.${s}`)}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t('outline.assignee')}
        className="k-outline-filters__field"
        value={filter.assignee ?? ''}
        onChange={(e) => onChange({ assignee: e.target.value || null })}
      >
        <option value="">{t('outline.filterAll')}</option>
        {assignees.map((m) => (
          <option key={m.userId} value={m.userId}>
            {m.name}
          </option>
        ))}
      </SelectField>
      <div className="kern-form-check k-outline-filters__mine">
        <input id="filter-mine" className="kern-form-check__checkbox" type="checkbox" checked={filter.mine} onChange={(e) => onChange({ mine: e.target.checked })} />
        <label className="kern-label" htmlFor="filter-mine">
          {t('outline.filterMine')}
        </label>
      </div>
      {isFiltered(filter) ? (
        <p className="k-outline-filters__summary" role="status">
          {t('outline.filterSummary', { shown, total })}{' '}
          <button type="button" className="kern-btn kern-btn--tertiary kern-btn--small" onClick={() => onChange({ topic: null, status: null, assignee: null, mine: false })}>
            <span className="kern-label">{t('outline.filterReset')}</span>
          </button>
        </p>
      ) : null}
    </form>
  );
}
