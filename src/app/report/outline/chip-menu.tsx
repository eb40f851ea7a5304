/**
 * The menu of one figure chip: what the figure is and what it prints, how it reads (精确, 约数
 * “余”, 万元, 百分比), 自某年以来, 与上年比较, the words used when it is 0, or a deliberate 手填
 * value. Changes apply to the draft at once; 查看记录 opens the records behind the figure.
 */
import { Button, Checkbox, Divider, Group, NumberInput, Popover, Portal, Select, Stack, Text, TextInput } from '@mantine/core';
import { chipLabel, segmentKey } from '../figure-labels';
import { updateParagraph } from '../spec-edit';
import type { ChipTarget, FigureDef, FigureSegment, Segment } from '../types';
import { useOutline } from './outline-context';
import { RatesMenu } from './rates-menu';
import { TemplateInput } from './template-input';
import { YEAR_MIN } from '@rules/limits';
import { DISPLAY_RULES, RULE_LABEL } from '@rules/figures/format';
import { clauseAround } from '@rules/report/clause';
import { RuleOptions } from './rule-options';

/** The spec's rule type (its 约数 granularities are the four the clerk may choose). */
type DisplayRule = NonNullable<FigureSegment['rule']>;
type RuleType = DisplayRule['type'];
/** A rule without the options left unset, so the saved spec stays minimal. */
const dropUndefined = (rule: DisplayRule): DisplayRule =>
  Object.fromEntries(Object.entries(rule).filter(([, v]) => v !== undefined)) as DisplayRule;

function ruleFrom(type: RuleType | 'default', prev: DisplayRule | undefined): DisplayRule | undefined {
  if (type === 'default') return undefined;
  return prev?.type === type ? prev : ({ type } as DisplayRule);
}

/** What the zero wording replaces, as the assembly will (@rules/report/clause): the figure with its clause's words. */
function replaces(segments: readonly Segment[], at: number): string {
  const c = clauseAround(segments, at);
  return c.lead || c.trail ? `连同“${c.lead}…${c.trail}”整句改写` : '连同前后文字一起改写';
}

export function ChipMenu({ target, spec, onClose }: { target: ChipTarget; spec: { segments: Segment[] } | null; onClose(): void }) {
  const seg = spec?.segments[target.index];
  const anchor = { left: target.rect.left, top: target.rect.top, width: target.rect.width, height: target.rect.height };
  // In a portal, so the anchor sits in page coordinates and scrolls with the chip.
  return (
    <Portal>
      <Popover
        opened={!!seg}
        onChange={(o) => !o && onClose()}
        position="bottom-start"
        withinPortal
        shadow="md"
        width={380}
        trapFocus={false}
        closeOnEscape
      >
        <Popover.Target>
          <div className="chip-anchor" style={anchor} />
        </Popover.Target>
        <Popover.Dropdown data-testid="chip-menu" className="chip-menu">
          {seg?.type === 'figure' && (
            <FigureMenu seg={seg} target={target} replaces={replaces(spec!.segments, target.index)} onClose={onClose} />
          )}
          {seg?.type === 'rates' && (
            <RatesMenu seg={seg} target={target} replaces={replaces(spec!.segments, target.index)} onClose={onClose} />
          )}
        </Popover.Dropdown>
      </Popover>
    </Portal>
  );
}

function FigureMenu({ seg, target, replaces, onClose }: { seg: FigureSegment; target: ChipTarget; replaces: string; onClose(): void }) {
  const { info, year, setDraft, openTrace } = useOutline();
  const def = info.defs.get(seg.figureId);
  const value = info.values.get(seg.figureId);
  const label = chipLabel(seg, segmentKey(target.paragraphId, target.index), info, year);
  const set = (patch: Partial<FigureSegment>) =>
    setDraft((s) =>
      updateParagraph(s, target.paragraphId, (p) => ({
        ...p,
        segments: p.segments.map((x, i) => {
          if (i !== target.index || x.type !== 'figure') return x;
          const next = { ...x, ...patch } as Record<string, unknown>;
          for (const k of Object.keys(next)) if (next[k] === undefined) delete next[k];
          return next as FigureSegment;
        }),
      })),
    );
  const remove = () => {
    setDraft((s) => updateParagraph(s, target.paragraphId, (p) => ({ ...p, segments: p.segments.filter((_, i) => i !== target.index) })));
    onClose();
  };
  if (!def) {
    return (
      <Stack gap="xs">
        <Text size="sm">这个指标已不在指标目录中，无法取数。</Text>
        <Button size="xs" color="red" variant="light" onClick={remove}>
          删除此指标
        </Button>
      </Stack>
    );
  }
  const manual = seg.manual !== undefined;
  return (
    <Stack gap={8}>
      <div>
        <Text fw={600} size="sm">
          {def.name}
        </Text>
        <Text size="xs" c="dimmed">
          {year}年台账计算值：{value?.display ?? '…'}（{value?.recordCount ?? 0}条记录）
        </Text>
        <Text size="sm" mt={4}>
          报告中写作：<b data-testid="chip-menu-value">{label.value}</b>
          {label.manual && <span className="fig-chip-flag manual">手填</span>}
        </Text>
      </div>
      <Button size="xs" variant="light" onClick={() => (onClose(), openTrace(def.id, seg.sinceYear, seg.manual))}>
        查看台账记录
      </Button>
      <Divider />
      <RuleControls def={def} seg={seg} manual={manual} set={set} />
      {(def.value.type === 'count' || def.value.type === 'sum') && (
        <TextInput
          size="xs"
          label="单位（量词）"
          description="报告中另用的量词，如份、件次、名、场；不填则用指标的单位"
          placeholder={def.unit}
          maxLength={6}
          disabled={manual}
          value={seg.unit ?? ''}
          onChange={(e) => set({ unit: e.currentTarget.value.replace(/[\s\d]/g, '') || undefined })}
        />
      )}
      <Group gap="xs" align="center" wrap="nowrap">
        <Checkbox
          size="xs"
          label="自某年以来累计"
          disabled={manual}
          checked={seg.sinceYear !== undefined}
          onChange={(e) => set({ sinceYear: e.currentTarget.checked ? year - 2 : undefined })}
        />
        {seg.sinceYear !== undefined && (
          <NumberInput
            size="xs"
            w={96}
            aria-label="起始年份"
            min={YEAR_MIN}
            max={year}
            value={seg.sinceYear}
            suffix="年"
            onChange={(v) => typeof v === 'number' && set({ sinceYear: v })}
          />
        )}
      </Group>
      <Checkbox
        size="xs"
        label="写与上年相比的增减（如“较上年增长20%”）"
        disabled={manual}
        checked={!!seg.change}
        onChange={(e) => set({ change: e.currentTarget.checked || undefined })}
      />
      <TemplateInput value={seg.template} onChange={(template) => set({ template })} />
      <TextInput
        size="xs"
        label={def.value.type === 'rate' ? '无法计算（分母为0）时改写为' : '数值为0时改写为'}
        description={replaces}
        placeholder={def.zeroPhrase ?? '如：全年未发生此类事项'}
        maxLength={200}
        value={seg.zeroText ?? ''}
        onChange={(e) => set({ zeroText: e.currentTarget.value || undefined })}
      />
      <Divider />
      <Checkbox
        size="xs"
        color="orange"
        label="手工填写数值（不从台账计算）"
        checked={manual}
        onChange={(e) => set({ manual: e.currentTarget.checked ? (value?.display ?? '') : undefined })}
      />
      {manual && (
        <>
          <TextInput
            size="xs"
            aria-label="手填数值"
            value={seg.manual ?? ''}
            maxLength={50}
            onChange={(e) => set({ manual: e.currentTarget.value })}
          />
          <Text size="xs" c="orange.8">
            手填的数值在正文、问题清单和数据来源附表中都标为“手填”，台账变化时不会自动更新。
          </Text>
        </>
      )}
      <Group justify="space-between" mt={4}>
        <Button size="xs" color="red" variant="subtle" onClick={remove}>
          删除此指标
        </Button>
        <Button size="xs" onClick={onClose}>
          完成
        </Button>
      </Group>
    </Stack>
  );
}

/** 显示方式 of one chip (the figure's default or another rule of its type), and the rule's options. */
function RuleControls({
  def,
  seg,
  manual,
  set,
}: {
  def: FigureDef;
  seg: FigureSegment;
  manual: boolean;
  set(patch: Partial<FigureSegment>): void;
}) {
  const rules = DISPLAY_RULES[def.value.type];
  const ruleType = seg.rule?.type ?? 'default';
  return (
    <>
      <Select
        size="xs"
        label="显示方式"
        disabled={manual}
        value={ruleType}
        data={[
          { value: 'default', label: `按指标默认（${RULE_LABEL[def.display.type]}）` },
          ...rules.map((r) => ({ value: r, label: RULE_LABEL[r] })),
        ]}
        onChange={(v) => v && set({ rule: ruleFrom(v as RuleType | 'default', seg.rule) })}
        comboboxProps={{ withinPortal: false }}
      />
      <RuleOptions rule={seg.rule} onChange={(rule) => set({ rule: dropUndefined(rule) })} />
    </>
  );
}
