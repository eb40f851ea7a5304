/** What a backup holds (backup.inspect), shown before anything changes: when, which town, how many records of each kind, and its check. */
import { Badge, Group, Loader, SimpleGrid, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { ApiOutput } from '../lib/api';
import { baseName, formatBytes, formatWhen } from './format';

export type BackupInfo = ApiOutput<'backup.inspect'>;
export type Check = { state: 'checking' } | { state: 'sound' } | { state: 'broken'; problem: string };

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm">{children}</Text>
    </div>
  );
}

export function BackupContents({ info, check, currentTown }: { info: BackupInfo; check: Check; currentTown: string }) {
  const total = info.kinds.reduce((n, k) => n + k.count, 0);
  return (
    <div data-testid="backup-contents">
      <Group gap="xs" mb="xs" wrap="nowrap">
        <Text fw={600} size="sm" className="break-all">
          {baseName(info.file)}
        </Text>
        {check.state === 'checking' && (
          <Badge variant="light" color="gray" leftSection={<Loader size={10} />}>
            正在校验
          </Badge>
        )}
        {check.state === 'sound' && (
          <Badge variant="light" color="teal" data-testid="backup-sound">
            校验通过
          </Badge>
        )}
        {check.state === 'broken' && (
          <Badge variant="light" color="red">
            校验未通过
          </Badge>
        )}
      </Group>
      <SimpleGrid cols={4} spacing="sm" mb="sm">
        <Fact label="备份时间">{formatWhen(info.createdAt)}</Fact>
        <Fact label="乡镇">{info.town || '未填写'}</Fact>
        <Fact label="程序版本">{info.appVersion}</Fact>
        <Fact label="文件大小">{formatBytes(info.bytes)}</Fact>
      </SimpleGrid>
      {currentTown && info.town && info.town !== currentTown && (
        <Text size="sm" c="orange.8" mb="xs">
          注意：这是“{info.town}”的备份，当前台账是“{currentTown}”。
        </Text>
      )}
      <Table withTableBorder withColumnBorders verticalSpacing={3} fz="sm" maw={400} data-testid="backup-counts">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>台账</Table.Th>
            {/* The other screens show one year; a backup holds every year, and says so. */}
            <Table.Th w={140} ta="right">
              记录数（全部年度）
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {info.kinds.map((k) => (
            <Table.Tr key={k.kind}>
              <Table.Td>{k.label}</Table.Td>
              <Table.Td ta="right">{k.count}</Table.Td>
            </Table.Tr>
          ))}
          {info.kinds.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={2} c="dimmed">
                没有台账记录
              </Table.Td>
            </Table.Tr>
          )}
          <Table.Tr fw={600}>
            <Table.Td>合计</Table.Td>
            <Table.Td ta="right">{total}</Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
      <Text size="xs" c="dimmed" mt={6}>
        另有：回收站 {info.trash} 条 · 附件 {info.attachments} 个 · 年度报告 {info.reports} 份
      </Text>
    </div>
  );
}
