/**
 * 导入导出: the whole-ledger doors. From Excel — every sheet of a workbook at once, through the
 * same preview as a kind page; 导出全年台账 and the template; and the JSON exchange file through
 * main's dialogs (replacing the ledger asks there and keeps a safety copy first; desktop app only).
 */
import { Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { asApiError, call } from '../../lib/api';
import { useLedger } from '../../state/ledger';
import { useToast } from '../../state/toast';
import { downloadBase64, XLSX_MIME } from './files';
import { ImportDialog } from './import-dialog';

export function DataPage() {
  const { year, changed } = useLedger();
  const toast = useToast();
  const [importing, setImporting] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);

  const run = async (key: string, fn: () => Promise<string>) => {
    setBusy(key);
    try {
      toast(await fn());
    } catch (err) {
      toast(asApiError(err).message, 'error');
    } finally {
      setBusy(null);
    }
  };
  const exportYear = () =>
    run('year', async () => {
      const f = await call('excel.exportYear', { year });
      downloadBase64(f.fileName, XLSX_MIME, f.dataBase64);
      return `已导出${year}年度台账（${f.records}条记录）`;
    });
  const template = () =>
    run('template', async () => {
      const f = await call('excel.template', {});
      downloadBase64(f.fileName, XLSX_MIME, f.dataBase64);
      return '已下载导入模板';
    });
  // The whole ledger as one file, and replacing it, go through main's own save/open dialogs and
  // confirmation (file.exportLedger / file.importLedger); the page never holds the ledger's text.
  const exportJson = () =>
    run('json', async () => {
      const r = await call('file.exportLedger', {});
      return r.canceled ? '已取消' : `已导出交换文件：${r.file}`;
    });
  const importJson = () =>
    run('replace', async () => {
      const r = await call('file.importLedger', {});
      if (r.canceled) return '已取消';
      changed();
      return `已用交换文件替换台账（${r.records}条记录）；原台账已存为安全副本`;
    });

  return (
    <Stack gap="md" maw={980}>
      <Title order={2}>导入导出</Title>
      <SimpleGrid cols={2} spacing="md">
        <Card withBorder padding="md">
          <Text fw={600}>从Excel导入</Text>
          <Text size="sm" c="dimmed" mt={4} mb="sm">
            一次读入工作簿中的每个工作表，按表名或表头识别是哪类台账。导入前先预览，可调整列的对应关系；只新增记录，不覆盖已有台账。
          </Text>
          <Group gap="xs">
            <Button onClick={() => setImporting(true)} data-testid="data-import-excel">
              导入Excel工作簿…
            </Button>
            <Button variant="default" onClick={() => void template()} loading={busy === 'template'}>
              下载导入模板
            </Button>
          </Group>
        </Card>
        <Card withBorder padding="md">
          <Text fw={600}>导出全年台账</Text>
          <Text size="sm" c="dimmed" mt={4} mb="sm">
            {year}年度每类台账一个工作表，另附“汇总”表（年度各项数字与报告写法），可直接A4横向打印。
          </Text>
          <Group gap="xs">
            <Button onClick={() => void exportYear()} loading={busy === 'year'} data-testid="data-export-year">
              导出{year}年度台账（Excel）
            </Button>
          </Group>
        </Card>
        <Card withBorder padding="md">
          <Text fw={600}>交换文件（JSON）</Text>
          <Text size="sm" c="dimmed" mt={4} mb="sm">
            整个台账（全部年度、回收站、报告草稿）存为一个文件，用于换电脑或升级。导入交换文件会<b>替换</b>
            当前整个台账，替换前会确认并自动保存安全副本。附件不在其中，请用“备份与恢复”。（仅桌面版）
          </Text>
          <Group gap="xs">
            <Button variant="default" onClick={() => void exportJson()} loading={busy === 'json'}>
              导出交换文件
            </Button>
            <Button variant="default" onClick={() => void importJson()} loading={busy === 'replace'} data-testid="data-import-json">
              导入交换文件（替换台账）…
            </Button>
          </Group>
        </Card>
      </SimpleGrid>
      {importing && <ImportDialog year={year} onClose={() => setImporting(false)} />}
    </Stack>
  );
}
