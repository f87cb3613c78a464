/** A react-aria-components ComboBox of the working group's members to add one to a subgroup. */
import { useState } from 'react';
import { Button, ComboBox, Input, Label, ListBox, ListBoxItem, Popover, Text } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { MemberJSON } from '@konvent/shared';

interface Props {
  topicTitle: string;
  candidates: MemberJSON[];
  disabled: boolean;
  onAdd: (member: MemberJSON) => void;
}

export function AddSubgroupMember({ topicTitle, candidates, disabled, onAdd }: Props) {
  const { t } = useTranslation();
  const [input, setInput] = useState('');
  const needle = input.trim().toLowerCase();
  const items = candidates.filter((m) => !needle || `${m.name} ${m.organisation ?? ''}`.toLowerCase().includes(needle));

  return (
    <ComboBox
      className="k-combobox"
      items={items}
      inputValue={input}
      onInputChange={setInput}
      selectedKey={null}
      isDisabled={disabled}
      menuTrigger="focus"
      onSelectionChange={(key) => {
        const member = candidates.find((m) => m.userId === key);
        if (member) {
          onAdd(member);
          setInput('');
        }
      }}
    >
      <Label className="kern-label">{t('topics.addMemberLabel', { title: topicTitle })}</Label>
      <Text slot="description" className="kern-hint">
        {t('topics.addMemberHint')}
      </Text>
      <div className="k-combobox__field">
        <Input className="kern-form-input__input" />
        <Button className="k-combobox__button" aria-label={t('topics.addMember')}>
          <span className="k-chevron" aria-hidden="true" />
        </Button>
      </div>
      <Popover className="k-popover k-combobox__popover" placement="bottom start">
        <ListBox<MemberJSON>
          className="k-menu"
          renderEmptyState={() => <p className="k-menu__item k-muted">{t('topics.noCandidates')}</p>}
        >
          {(m) => (
            <ListBoxItem id={m.userId} textValue={m.name} className="k-menu__item">
              {m.name}
              {m.organisation ? <span className="k-muted"> · {m.organisation}</span> : null}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </ComboBox>
  );
}
