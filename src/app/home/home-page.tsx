/**
 * 首页: the working year at a glance. Headline counts per kind (ledger.stats) as compact cards,
 * grouped like the menu, and what is still missing: months without a 党委会议, kinds with no record,
 * and records whose 佐证材料 are incomplete (ledger.evidenceGaps), each a link that opens its form.
 */
import { Alert, Anchor, Group, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { call } from '../lib/api';
import { fixRoute, hrefFor } from '../router';
import { groupKinds } from '../lib/nav-groups';
import { useLedger } from '../state/ledger';
import type { LedgerGaps } from '@rules/api/records';
import { StartChecklist } from './start-checklist';
import { DossierButton } from './dossier-button';
import type { EvidenceGaps } from '@rules/api/records';

/** Records listed by name on the 首页; the rest are counted per kind. */
const EVIDENCE_SHOWN = 8;

/** 3月、7月 */
const monthList = (months: readonly number[]): string => months.map((m) => `${m}月`).join('、');

const PARTY_MEETING = '党委会议';

export function HomePage() {
  const { kinds, kindById, stats, year, version, settings } = useLedger();
  const [gaps, setGaps] = useState<LedgerGaps | null>(null);
  const [evidence, setEvidence] = useState<EvidenceGaps | null>(null);

  useEffect(() => {
    let live = true;
    setGaps(null);
    setEvidence(null);
    call('ledger.gaps', { year }).then(
      (g) => live && setGaps(g),
      () => {},
    );
    call('ledger.evidenceGaps', { year, limit: EVIDENCE_SHOWN }).then(
      (g) => live && setEvidence(g),
      () => {},
    );
    return () => {
      live = false;
    };
  }, [year, version]);

  const missingMonths = gaps?.missingPartyMeetingMonths ?? [];
  const emptyKinds = stats ? kinds.filter((k) => !stats[k.id]) : [];
  const total = stats ? Object.values(stats).reduce((a, b) => a + b, 0) : 0;
  const settingsIncomplete = !settings.town || !settings.partyOrg || !settings.govOrg;
  const due = gaps?.due ?? 0;

  return (
    // No max width: at 1920 the cards spread to one row of seven instead of leaving a third empty.
    <Stack gap="md">
      <Group align="baseline" gap="sm">
        <Title order={2}>{year}年度台账概览</Title>
        <Text size="sm" c="dimmed">
          全年共登记 {stats ? total : '…'} 条记录
        </Text>
        <DossierButton year={year} />
      </Group>

      <StartChecklist />

      <Paper withBorder p="md" data-testid="home-missing">
        <Title order={3} mb="xs">
          待补登记
        </Title>
        <List size="sm" spacing={6}>
          {settingsIncomplete && (
            <List.Item>
              单位设置尚未填写完整（乡镇名称、党委和政府全称），报告无法生成。
              <Anchor ml={8} href={hrefFor({ name: 'settings' })}>
                去填写
              </Anchor>
            </List.Item>
          )}
          {due > 0 && missingMonths.length > 0 && (
            <List.Item data-testid="missing-party-meetings">
              {missingMonths.length === due && due > 1
                ? `${monthList([1])}至${monthList([due])}均未登记${PARTY_MEETING}`
                : `${monthList(missingMonths)}未登记${PARTY_MEETING}`}
              {gaps && (
                <Anchor ml={8} href={hrefFor(fixRoute(gaps.partyMeetingFix, true))}>
                  去登记
                </Anchor>
              )}
            </List.Item>
          )}
          {emptyKinds.length > 0 && (
            <List.Item data-testid="empty-kinds">以下台账本年度尚无记录：{emptyKinds.map((k) => k.label).join('、')}</List.Item>
          )}
          {evidence && evidence.total > 0 && (
            <List.Item data-testid="missing-evidence">
              {evidence.total} 条记录的佐证材料不齐全
              {evidence.total > evidence.records.length && (
                <Text span size="sm" c="dimmed">
                  （
                  {kinds
                    .filter((k) => evidence.byKind[k.id])
                    .map((k) => `${k.label}${evidence.byKind[k.id]}条`)
                    .join('、')}
                  ；以下为最早的{evidence.records.length}条）
                </Text>
              )}
              ：
              <List size="sm" spacing={2} mt={4} withPadding listStyleType="none">
                {evidence.records.map((r) => (
                  <List.Item key={r.id} data-testid="evidence-gap">
                    <Anchor href={hrefFor({ name: 'kind', kind: r.kind, record: r.id })} size="sm">
                      {r.date} {kindById.get(r.kind)?.label}：{r.title}
                    </Anchor>
                    <Text span size="sm" c="orange.8" ml={8}>
                      缺{r.missing.join('、')}
                    </Text>
                  </List.Item>
                ))}
              </List>
            </List.Item>
          )}
          {stats &&
            gaps &&
            evidence &&
            !settingsIncomplete &&
            missingMonths.length === 0 &&
            emptyKinds.length === 0 &&
            evidence.total === 0 && (
              <Text size="sm" c="teal">
                本年度各类台账均已有记录，党委会议按月登记齐全，佐证材料齐全。
              </Text>
            )}
        </List>
      </Paper>

      <SimpleGrid cols={{ base: 2, sm: 3, md: 4, xl: 7 }} spacing="sm">
        {groupKinds(kinds).map((g) => (
          <Paper key={g.label} withBorder p="sm">
            <Text size="sm" fw={600} c="gov.8" mb={4}>
              {g.label}
            </Text>
            {g.kinds.map((k) => (
              <a key={k.id} className="stat-line" href={hrefFor({ name: 'kind', kind: k.id })} data-testid={`stat-${k.id}`}>
                <span>{k.label}</span>
                <span className={stats?.[k.id] ? 'stat-num' : 'stat-num stat-zero'} data-testid="stat-count">
                  {stats ? (stats[k.id] ?? 0) : '…'}
                </span>
                <span className="stat-unit">条</span>
              </a>
            ))}
          </Paper>
        ))}
      </SimpleGrid>
      {!stats && <Alert color="gray">正在统计……</Alert>}
    </Stack>
  );
}
