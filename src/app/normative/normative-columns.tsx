/**
 * What the 行政规范性文件 page adds to the generic table: the lifecycle badge, a 已撤回 mark, and
 * per row a button for ONLY the next valid step plus 撤回 (the core enforces the same order).
 */
import { Badge, Button, Text } from '@mantine/core';
import type { FieldDef, LedgerRecord } from '../lib/api';
import { StageBadge } from './lifecycle';
import { nextStep, type NormativeStep } from './steps';

/** step null opens 撤回. */
export function normativeColumns(open: (r: LedgerRecord, step: NormativeStep | null) => void) {
  const renderCell = (f: FieldDef, r: LedgerRecord) => {
    if (f.key === 'stage') return <StageBadge data={r.data} />;
    if (f.key === 'withdrawn') return r.data.withdrawn === true ? <Badge color="red" size="sm">已撤回</Badge> : '';
    return undefined;
  };
  const actions = (r: LedgerRecord) => {
    if (r.data.withdrawn === true) return null;
    const next = nextStep(r.data);
    return (
      <>
        {next ? (
          <Button size="compact-xs" variant="light" onClick={() => open(r, next)} data-testid="next-step">
            办理：{next}
          </Button>
        ) : (
          <Text size="xs" c="teal" px={6}>
            已办结
          </Text>
        )}
        <Button size="compact-xs" variant="subtle" color="orange" onClick={() => open(r, null)}>
          撤回
        </Button>
      </>
    );
  };
  return { renderCell, actions };
}
