/**
 * What the 行政规范性文件 page adds to the generic table: the lifecycle badge, a 已撤回 mark, and
 * per row a button for ONLY the next valid step, 更正/退回 once a step is confirmed, and 撤回
 * (the core enforces the same order).
 */
import { Badge, Button, Menu, Text } from '@mantine/core';
import type { FieldDef, LedgerRecord } from '../../lib/api';
import { StageBadge } from './lifecycle';
import { nextStep, stageIndex, type NormativeStep } from './steps';

type FixAction = 'correct' | 'return';

/** step null opens 撤回; fix opens 更正 or 退回. */
export function normativeColumns(
  open: (r: LedgerRecord, step: NormativeStep | null) => void,
  fix: (r: LedgerRecord, action: FixAction) => void,
) {
  const renderCell = (f: FieldDef, r: LedgerRecord) => {
    if (f.key === 'stage') return <StageBadge data={r.data} />;
    if (f.key === 'withdrawn')
      return r.data.withdrawn === true ? (
        <Badge color="red" size="sm">
          已撤回
        </Badge>
      ) : (
        ''
      );
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
        {stageIndex(r.data) > 0 && (
          <Menu position="bottom-end" withinPortal shadow="sm">
            <Menu.Target>
              <Button size="compact-xs" variant="subtle" data-testid="fix-menu">
                更正
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item onClick={() => fix(r, 'correct')}>更正已办理环节的信息…</Menu.Item>
              <Menu.Item onClick={() => fix(r, 'return')}>退回上一环节…</Menu.Item>
            </Menu.Dropdown>
          </Menu>
        )}
        <Button size="compact-xs" variant="subtle" color="orange" onClick={() => open(r, null)}>
          撤回
        </Button>
      </>
    );
  };
  return { renderCell, actions };
}
