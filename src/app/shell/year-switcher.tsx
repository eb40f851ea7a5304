/** The header's 年度 switcher: every page follows the year chosen here. */
import { Group, Select, Text } from '@mantine/core';
import { useLedger } from '../state/ledger';

export function YearSwitcher() {
  const { year, setYear, years } = useLedger();
  return (
    <Group gap={6} wrap="nowrap">
      <Text size="sm" c="gov.1">
        台账年度
      </Text>
      <Select
        data-testid="year-switcher"
        aria-label="台账年度"
        w={104}
        size="xs"
        value={String(year)}
        data={years.map((y) => ({ value: String(y), label: `${y}年` }))}
        onChange={(v) => v && setYear(Number(v))}
        comboboxProps={{ width: 120, position: 'bottom-end' }}
        maxDropdownHeight={320}
      />
    </Group>
  );
}
