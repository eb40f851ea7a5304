/** The header's 年度 switcher: every page follows the year chosen here. */
import { Group, Select, Text } from '@mantine/core';
import { useLedger } from '../state/ledger';
import { confirmLeave } from '../state/unsaved-guard';

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
        onChange={(v) => {
          // Unsaved edits (年度报告) belong to the current year: ask before switching.
          if (v) void confirmLeave().then((leave) => leave && setYear(Number(v)));
        }}
        comboboxProps={{ width: 120, position: 'bottom-end' }}
        maxDropdownHeight={320}
      />
    </Group>
  );
}
