/**
 * The records behind one figure (figures.trace): kind, date and title, so every number can be
 * checked; for a sum also each record's value of the summed field. A title opens the record's form
 * (#/kind/<kind>/<id>), asking first when the report holds unsaved changes.
 */
import { Anchor, Drawer, Table, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { asApiError, call, type LedgerRecord } from '../lib/api';
import { hrefFor, navigate, type Route } from '../router';
import { useLedger } from '../state/ledger';
import type { FigureDef, FigureResult } from './types';

export interface TraceRequest {
  figureId: string;
  sinceYear?: number;
  /** The value typed in by hand, when the report does not use the computed one. */
  manual?: string;
}

interface Props {
  request: TraceRequest | null;
  year: number;
  defs: ReadonlyMap<string, FigureDef>;
  values: ReadonlyMap<string, FigureResult>;
  onClose(): void;
}

export function TraceDrawer({ request, year, defs, values, onClose }: Props) {
  const { kindById } = useLedger();
  const [records, setRecords] = useState<LedgerRecord[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!request) return;
    let on = true;
    setRecords(null);
    setError(null);
    const since = request.sinceYear && request.sinceYear < year ? request.sinceYear : undefined;
    call('figures.trace', { year, figureId: request.figureId, ...(since ? { sinceYear: since } : {}) }).then(
      (r) => on && setRecords(r as LedgerRecord[]),
      (e) => on && setError(asApiError(e).message),
    );
    return () => {
      on = false;
    };
  }, [request, year]);

  const def = request ? defs.get(request.figureId) : undefined;
  const value = request ? values.get(request.figureId) : undefined;
  // A sum shows what each record adds; a count or a rate only which records are behind it.
  const measure = def && def.value.type !== 'rate' ? def.value.measure : undefined;
  const summed = measure?.agg.type === 'sum' ? measure.agg.field : undefined;
  const summedField = measure && summed ? kindById.get(measure.kind)?.fields.find((f) => f.key === summed) : undefined;
  const period = request?.sinceYear && request.sinceYear < year ? `${request.sinceYear}—${year}年` : `${year}年`;

  return (
    <Drawer
      opened={!!request}
      onClose={onClose}
      position="right"
      size={560}
      title={def ? `${def.name} · ${period}` : '台账记录'}
      data-testid="trace-drawer"
    >
      {def && value && !request?.sinceYear && (
        <Text size="sm" mb="xs">
          {year}年计算值：<b>{value.display}</b>
          {def.value.type === 'rate' && value.denominator !== undefined && `（${value.numerator}/${value.denominator}）`}
        </Text>
      )}
      {request?.manual !== undefined && (
        <Text size="sm" c="orange.8" mb="xs">
          报告中使用的是手填数值“{request.manual}”（手填），不是由下列记录计算的。
        </Text>
      )}
      {error && <Text c="red">{error}</Text>}
      {!records && !error && <Text c="dimmed">正在读取…</Text>}
      {records && (
        <>
          <Text size="sm" c="dimmed" mb="xs" data-testid="trace-count">
            共{records.length}条台账记录{def?.value.type === 'rate' ? '（比率的分母范围）' : ''}
          </Text>
          <Table striped withTableBorder fz="sm" verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={110}>类型</Table.Th>
                <Table.Th w={100}>日期</Table.Th>
                <Table.Th>名称</Table.Th>
                {summed && (
                  <Table.Th w={90} ta="right">
                    {summedField?.label ?? summed}
                  </Table.Th>
                )}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {records.map((r) => {
                const kind = kindById.get(r.kind);
                const route: Route = { name: 'kind', kind: r.kind, record: r.id };
                const title = kind ? String(r.data[kind.titleField] ?? '') : '';
                const amount = summed ? r.data[summed] : undefined;
                return (
                  <Table.Tr key={r.id} data-testid="trace-row">
                    <Table.Td className="cell-nowrap">{kind?.label ?? r.kind}</Table.Td>
                    <Table.Td className="cell-nowrap">{r.date}</Table.Td>
                    <Table.Td>
                      <Anchor
                        size="sm"
                        href={hrefFor(route)}
                        title="打开这条记录"
                        onClick={(e) => {
                          // Through navigate, so the report's unsaved edits are asked about first.
                          e.preventDefault();
                          void navigate(route);
                        }}
                      >
                        {title || '（无名称）'}
                      </Anchor>
                    </Table.Td>
                    {summed && (
                      <Table.Td className="cell-nowrap" ta="right" data-testid="trace-value">
                        {amount === undefined || amount === null || amount === '' ? '—' : `${String(amount)}${summedField?.unit ?? ''}`}
                      </Table.Td>
                    )}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </>
      )}
    </Drawer>
  );
}
