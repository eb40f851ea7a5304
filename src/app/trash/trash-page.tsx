/**
 * 回收站: deleted records of every kind and year, newest first. 恢复 puts one back; 彻底删除 destroys
 * it for good, only after the clerk ticks that they understand it cannot be undone.
 */
import { Button, Checkbox, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { asApiError, call, type LedgerRecord } from '../lib/api';
import { ConfirmModal } from '../lib/modal';
import { formatTime, titleOf } from '../lib/record-format';
import { useLedger } from '../state/ledger';
import { useToast } from '../state/toast';

export function TrashPage() {
  const { kindById, version, changed } = useLedger();
  const toast = useToast();
  const [rows, setRows] = useState<LedgerRecord[] | null>(null);
  const [purging, setPurging] = useState<LedgerRecord | null>(null);
  const [understood, setUnderstood] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    call('trash.list', {}).then(setRows, (err) => toast(asApiError(err).message, 'error'));
  }, [version, toast]);

  const act = async (what: () => Promise<unknown>, done: string) => {
    setBusy(true);
    try {
      await what();
      setPurging(null);
      changed();
      toast(done);
    } catch (err) {
      toast(asApiError(err).message, 'error');
    } finally {
      setBusy(false);
    }
  };
  const label = (r: LedgerRecord) => kindById.get(r.kind)?.label ?? r.kind;

  return (
    <Stack gap="sm" maw={1100}>
      <Group align="baseline" gap="sm">
        <Title order={2}>回收站</Title>
        <Text size="sm" c="dimmed">
          {rows ? `共 ${rows.length} 条` : '…'} · 回收站中的记录不计入统计和报告，恢复后回到原台账
        </Text>
      </Group>
      <div className="table-scroll">
        <Table striped highlightOnHover withColumnBorders verticalSpacing={5} horizontalSpacing={8} fz="sm" data-testid="trash-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={130}>台账</Table.Th>
              <Table.Th>名称</Table.Th>
              <Table.Th w={110}>日期</Table.Th>
              <Table.Th w={150}>删除时间</Table.Th>
              <Table.Th w={1}>操作</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows?.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td className="cell-nowrap">{label(r)}</Table.Td>
                <Table.Td className="cell-clip" title={titleOf(kindById.get(r.kind), r)}>
                  {titleOf(kindById.get(r.kind), r)}
                </Table.Td>
                <Table.Td className="cell-nowrap">{r.date}</Table.Td>
                <Table.Td className="cell-nowrap">{formatTime(r.deletedAt)}</Table.Td>
                <Table.Td className="cell-nowrap">
                  <Group gap={2} wrap="nowrap">
                    <Button
                      size="compact-sm"
                      variant="subtle"
                      disabled={busy}
                      onClick={() => act(() => call('trash.restore', { id: r.id }), `已恢复到“${label(r)}”`)}
                    >
                      恢复
                    </Button>
                    <Button
                      size="compact-sm"
                      variant="subtle"
                      color="red"
                      onClick={() => {
                        setUnderstood(false);
                        setPurging(r);
                      }}
                    >
                      彻底删除
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {rows?.length === 0 && (
          <Text c="dimmed" ta="center" py={48} size="sm">
            回收站是空的。
          </Text>
        )}
      </div>
      <ConfirmModal
        opened={purging !== null}
        title="彻底删除"
        confirmLabel="彻底删除"
        busy={busy}
        canConfirm={understood}
        onClose={() => setPurging(null)}
        onConfirm={() => purging && act(() => call('trash.purge', { id: purging.id }), '已彻底删除')}
      >
        <Text size="sm" mb="sm">
          将永久删除{purging ? `${label(purging)}“${titleOf(kindById.get(purging.kind), purging)}”` : ''}。
          <Text span c="red" fw={600} size="sm">
            彻底删除后无法恢复，只能从此前的备份中找回。
          </Text>
        </Text>
        <Checkbox label="我已了解，确定永久删除这条记录" checked={understood} onChange={(e) => setUnderstood(e.currentTarget.checked)} />
      </ConfirmModal>
    </Stack>
  );
}
