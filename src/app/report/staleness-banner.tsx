/** Says plainly when records behind the last printed or exported report have changed since (report.staleness). */
import { Anchor, Collapse, Group, List, Text } from '@mantine/core';
import { useState } from 'react';
import { IconAlert } from '../icons';
import type { Staleness } from './types';

const FORMAT: Record<string, string> = { print: '打印', pdf: '导出PDF', docx: '导出Word', html: '导出网页' };

function when(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

const changes = (f: Staleness['figures'][number]) =>
  [f.added && `新增${f.added}条`, f.modified && `修改${f.modified}条`, f.removed && `删除${f.removed}条`].filter(Boolean).join('、');

/** One line (the figures affected behind 详情), so the editor and the preview keep the window's height. */
export function StalenessBanner({ staleness }: { staleness: Staleness | null }) {
  const [open, setOpen] = useState(false);
  if (!staleness?.output) return null;
  const last = `上次${FORMAT[staleness.output.format] ?? '输出'}：${when(staleness.output.createdAt)}`;
  if (!staleness.changedRecords) {
    return (
      <Text size="xs" c="dimmed" data-testid="staleness-ok">
        {last}，此后台账数据未变化。
      </Text>
    );
  }
  return (
    <div className="staleness-banner" data-testid="staleness-banner">
      <Group gap={6} wrap="nowrap">
        <IconAlert size={14} />
        <Text size="sm" fw={600} className="staleness-line" title={staleness.message}>
          {staleness.message}
        </Text>
        <Anchor component="button" type="button" size="xs" onClick={() => setOpen((o) => !o)} aria-expanded={open} style={{ flex: 'none' }}>
          {open ? '收起' : '详情'}
        </Anchor>
      </Group>
      <Collapse expanded={open}>
        <Text size="sm" mt={4}>
          {last}。受影响的数字（重新打印或导出后本提示消失）：
        </Text>
        <List size="sm" spacing={0} mt={2}>
          {staleness.figures.map((f) => (
            <List.Item key={f.figureId}>
              {f.name}：当时为{f.printed}
              {changes(f) && `（${changes(f)}）`}
            </List.Item>
          ))}
        </List>
      </Collapse>
    </div>
  );
}
