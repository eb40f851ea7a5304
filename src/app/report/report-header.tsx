/** The report page's title row: where the text comes from, unsaved edits, save, and the outputs. */
import { Badge, Button, Group, Menu, Text, Title } from '@mantine/core';
import { IconDownload, IconPrinter } from '../icons';
import { ReportBackupNotice } from '../lib/backup-reminder';
import type { OutputKind } from './use-report-output';
import type { ReportModel } from './use-report';

interface Props {
  m: ReportModel;
  onSave(): void;
  busy: OutputKind | null;
  onOutput(kind: OutputKind): void;
  onRevert(): void;
  onReset(): void;
  onSources(format: 'csv' | 'json'): void;
}

function sourceBadge(m: ReportModel) {
  if (!m.saved) return null;
  if (m.saved.source === 'saved')
    return (
      <Badge variant="light" color="teal">
        已保存
      </Badge>
    );
  if (m.saved.source === 'previous')
    return (
      <Badge variant="light" color="gray">
        沿用{m.saved.fromYear}年报告，尚未保存
      </Badge>
    );
  return (
    <Badge variant="light" color="gray">
      默认提纲，尚未保存
    </Badge>
  );
}

export function ReportHeader({ m, onSave, busy, onOutput, onRevert, onReset, onSources }: Props) {
  return (
    <Group justify="space-between" wrap="nowrap" className="sticky-bar report-header">
      <Group gap="sm" wrap="nowrap">
        <Title order={2}>{m.year}年度报告</Title>
        {!m.dirty && sourceBadge(m)}
        {m.dirty && (
          <Text size="sm" c="orange.8" data-testid="report-dirty">
            有修改尚未保存
          </Text>
        )}
      </Group>
      <Group gap={6} wrap="nowrap">
        {m.dirty && (
          <Button variant="subtle" color="gray" onClick={onRevert}>
            撤销修改
          </Button>
        )}
        <Button
          onClick={onSave}
          loading={m.saving}
          disabled={!m.draft || (!m.dirty && m.saved?.source === 'saved')}
          data-testid="report-save"
          data-shortcut="save"
          title="保存（Ctrl+S）"
        >
          保存
        </Button>
        <ReportBackupNotice />
        <Button variant="default" leftSection={<IconPrinter />} loading={busy === 'print'} onClick={() => onOutput('print')}>
          打印
        </Button>
        <Button variant="default" leftSection={<IconDownload />} loading={busy === 'pdf'} onClick={() => onOutput('pdf')}>
          导出PDF
        </Button>
        <Button variant="default" leftSection={<IconDownload />} loading={busy === 'docx'} onClick={() => onOutput('docx')}>
          导出Word
        </Button>
        <Menu position="bottom-end" shadow="md" withinPortal>
          <Menu.Target>
            <Button variant="subtle" color="gray" px={8}>
              更多
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Label>数据来源附表（仅供内部核对）</Menu.Label>
            <Menu.Item onClick={() => onSources('csv')}>下载附表（CSV，可用Excel打开）</Menu.Item>
            <Menu.Item onClick={() => onSources('json')}>下载附表（JSON）</Menu.Item>
            <Menu.Divider />
            <Menu.Item color="red" onClick={onReset}>
              恢复默认提纲…
            </Menu.Item>
          </Menu.Dropdown>
        </Menu>
      </Group>
    </Group>
  );
}
