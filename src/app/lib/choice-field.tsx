/**
 * The one field for a value chosen from a list (a kind's options such as 会议类型, a 村（社区）):
 * typed text filters the list by label or pinyin (@rules/choice-match: 「法治」, 「fz」, 「fazhi」),
 * the best match is highlighted so Enter takes it, and leaving the field (Tab) takes the only
 * match. Text that names no option, or several, is kept as typed — the form holds it and the core
 * refuses it on save — and the field says why, so nothing typed is silently cleared.
 */
import { Combobox, InputBase, useCombobox } from '@mantine/core';
import { matchChoices, settleChoice } from '@rules/choice-match';
import { useEffect, useState, type ReactNode } from 'react';

interface ChoiceFieldProps {
  label: ReactNode;
  options: readonly string[];
  value: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
  /** The form's message (the core's, or its quick hint); it wins over the field's own. */
  error?: ReactNode;
  /** Why a text that names no option is not allowed: 「“西山”不在设置的村（社区）名单中」. */
  refusal: (typed: string) => string;
  withAsterisk?: boolean;
  description?: ReactNode;
  name?: string;
  placeholder?: string;
  clearable?: boolean;
  'data-autofocus'?: boolean;
}

/** The field's own complaint about its value: none when it is empty or one of the options. */
function choiceProblem(options: readonly string[], value: string, refusal: (typed: string) => string): string | undefined {
  const t = value.trim();
  if (!t || options.includes(t)) return undefined;
  const n = matchChoices(options, t).length;
  return n ? `“${t}”符合${n}项，请按↓选择后回车` : refusal(t);
}

export function ChoiceField({
  label,
  options,
  value,
  onChange,
  onBlur,
  error,
  refusal,
  withAsterisk,
  description,
  name,
  placeholder = '输入文字或拼音首字母',
  clearable,
  ...rest
}: ChoiceFieldProps) {
  const combobox = useCombobox({
    onDropdownClose: () => combobox.resetSelectedOption(),
    // Opened by a click: ↓ starts from the current value. Opened by typing, the effect below
    // highlights the best match instead (an update here would land after it and undo it).
    onDropdownOpen: (source) => source === 'mouse' && combobox.updateSelectedOptionIndex('active'),
  });
  // What the input shows: the value, or the text being typed.
  const [search, setSearch] = useState(value);
  useEffect(() => setSearch(value), [value]);
  const typing = search !== value;
  const shown = typing ? matchChoices(options, search) : options;

  // As the clerk types, the best match is highlighted, so Enter takes it.
  useEffect(() => {
    if (!typing) return;
    if (search.trim()) combobox.selectFirstOption();
    else combobox.resetSelectedOption();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the store is stable; only the text matters
  }, [search, typing]);

  const take = (v: string) => {
    setSearch(v);
    onChange(v);
    combobox.closeDropdown();
  };

  const leave = () => {
    combobox.closeDropdown();
    if (typing) {
      const t = search.trim();
      if (!t) take('');
      else {
        const settled = settleChoice(options, t);
        // Several matches or none: the text stays, and choiceProblem says why.
        take('value' in settled ? settled.value : t);
      }
    }
    onBlur?.();
  };

  return (
    <Combobox store={combobox} onOptionSubmit={take} withinPortal>
      <Combobox.Target>
        <InputBase
          {...rest}
          label={label}
          withAsterisk={withAsterisk}
          description={description}
          name={name}
          placeholder={placeholder}
          value={search}
          error={error || choiceProblem(options, value, refusal)}
          onChange={(e) => {
            setSearch(e.currentTarget.value);
            combobox.openDropdown('keyboard');
          }}
          onClick={() => combobox.openDropdown('mouse')}
          onBlur={leave}
          rightSection={
            clearable && value ? (
              <Combobox.ClearButton aria-label={`清除${typeof label === 'string' ? label : ''}`} onClear={() => take('')} />
            ) : (
              <Combobox.Chevron />
            )
          }
          rightSectionPointerEvents={clearable && value ? 'all' : 'none'}
        />
      </Combobox.Target>
      <Combobox.Dropdown>
        <Combobox.Options mah={300} style={{ overflowY: 'auto' }}>
          {shown.length ? (
            shown.map((o) => (
              <Combobox.Option value={o} key={o} active={o === value}>
                {o}
              </Combobox.Option>
            ))
          ) : (
            <Combobox.Empty>没有符合“{search.trim()}”的选项</Combobox.Empty>
          )}
        </Combobox.Options>
      </Combobox.Dropdown>
    </Combobox>
  );
}
