/** The removable drives as cards to choose from: label, path, free space, and a warning when this backup will not fit. */
import { Group, SimpleGrid, Text, UnstyledButton } from '@mantine/core';
import type { ApiOutput } from '../lib/api';
import { IconDrive } from '../icons';
import { formatBytes } from './format';

export type DriveList = ApiOutput<'backup.drives'>;
export type Drive = DriveList['drives'][number];

interface Props {
  list: DriveList;
  selected: string | null;
  onSelect(path: string): void;
}

export function DriveCards({ list, selected, onSelect }: Props) {
  if (list.drives.length === 0) {
    return (
      <Text size="sm" c="dimmed" className="drive-empty" data-testid="no-drives">
        未检测到U盘。请插入U盘，稍等几秒后点“刷新”；也可以在下方选择其他文件夹保存备份。
      </Text>
    );
  }
  return (
    <SimpleGrid cols={{ base: 2, lg: 3 }} spacing="sm" role="radiogroup" aria-label="U盘">
      {list.drives.map((d) => (
        <UnstyledButton
          key={d.path}
          className="drive-card"
          role="radio"
          aria-checked={selected === d.path}
          data-selected={selected === d.path || undefined}
          data-short={!d.enoughSpace || undefined}
          data-testid="drive-card"
          onClick={() => onSelect(d.path)}
        >
          <Group gap={8} wrap="nowrap" mb={4}>
            <IconDrive size={20} />
            <Text fw={600} truncate>
              {d.label}
            </Text>
          </Group>
          <Text size="xs" c="dimmed" truncate title={d.path}>
            {d.path}
          </Text>
          <Text size="sm" mt={6}>
            可用空间 {formatBytes(d.freeBytes)}
            {d.totalBytes > 0 && (
              <Text span size="xs" c="dimmed">
                （共 {formatBytes(d.totalBytes)}）
              </Text>
            )}
          </Text>
          {d.enoughSpace ? (
            <Text size="xs" c="dimmed">
              本次备份约需 {formatBytes(list.estimateBytes)}
            </Text>
          ) : (
            <Text size="xs" c="red.7" fw={600} data-testid="drive-short">
              空间不足：本次备份约需 {formatBytes(list.estimateBytes)}，请清理U盘或换一个
            </Text>
          )}
        </UnstyledButton>
      ))}
    </SimpleGrid>
  );
}
