/**
 * 自定义指标: figures the clerk defines over the ledger when the catalogue lacks one a report
 * cites. Left the clerk's figures, middle the builder (the catalogue's FigureDef shape: kind,
 * filters, aggregate or rate, unit, display, zero wording, section), right a live preview of the
 * value for the working year and the records behind it. Saved figures are chips in 年度报告.
 */
import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  Paper,
  ScrollArea,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useLedger } from '../state/ledger';
import { SECTION_LABEL } from '../lib/figure-sections';
import { useState } from 'react';
import type { DisplayRule } from '@rules/figures/format';
import { describeFigure } from '@rules/figures/describe';
import { defToDraft, emptyDraft, newFigureId, type Draft } from './draft';
import { BuiltinList } from './builtin-list';
import { MeasureEditor } from './measure-editor';
import { errorsUnder, useFiguresPage, type FiguresPageState } from './use-figures-page';
import './figures.css';

const RULE_LABEL: Record<DisplayRule['type'], string> = {
  exact: '精确数（如11次）',
  approx: '约数（如60余次）',
  near: '约数（如近1000人）',
  wan: '万元（如6.177万元，不足1万写元）',
  percent: '百分比（如99.14%）',
  atLeast: '百分比以上（如60%以上）',
};

export function FiguresPage() {
  const fig = useFiguresPage();
  const [catalogue, setCatalogue] = useState(false);
  return (
    <div className="figures-page" data-testid="figures-page">
      <Group justify="space-between" mb="sm" wrap="nowrap">
        <div>
          <Title order={3}>自定义指标</Title>
          <Text size="sm" c="dimmed">
            指标目录里没有的数字，按台账记录自行定义；保存后可在年度报告中像内置指标一样插入、追溯到记录。
          </Text>
        </div>
        <Button size="xs" variant="default" onClick={() => setCatalogue(true)} data-testid="open-builtin">
          内置指标及口径
        </Button>
      </Group>
      <BuiltinList
        opened={catalogue}
        onClose={() => setCatalogue(false)}
        onCopy={(def) => {
          setCatalogue(false);
          fig.open(defToDraft({ ...def, id: newFigureId(), name: `${def.name}（副本）`.slice(0, 40) }), null);
        }}
      />
      <div className="figures-grid">
        <FigureList fig={fig} />
        <FigureBuilder fig={fig} />
        <FigurePreview fig={fig} />
      </div>
    </div>
  );
}

/** Left: the clerk's figures, and 新建指标. */
function FigureList({ fig }: { fig: FiguresPageState }) {
  const { kinds, kindById } = useLedger();
  const { list, saved, open } = fig;
  return (
    <Paper withBorder className="figures-list" data-testid="custom-figure-list">
      <Button fullWidth size="xs" variant="light" mb={6} onClick={() => open(emptyDraft(kinds[0]?.id ?? 'meeting'), null)}>
        ＋ 新建指标
      </Button>
      <ScrollArea.Autosize mah="calc(100vh - 220px)" type="auto">
        {list?.length === 0 && (
          <Text size="xs" c="dimmed" p={6}>
            还没有自定义指标。
          </Text>
        )}
        {list?.map((l) => (
          <UnstyledButton
            key={l.def.id}
            className={`figures-list-item${l.def.id === saved ? ' active' : ''}`}
            onClick={() => open(defToDraft(l.def), l.def.id)}
            data-figure-id={l.def.id}
          >
            <Text size="sm" lineClamp={2}>
              {l.def.name}
            </Text>
            <Text size="xs" c="dimmed">
              {SECTION_LABEL[l.def.section]?.replace(/^(（.+?）|.、).*$/, '$1') ?? ''}{' '}
              {kindById.get(l.def.value.type === 'rate' ? l.def.value.denominator.kind : l.def.value.measure.kind)?.label}
            </Text>
            {l.problem && (
              <Badge size="xs" color="red" variant="light">
                定义已失效
              </Badge>
            )}
          </UnstyledButton>
        ))}
      </ScrollArea.Autosize>
    </Paper>
  );
}

/** Middle: the definition (name, section, measure or rate, unit, display, zero wording). */
function FigureBuilder({ fig }: { fig: FiguresPageState }) {
  const { list, saved, draft, set, issues, showTop, top, type, rules, def } = fig;
  const { kindById } = useLedger();
  return (
    <Paper withBorder p="sm" className="figures-form" data-testid="figure-builder">
      <ScrollArea.Autosize mah="calc(100vh - 190px)" type="auto" offsetScrollbars>
        <Stack gap={10}>
          {saved && list?.find((l) => l.def.id === saved)?.problem && (
            <Alert color="red" p="xs" title="这个指标的定义与台账不再匹配，报告中无法取数">
              <Text size="xs">{list.find((l) => l.def.id === saved)!.problem}</Text>
            </Alert>
          )}
          <Group gap="sm" align="flex-start" grow>
            <TextInput
              label="指标名称"
              size="xs"
              placeholder="如：合同合法性审查件数"
              value={draft.name}
              maxLength={40}
              error={showTop('name')}
              onChange={(e) => set({ name: e.currentTarget.value })}
            />
            <Select
              label="报告中常引用的部分"
              size="xs"
              data={Object.entries(SECTION_LABEL).map(([value, label]) => ({ value, label }))}
              value={draft.section}
              allowDeselect={false}
              onChange={(v) => v && set({ section: v })}
            />
          </Group>
          <Checkbox
            label="比率（分子 ÷ 分母，如办结率、通过率）"
            size="xs"
            checked={draft.rate}
            onChange={(e) => set({ rate: e.currentTarget.checked, display: { type: e.currentTarget.checked ? 'percent' : 'exact' } })}
          />
          {draft.rate ? (
            <Group grow align="flex-start" gap="sm">
              <MeasureEditor
                label="分子"
                value={draft.numerator}
                allowDistinct={false}
                errors={errorsUnder(issues, 'value.numerator.')}
                onChange={(m) => set({ numerator: m })}
              />
              <MeasureEditor
                label="分母"
                value={draft.denominator}
                allowDistinct={false}
                errors={errorsUnder(issues, 'value.denominator.')}
                onChange={(m) => set({ denominator: m })}
              />
            </Group>
          ) : (
            <MeasureEditor value={draft.main} errors={errorsUnder(issues, 'value.measure.')} onChange={(m) => set({ main: m })} />
          )}
          <Text size="xs" className="figures-sentence" data-testid="figure-sentence">
            统计口径：{describeFigure(def, kindById)}
          </Text>
          <Group gap="sm" align="flex-start" grow>
            {type === 'count' || type === 'sum' ? (
              <TextInput
                label="单位（量词）"
                size="xs"
                placeholder="次、件、人次…"
                value={draft.unit}
                maxLength={6}
                error={top.unit}
                onChange={(e) => set({ unit: e.currentTarget.value })}
              />
            ) : (
              <TextInput label="单位" size="xs" value={type === 'rate' ? '%' : '元'} disabled />
            )}
            <Select
              label="显示方式"
              size="xs"
              data={rules.map((r) => ({ value: r, label: RULE_LABEL[r] }))}
              value={rules.includes(draft.display.type) ? draft.display.type : rules[0]}
              allowDeselect={false}
              error={top.display}
              onChange={(v) => v && set({ display: { type: v } as Draft['display'] })}
            />
          </Group>
          <TextInput
            label="数值为0时的说法（可选）"
            size="xs"
            placeholder="如：全年未发生此类事项"
            value={draft.zeroPhrase}
            maxLength={50}
            onChange={(e) => set({ zeroPhrase: e.currentTarget.value })}
          />
          <BuilderActions fig={fig} />
        </Stack>
      </ScrollArea.Autosize>
    </Paper>
  );
}

/** Under the definition: why the last 保存 failed, 删除 (asked first), 保存. */
function BuilderActions({ fig }: { fig: FiguresPageState }) {
  const { saveIssues, saved, confirmDelete, setConfirmDelete, remove, save, busy, dirty } = fig;
  return (
    <>
      {saveIssues.length > 0 && (
        <Alert color="red" p="xs" title="未保存" data-testid="save-issues">
          {saveIssues.map((i, k) => (
            <Text size="xs" key={k}>
              {i.fieldLabel ? `${i.fieldLabel}：` : ''}
              {i.message}
            </Text>
          ))}
        </Alert>
      )}
      <Group justify="space-between">
        {saved ? (
          confirmDelete ? (
            <Group gap={6}>
              <Text size="xs">报告中用到它的地方将无法取数，确定删除？</Text>
              <Button size="xs" color="red" onClick={() => void remove()}>
                删除
              </Button>
              <Button size="xs" variant="default" onClick={() => setConfirmDelete(false)}>
                取消
              </Button>
            </Group>
          ) : (
            <Button size="xs" color="red" variant="subtle" onClick={() => setConfirmDelete(true)}>
              删除此指标
            </Button>
          )
        ) : (
          <span />
        )}
        <Button size="sm" onClick={() => void save()} loading={busy} disabled={!dirty} data-testid="figure-save">
          {saved ? '保存修改' : '保存指标'}
        </Button>
      </Group>
    </>
  );
}

/** Right: the value for the working year and the records behind it. */
function FigurePreview({ fig }: { fig: FiguresPageState }) {
  const { year, kindById } = useLedger();
  const { preview } = fig;
  return (
    <Paper withBorder p="sm" className="figures-preview" data-testid="figure-preview">
      <Text size="xs" c="dimmed">
        {year}年台账计算值
      </Text>
      <Text className="figures-preview-value" data-testid="preview-value">
        {preview?.result ? (preview.result.ok ? preview.result.display : '—') : '—'}
      </Text>
      {preview?.result && !preview.result.ok && preview.result.problem && (
        <Text size="xs" c="red">
          {preview.result.problem}
        </Text>
      )}
      {preview && preview.issues.length > 0 && (
        <Stack gap={2} mt={4} data-testid="preview-issues">
          <Text size="xs" c="orange.8" fw={600}>
            定义还不完整：
          </Text>
          {preview.issues.map((i, k) => (
            <Text size="xs" c="orange.8" key={k}>
              {i.fieldLabel ? `${i.fieldLabel}：` : ''}
              {i.message}
            </Text>
          ))}
        </Stack>
      )}
      {preview?.result && (
        <>
          <Text size="xs" mt={8} mb={4} data-testid="preview-count">
            依据{preview.total}条台账记录{preview.total > preview.records.length ? `（显示前${preview.records.length}条）` : ''}
          </Text>
          <ScrollArea.Autosize mah="calc(100vh - 330px)" type="auto">
            <Table fz="xs" verticalSpacing={3} horizontalSpacing={6} striped data-testid="preview-records">
              <Table.Tbody>
                {preview.records.map((r) => {
                  const k = kindById.get(r.kind);
                  return (
                    <Table.Tr key={r.id}>
                      <Table.Td className="nowrap">{r.date}</Table.Td>
                      <Table.Td>{String(r.data[k?.titleField ?? 'title'] ?? '')}</Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </ScrollArea.Autosize>
        </>
      )}
    </Paper>
  );
}
