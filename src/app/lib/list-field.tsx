/**
 * The one field for a list of short texts (the settings' 村（社区）, a record's 服务村（社区）): each
 * item a tag. Whatever arrives — typed with 、 or ，, pasted from a column or a spreadsheet row —
 * is split by @rules/list-split, so 「中心村，新民村」 + Enter makes two items. Suggestions are
 * found by label or pinyin (@rules/choice-match), as in the single choice field.
 */
import { TagsInput, type ComboboxParsedItem, type OptionsFilter, type TagsInputProps } from '@mantine/core';
import { matchChoices } from '@rules/choice-match';
import { splitItems } from '@rules/list-split';

type Props = Omit<TagsInputProps, 'value' | 'onChange' | 'data' | 'filter' | 'splitChars'> & {
  value: readonly string[];
  onChange: (items: string[]) => void;
  /** Items offered while typing (the 村（社区） list); others may still be typed. */
  suggestions?: readonly string[];
};

const labelOf = (o: ComboboxParsedItem): string => ('label' in o ? o.label : '');

/** Filters suggestions by the shared matching rule, best first. */
const byChoiceRule: OptionsFilter = ({ options, search, limit }) => {
  const order = matchChoices(options.map(labelOf), search);
  return order
    .map((label) => options.find((o) => labelOf(o) === label))
    .filter((o): o is ComboboxParsedItem => !!o)
    .slice(0, limit);
};

export function ListField({ value, onChange, suggestions = [], ...rest }: Props) {
  return (
    <TagsInput
      placeholder="输入后按回车添加，可用顿号或逗号分隔"
      {...rest}
      value={[...value]}
      onChange={(items) => onChange(splitItems(items))}
      data={[...suggestions]}
      filter={byChoiceRule}
      // Keys that end an item as they are typed; IME punctuation and pasted text arrive whole and
      // are split by splitItems on change.
      splitChars={[',', '，', '、', ';', '；']}
      clearable
    />
  );
}
