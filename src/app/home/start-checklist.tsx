/**
 * 开始使用: on a new ledger, the year's four first steps — 单位设置 → 导入或登记 → 年度报告 → 备份 —
 * each ticked off by the ledger itself (settings filled, any record, the year's report saved, a
 * backup made) and each a link to where it is done. Gone once all four are done.
 */
import { Anchor, Group, Paper, Text, ThemeIcon, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { call } from '../lib/api';
import { hrefFor, type Route } from '../router';
import { useLedger } from '../state/ledger';
import { useBackupStatus } from '../lib/backup-status';

interface Step {
  label: string;
  hint: string;
  done: boolean;
  route: Route;
  action: string;
}

export function StartChecklist() {
  const { settings, year, version, kinds } = useLedger();
  const backup = useBackupStatus();
  const [facts, setFacts] = useState<{ hasRecords: boolean; reportSaved: boolean } | null>(null);
  useEffect(() => {
    let live = true;
    Promise.all([call('ledger.years', {}), call('report.get', { year })]).then(
      ([years, report]) => live && setFacts({ hasRecords: years.length > 0, reportSaved: report.source === 'saved' }),
      () => {},
    );
    return () => {
      live = false;
    };
  }, [year, version]);
  if (!facts || !backup) return null;

  const steps: Step[] = [
    {
      label: '单位设置',
      hint: '乡镇名称、党委和政府全称、发文代字',
      done: !!(settings.town && settings.partyOrg && settings.govOrg),
      route: { name: 'settings' },
      action: '去填写',
    },
    {
      label: '导入或登记台账',
      hint: '从备份恢复，或逐条登记会议、学法等',
      done: facts.hasRecords,
      route: { name: 'kind', kind: kinds[0]?.id ?? '' },
      action: '去登记',
    },
    {
      label: `编写${year}年度报告`,
      hint: '核对自动生成的数字，保存报告',
      done: facts.reportSaved,
      route: { name: 'report' },
      action: '去编写',
    },
    { label: '备份到U盘', hint: '防止电脑故障丢失台账', done: !!backup.lastBackupAt, route: { name: 'backup' }, action: '去备份' },
  ];
  if (steps.every((s) => s.done)) return null;
  const next = steps.find((s) => !s.done);

  return (
    <Paper withBorder p="md" data-testid="start-checklist">
      <Group gap="sm" align="baseline" mb="sm">
        <Title order={3}>开始使用</Title>
        <Text size="xs" c="dimmed">
          按顺序完成以下几步，完成后自动打勾
        </Text>
      </Group>
      <ol className="start-steps">
        {steps.map((s, i) => (
          <li key={s.label} data-done={s.done || undefined} data-testid="start-step">
            <Group gap={10} wrap="nowrap" align="flex-start">
              <ThemeIcon
                size={22}
                radius="xl"
                color={s.done ? 'teal' : s === next ? 'gov' : 'gray'}
                variant={s.done || s === next ? 'filled' : 'light'}
                aria-label={s.done ? '已完成' : '未完成'}
              >
                <Text size="xs" fw={700} c={s.done || s === next ? 'white' : 'dimmed'}>
                  {s.done ? '✓' : i + 1}
                </Text>
              </ThemeIcon>
              <div style={{ minWidth: 0 }}>
                <Text size="sm" fw={s === next ? 600 : 400} td={s.done ? 'line-through' : undefined} c={s.done ? 'dimmed' : undefined}>
                  {s.label}
                  {!s.done && (
                    <Anchor ml={8} size="sm" href={hrefFor(s.route)}>
                      {s.action}
                    </Anchor>
                  )}
                </Text>
                <Text size="xs" c="dimmed">
                  {s.hint}
                </Text>
              </div>
            </Group>
          </li>
        ))}
      </ol>
    </Paper>
  );
}
