/** The 更正 / 退回 history of a 行政规范性文件, newest first, as the record form shows it. */
import { Badge, Group, Stack, Text } from '@mantine/core';
import { parseHistory } from '@rules/kinds/normative-history';
import type { RecordData } from '../../lib/api';

export function NormativeHistory({ data }: { data: RecordData }) {
  const entries = parseHistory(data.history).reverse();
  if (!entries.length) return null;
  return (
    <Stack gap={4} mt="sm" data-testid="normative-history">
      <Text size="xs" c="dimmed">
        更正与退回记录
      </Text>
      {entries.map((e, i) => (
        <Group key={i} gap={6} wrap="nowrap" align="flex-start">
          <Badge size="sm" variant="light" color={e.action === '退回' ? 'orange' : 'blue'} style={{ flex: 'none' }}>
            {e.action}
          </Badge>
          <Text size="sm" style={{ minWidth: 0 }}>
            <Text span c="dimmed" size="sm">
              {e.date}　{e.step}：
            </Text>
            {e.changes}
            {e.reason && (
              <Text span c="dimmed" size="sm">
                （原因：{e.reason}）
              </Text>
            )}
          </Text>
        </Group>
      ))}
    </Stack>
  );
}
