/**
 * 关于与诊断 (帮助 → 关于法治台账, and the left menu): what whoever supports the clerk asks first —
 * versions, the ledger's path, size, schema version and integrity check, the report's fonts on this
 * PC, printers, U盘, free space, the last backup, the log file. Gathered by the core
 * (`diagnostics.collect`, then `diagnostics.integrity` in the worker) except the fonts, which only
 * the page can measure. 复制诊断信息 puts it
 * all on the clipboard as plain text (@rules/diagnostics, the same text the self-test prints).
 */
import { Alert, Badge, Button, Group, Paper, SimpleGrid, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { diagnosticsText, pageGroups, type DiagGroup, type Diagnostics, type Tone } from '@rules/diagnostics';
import { asApiError, call } from '../lib/api';
import { useToast } from '../state/toast';
import { checkFonts } from '../lib/font-check';
import { IconAlert } from '../icons';
import { copyText } from './copy-text';

const TONE: Record<Tone, { color: string; label: string }> = {
  ok: { color: 'teal', label: '正常' },
  warn: { color: 'orange', label: '请留意' },
  bad: { color: 'red', label: '需处理' },
};

function GroupCard({ g }: { g: DiagGroup }) {
  return (
    <Paper withBorder p="sm" radius="sm" data-testid="diag-group">
      <Title order={4} mb={6}>
        {g.group}
      </Title>
      <Table withRowBorders={false} verticalSpacing={4} horizontalSpacing={6} layout="fixed">
        <Table.Tbody>
          {g.rows.map((r) => (
            <Table.Tr key={r.label}>
              <Table.Th w={170} fw={400} c="dimmed" style={{ verticalAlign: 'top' }}>
                {r.label}
              </Table.Th>
              <Table.Td className="diag-value">
                {r.value}
                {r.tone && r.tone !== 'ok' && (
                  <Badge ml={6} size="sm" variant="light" color={TONE[r.tone].color}>
                    {TONE[r.tone].label}
                  </Badge>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

export function AboutPage() {
  const toast = useToast();
  const [diag, setDiag] = useState<Diagnostics | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  /** The text to copy by hand when the clipboard refused it. */
  const [manual, setManual] = useState<string | null>(null);
  const copyButton = useRef<HTMLButtonElement>(null);
  const fonts = useMemo(() => checkFonts(), []);

  const load = useCallback(async () => {
    setLoading(true);
    try {
      const d = await call('diagnostics.collect', {});
      setDiag(d);
      setError(null);
      // Reads the whole file (seconds on a large ledger), in the worker: the rest shows meanwhile.
      const { integrity } = await call('diagnostics.integrity', {});
      setDiag({ ...d, ledger: { ...d.ledger, integrity } });
    } catch (err) {
      setError(asApiError(err).message);
    } finally {
      setLoading(false);
    }
  }, []);
  useEffect(() => void load(), [load]);

  const copy = () => {
    if (!diag) return;
    const text = diagnosticsText(diag, fonts);
    if (copyText(text)) {
      setManual(null);
      toast('已复制诊断信息，可粘贴到微信或邮件中发给技术支持人员');
    } else setManual(text);
    copyButton.current?.focus();
  };

  const groups = diag ? pageGroups(diag, fonts) : [];
  const faults = groups.flatMap((g) => g.rows).filter((r) => r.tone === 'bad');
  return (
    <Stack gap="sm" maw={1180} pb="xl" data-testid="about-page">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <div>
          <Title order={2}>关于与诊断</Title>
          <Text size="sm" c="dimmed">
            法治台账{diag ? ` ${diag.versions.app}` : ''} ·
            乡镇法治政府建设台账与年度报告。遇到问题时，点「复制诊断信息」，把内容发给技术支持人员（不含任何台账记录的内容）。
          </Text>
        </div>
        <Group gap="xs" wrap="nowrap">
          <Button variant="default" onClick={() => void load()} loading={loading}>
            重新检查
          </Button>
          <Button ref={copyButton} onClick={copy} disabled={!diag} data-testid="copy-diagnostics">
            复制诊断信息
          </Button>
        </Group>
      </Group>
      {error && (
        <Alert color="red" variant="light" icon={<IconAlert />} title="未能读取诊断信息">
          {error}
        </Alert>
      )}
      {faults.length > 0 && (
        <Alert color="red" variant="light" icon={<IconAlert />} data-testid="diag-faults">
          {faults.map((r) => `${r.label}：${r.value}`).join('；')}。请把诊断信息发给技术支持人员。
        </Alert>
      )}
      {manual && (
        <Alert color="yellow" variant="light" title="未能写入剪贴板">
          <Text size="sm" mb={6}>
            请点进下面的文字框，按 Ctrl+A 全选、Ctrl+C 复制。
          </Text>
          <Textarea value={manual} readOnly autosize maxRows={12} data-testid="diag-manual" />
        </Alert>
      )}
      {loading && !diag && (
        <Text size="sm" c="dimmed">
          正在检查台账文件…
        </Text>
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
        {groups.map((g) => (
          <GroupCard key={g.group} g={g} />
        ))}
      </SimpleGrid>
    </Stack>
  );
}
