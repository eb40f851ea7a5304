/** 安全副本: the copies the program made by itself (before every restore, before an upgrade), for reassurance. */
import { Button, Paper, Table, Text } from '@mantine/core';
import type { ApiOutput } from '../lib/api';
import { baseName, formatBytes, formatWhen } from './format';

export type SafetyCopies = ApiOutput<'backup.safetyCopies'>;

const SHOWN = 5;

const kindOf = (name: string) => (name.endsWith('.sqlite') ? '升级前' : name.includes('_恢复前') ? '恢复前' : '');

export function SafetyCopiesPanel({ data, onInspect }: { data: SafetyCopies | null; onInspect(file: string): void }) {
  const copies = data?.copies ?? [];
  return (
    <Paper withBorder p="md" data-testid="safety-copies">
      <Text size="sm" c="dimmed">
        每次恢复前，程序会先把当时的台账自动保存一份；升级程序时也会保存一份。安全副本不会被自动删除，需要时可以用它恢复。
      </Text>
      {data && (
        <Text size="xs" c="dimmed" mt={4} className="break-all">
          存放位置：{data.dir}
        </Text>
      )}
      {copies.length === 0 ? (
        <Text size="sm" c="dimmed" mt="sm">
          还没有安全副本。
        </Text>
      ) : (
        <Table mt="sm" verticalSpacing={3} fz="sm" withTableBorder striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={150}>保存时间</Table.Th>
              <Table.Th w={80}>类型</Table.Th>
              <Table.Th>文件</Table.Th>
              <Table.Th w={90}>大小</Table.Th>
              <Table.Th w={1}>操作</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {copies.slice(0, SHOWN).map((c) => (
              <Table.Tr key={c.file}>
                <Table.Td className="cell-nowrap">{formatWhen(c.modifiedAt)}</Table.Td>
                <Table.Td>{kindOf(baseName(c.file))}</Table.Td>
                <Table.Td className="cell-clip" title={c.file}>
                  {baseName(c.file)}
                </Table.Td>
                <Table.Td className="cell-nowrap">{formatBytes(c.bytes)}</Table.Td>
                <Table.Td>
                  {c.file.endsWith('.ftzb') && (
                    <Button size="compact-sm" variant="subtle" onClick={() => onInspect(c.file)}>
                      查看内容
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {copies.length > SHOWN && (
        <Text size="xs" c="dimmed" mt={4}>
          另有 {copies.length - SHOWN} 份更早的安全副本在上述文件夹中。
        </Text>
      )}
    </Paper>
  );
}
