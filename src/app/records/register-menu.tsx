/**
 * 登记簿 buttons of a kind's page: choose the columns, 打印 and 导出PDF. The register holds what
 * the page shows (same filters and search), all pages of it, by date. 打印 loads the register's
 * HTML into a hidden, script-less frame and opens the print dialog on it (Electron's system
 * dialog, a browser's print preview); 导出PDF gets the PDF from the core and downloads it.
 */
import { Button, Checkbox, Group, Popover, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { defaultRegisterColumns, MAX_REGISTER_COLUMNS, registerColumnChoices } from '@rules/kinds/register';
import { asApiError, call, type KindDef } from '../lib/api';
import { useToast } from '../state/toast';
import { downloadBytes } from '../lib/download';
import { IconDownload, IconPrinter } from '../icons';
import { base64ToBytes } from './attachment-files';
import type { ListView } from './use-record-list';
import { registerColumnsKey, savedColumns } from './register-columns';

function printInFrame(html: string): void {
  document.querySelector('iframe[data-register-print]')?.remove();
  const frame = document.createElement('iframe');
  // Same origin so this page may call print() on it; no scripts run inside.
  frame.setAttribute('sandbox', 'allow-same-origin allow-modals');
  frame.setAttribute('data-register-print', '');
  frame.setAttribute('aria-hidden', 'true');
  frame.style.cssText = 'position:fixed;right:0;bottom:0;width:0;height:0;border:0;visibility:hidden';
  frame.onload = () => {
    frame.contentWindow?.focus();
    frame.contentWindow?.print();
  };
  frame.srcdoc = html;
  document.body.append(frame);
}

export function RegisterMenu({ kind, year, view }: { kind: KindDef; year: number; view: Pick<ListView, 'filters' | 'search'> }) {
  const toast = useToast();
  const [columns, setColumns] = useState(() => savedColumns(kind));
  const [busy, setBusy] = useState<'print' | 'pdf' | null>(null);
  const fixed = new Set([kind.dateField, kind.titleField]);

  const choose = (keys: string[]) => {
    // Kept in the kind's field order, the date first, so the register reads like the form.
    const next = [
      kind.dateField,
      ...kind.fields.map((f) => f.key).filter((k) => k !== kind.dateField && (keys.includes(k) || fixed.has(k))),
    ];
    setColumns(next);
    localStorage.setItem(registerColumnsKey(kind), JSON.stringify(next));
  };
  const reset = () => {
    setColumns(defaultRegisterColumns(kind));
    localStorage.removeItem(registerColumnsKey(kind));
  };

  const input = () => ({ kind: kind.id, year, filters: view.filters, search: view.search.trim() || undefined, columns });
  const run = async (what: 'print' | 'pdf') => {
    setBusy(what);
    try {
      if (what === 'print') {
        const r = await call('register.html', input());
        printInFrame(r.html);
      } else {
        const r = await call('register.pdf', input());
        downloadBytes(r.fileName, 'application/pdf', base64ToBytes(r.dataBase64));
        toast(`已导出${r.fileName}（${r.records}条）`);
      }
    } catch (err) {
      toast(asApiError(err).message, 'error');
    } finally {
      setBusy(null);
    }
  };

  return (
    <Group gap={6} wrap="nowrap">
      <Popover position="bottom-end" shadow="md" width={300}>
        <Popover.Target>
          <Button variant="subtle" size="sm" px={8} title="选择登记簿的列">
            登记簿列（{columns.length}）
          </Button>
        </Popover.Target>
        <Popover.Dropdown>
          <Text size="sm" fw={600} mb={4}>
            登记簿显示的列
          </Text>
          <Text size="xs" c="dimmed" mb={8}>
            日期和名称总会打印；最多{MAX_REGISTER_COLUMNS}列。
          </Text>
          <Checkbox.Group value={columns} onChange={choose}>
            <Stack gap={6} mah={320} style={{ overflowY: 'auto' }}>
              {registerColumnChoices(kind).map((f) => (
                <Checkbox
                  key={f.key}
                  value={f.key}
                  label={f.label}
                  size="xs"
                  disabled={fixed.has(f.key) || (!columns.includes(f.key) && columns.length >= MAX_REGISTER_COLUMNS)}
                />
              ))}
            </Stack>
          </Checkbox.Group>
          <Button variant="subtle" size="xs" mt={8} onClick={reset}>
            恢复默认列
          </Button>
        </Popover.Dropdown>
      </Popover>
      <Button
        variant="default"
        leftSection={<IconPrinter />}
        loading={busy === 'print'}
        onClick={() => run('print')}
        title="打印本页筛选出的全部记录"
      >
        打印
      </Button>
      <Button
        variant="default"
        leftSection={<IconDownload />}
        loading={busy === 'pdf'}
        onClick={() => run('pdf')}
        title="把登记簿导出为PDF"
      >
        导出PDF
      </Button>
    </Group>
  );
}
