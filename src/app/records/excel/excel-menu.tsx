/**
 * A kind page's Excel door: 导入Excel (the preview dialog, reading every sheet as this kind),
 * 导出Excel (the page's filters and search, all pages), 下载模板. Its own component so the page
 * header only mounts it.
 */
import { Button, Menu } from '@mantine/core';
import { useState } from 'react';
import { asApiError, call, type KindDef } from '../../lib/api';
import { useToast } from '../../state/toast';
import type { ListView } from '../use-record-list';
import { savedColumns } from '../register-columns';
import { downloadBase64, XLSX_MIME } from './files';
import { ImportDialog } from './import-dialog';

export function ExcelMenu({ kind, year, view }: { kind: KindDef; year: number; view: ListView }) {
  const toast = useToast();
  const [importing, setImporting] = useState(false);
  const [busy, setBusy] = useState(false);

  const run = async (what: () => Promise<{ fileName: string; dataBase64: string; records: number }>, done: (n: number) => string) => {
    setBusy(true);
    try {
      const f = await what();
      downloadBase64(f.fileName, XLSX_MIME, f.dataBase64);
      toast(done(f.records));
    } catch (err) {
      toast(asApiError(err).message, 'error');
    } finally {
      setBusy(false);
    }
  };
  const filtered = Object.keys(view.filters).length > 0 || view.search.trim() !== '';

  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button variant="default" loading={busy} data-testid="excel-menu">
            Excel
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item onClick={() => setImporting(true)}>导入Excel…</Menu.Item>
          <Menu.Item
            onClick={() =>
              void run(
                () =>
                  call('excel.exportKind', {
                    kind: kind.id,
                    year,
                    filters: view.filters,
                    search: view.search.trim() || undefined,
                    sortBy: view.sortBy,
                    sortDir: view.sortDir,
                    // The sheet prints the columns the clerk chose for this kind's 登记簿.
                    columns: savedColumns(kind),
                  }),
                (n) => `已导出${n}条${filtered ? '（按当前筛选）' : ''}`,
              )
            }
          >
            导出Excel{filtered ? '（按当前筛选）' : ''}
          </Menu.Item>
          <Menu.Item
            onClick={() =>
              void run(
                () => call('excel.template', { kind: kind.id }),
                () => `已下载${kind.label}台账模板`,
              )
            }
          >
            下载模板
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      {importing && <ImportDialog kind={kind} year={year} onClose={() => setImporting(false)} />}
    </>
  );
}
