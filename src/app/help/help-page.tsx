/**
 * 帮助 (F1): the year's workflow in short steps, each a link to its screen, and 「报告数字从哪里来」 —
 * every figure of the catalogue and every custom figure with the kind it reads and its conditions,
 * generated from the definitions (`@rules/figures/describe`) so the page never drifts from them.
 */
import { Anchor, Badge, List, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { FIGURES } from '@rules/figures/catalogue';
import { figureForLevel } from '@rules/figures/level';
import { describeFigure } from '@rules/figures/describe';
import type { FigureDef } from '@rules/figures/types';
import { call } from '../lib/api';
import { hrefFor, type Route } from '../router';
import { useLedger } from '../state/ledger';
import { SECTION_LABEL } from '../lib/figure-sections';

interface Step {
  title: string;
  route: Route;
  link: string;
  text: string;
}

const STEPS: readonly Step[] = [
  {
    title: '单位设置',
    route: { name: 'settings' },
    link: '设置',
    text: '填写县、乡镇名称，党委、政府全称，发文代字和村（社区）名单。一次填好，报告和台账都用它。',
  },
  {
    title: '登记或导入Excel',
    route: { name: 'data' },
    link: '导入导出',
    text: '平时在左侧菜单的各类台账里随手登记；已有Excel表格的，先下载模板，按模板整理后导入。',
  },
  {
    title: '上传佐证材料',
    route: { name: 'home' },
    link: '首页',
    text: '在每条记录的表单里上传会议记录、照片、文件等佐证；首页会列出佐证材料不齐全的记录。',
  },
  { title: '年度报告', route: { name: 'report' }, link: '年度报告', text: '报告中的数字由台账自动统计；按问题清单补齐缺漏，修改文字。' },
  {
    title: '打印盖章 / 导出',
    route: { name: 'report' },
    link: '年度报告',
    text: '在年度报告页点「打印」，或导出PDF、Word，按GB/T 9704版式，打印后盖章。',
  },
  {
    title: '年度档案袋',
    route: { name: 'home' },
    link: '首页',
    text: '在首页点「导出年度档案袋」：报告、各类台账登记簿和佐证材料打成一个压缩包，交检查时使用。',
  },
  {
    title: '备份到U盘',
    route: { name: 'backup' },
    link: '备份与恢复',
    text: '插入U盘备份，程序会核对备份是否完整可用。建议每月和年底各备份一次。',
  },
];

export function HelpPage() {
  const { kindById, settings } = useLedger();
  const { townType } = settings;
  const [custom, setCustom] = useState<FigureDef[] | null>(null);
  useEffect(() => {
    let live = true;
    const builtIn = new Set(FIGURES.map((f) => f.id));
    call('figures.catalogue', {}).then(
      (all) => live && setCustom((all as FigureDef[]).filter((f) => !builtIn.has(f.id))),
      () => live && setCustom([]),
    );
    return () => {
      live = false;
    };
  }, []);

  // Grouped by the report part the figure is usually cited in, parts in report order.
  const sections = useMemo(() => {
    const by = new Map<string, FigureDef[]>();
    for (const f of FIGURES) by.set(f.section, [...(by.get(f.section) ?? []), figureForLevel(f, townType)]);
    const order = Object.keys(SECTION_LABEL);
    const rank = (section: string) => (order.includes(section) ? order.indexOf(section) : order.length);
    return [...by.entries()].sort((x, y) => rank(x[0]) - rank(y[0]));
  }, [townType]);

  const rows = (figures: readonly FigureDef[]) =>
    figures.map((f) => (
      <Table.Tr key={f.id} data-testid="help-figure">
        <Table.Td style={{ whiteSpace: 'nowrap' }}>{f.name}</Table.Td>
        <Table.Td style={{ whiteSpace: 'nowrap' }}>{f.unit}</Table.Td>
        <Table.Td>{describeFigure(f, kindById)}</Table.Td>
      </Table.Tr>
    ));

  const head = (
    <Table.Thead>
      <Table.Tr>
        <Table.Th w={260}>数字</Table.Th>
        <Table.Th w={60}>单位</Table.Th>
        <Table.Th>统计的是</Table.Th>
      </Table.Tr>
    </Table.Thead>
  );

  return (
    <Stack gap="lg" maw={1100}>
      <Title order={3}>帮助</Title>
      <Paper withBorder p="md">
        <Title order={4} mb="sm">
          一年的工作步骤
        </Title>
        <List type="ordered" spacing="sm" data-testid="help-steps">
          {STEPS.map((s) => (
            <List.Item key={s.title}>
              <Text fw={600} span>
                {s.title}
              </Text>
              <Text span c="dimmed" size="sm">
                {' '}
                （
                <Anchor href={hrefFor(s.route)} size="sm">
                  {s.link}
                </Anchor>
                ）
              </Text>
              <Text size="sm">{s.text}</Text>
            </List.Item>
          ))}
        </List>
      </Paper>
      <Paper withBorder p="md">
        <Title order={4} mb={4}>
          报告数字从哪里来
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          每个数字只统计所选年度的记录（按记录的日期；执法人员、法律顾问按当年是否在册，新增持证按发证日期），回收站里的记录不计。比率写明“除以”的分母，名称相近的数字请按这一列区分。下表由程序内的指标定义生成。
        </Text>
        <Table striped withTableBorder verticalSpacing={4} fz="sm">
          {head}
          <Table.Tbody>
            {sections.map(([section, figures]) => [
              <Table.Tr key={`s-${section}`}>
                <Table.Td colSpan={3} bg="gov.0" fw={600}>
                  {SECTION_LABEL[section] ?? section}
                </Table.Td>
              </Table.Tr>,
              ...rows(figures),
            ])}
          </Table.Tbody>
        </Table>
        <Title order={5} mt="md" mb={4}>
          自定义指标{' '}
          {custom && (
            <Badge variant="light" color="gray">
              {custom.length}
            </Badge>
          )}
        </Title>
        {custom && custom.length > 0 ? (
          <Table striped withTableBorder verticalSpacing={4} fz="sm" data-testid="help-custom">
            {head}
            <Table.Tbody>{rows(custom)}</Table.Tbody>
          </Table>
        ) : (
          <Text size="sm" c="dimmed">
            {custom ? (
              <>
                还没有自定义指标。目录里没有的数字，可以在
                <Anchor href={hrefFor({ name: 'figures' })} size="sm">
                  自定义指标
                </Anchor>
                里按台账定义。
              </>
            ) : (
              '读取中…'
            )}
          </Text>
        )}
      </Paper>
    </Stack>
  );
}
