/**
 * One measure of a custom figure: the ledger kind, filters on its fields (each with the control its
 * type needs), and the aggregate (计数 / 合计 / 不同值个数, optionally over records active in the year).
 */
import { ActionIcon, Button, Group, MultiSelect, NumberInput, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { Condition } from '@rules/figures/types';
import type { FieldDef, KindDef } from '../lib/api';
import { useLedger } from '../state/ledger';
import { DateField } from '../lib/date-field';
import {
  distinctFields,
  emptyMeasure,
  filterFields,
  filterKey,
  sumFields,
  untilFields,
  type AggChoice,
  type FilterRow,
  type MeasureDraft,
} from './draft';

interface Props {
  label?: string;
  value: MeasureDraft;
  onChange(m: MeasureDraft): void;
  /** Errors from the core's check, keyed by the field path inside this measure (e.g. “where.serviceType”). */
  errors: Record<string, string>;
  /** A rate's parts are counts or sums, never distinct values. */
  allowDistinct?: boolean;
}

const AGG_LABEL: Record<AggChoice, string> = { count: '记录条数', sum: '字段合计', distinct: '不同值个数' };

export function MeasureEditor({ label, value: m, onChange, errors, allowDistinct = true }: Props) {
  const { kinds, kindById } = useLedger();
  const kind = kindById.get(m.kind);
  const set = (patch: Partial<MeasureDraft>) => onChange({ ...m, ...patch });
  const aggs: AggChoice[] = allowDistinct ? ['count', 'sum', 'distinct'] : ['count', 'sum'];
  const aggFields = m.agg === 'sum' ? sumFields(kind) : distinctFields(kind);
  const until = untilFields(kind);
  return (
    <Stack gap={8} className="measure-editor" data-testid="measure-editor">
      {label && (
        <Text fw={600} size="sm">
          {label}
        </Text>
      )}
      <Select
        label="台账类型"
        size="xs"
        data={kinds.map((k) => ({ value: k.id, label: k.label }))}
        value={m.kind}
        allowDeselect={false}
        searchable
        error={errors.kind}
        onChange={(v) => v && v !== m.kind && onChange(emptyMeasure(v))}
      />
      <div>
        <Text size="xs" fw={500} mb={4}>
          筛选条件（全部满足）
        </Text>
        <Stack gap={6}>
          {m.filters.map((row, i) => (
            <FilterEditor
              key={row.key}
              kind={kind}
              row={row}
              error={errors[`where.${row.field}`]}
              onChange={(r) => set({ filters: m.filters.map((x, j) => (j === i ? r : x)) })}
              onRemove={() => set({ filters: m.filters.filter((_, j) => j !== i) })}
            />
          ))}
          {m.filters.length === 0 && (
            <Text size="xs" c="dimmed">
              不加条件：本年度该类型的全部记录。
            </Text>
          )}
          <Button
            size="compact-xs"
            variant="subtle"
            style={{ alignSelf: 'flex-start' }}
            onClick={() => set({ filters: [...m.filters, { key: filterKey(), field: '' }] })}
          >
            ＋ 添加条件
          </Button>
        </Stack>
      </div>
      <div>
        <Text size="xs" fw={500} mb={4}>
          统计方式
        </Text>
        <SegmentedControl
          size="xs"
          data={aggs.map((a) => ({ value: a, label: AGG_LABEL[a] }))}
          value={m.agg}
          onChange={(v) => set({ agg: v as AggChoice, field: '' })}
        />
      </div>
      {m.agg !== 'count' && (
        <Select
          size="xs"
          label={m.agg === 'sum' ? '合计的字段' : '数不同值的字段'}
          placeholder={aggFields.length ? '请选择字段' : '此类型没有可用的字段'}
          data={aggFields.map((f) => ({ value: f.key, label: f.unit ? `${f.label}（${f.unit}）` : f.label }))}
          value={m.field || null}
          error={errors['agg.field']}
          onChange={(v) => set({ field: v ?? '' })}
        />
      )}
      {until.length > 0 && <DateControls kind={kind} m={m} until={until} errors={errors} set={set} />}
    </Stack>
  );
}

/**
 * How dates decide which year a record counts in: active from its date until end dates (聘期至,
 * 离岗日期), in the year of another date (发证日期), or only if dates still hold on 31 December
 * (证件有效期至). Folded away until asked for or used, as most figures count by the record's date.
 */
function DateControls({
  kind,
  m,
  until,
  errors,
  set,
}: {
  kind: KindDef | undefined;
  m: MeasureDraft;
  until: FieldDef[];
  errors: Record<string, string>;
  set(patch: Partial<MeasureDraft>): void;
}) {
  const used = m.activeUntil.length > 0 || !!m.dateBy || m.validAtEnd.length > 0;
  const [shown, setShown] = useState(used);
  const own = kind?.fields.find((f) => f.key === kind.dateField)?.label ?? '日期';
  const data = until.map((f) => ({ value: f.key, label: f.label }));
  if (!shown && !used) {
    return (
      <Button
        size="compact-xs"
        variant="subtle"
        style={{ alignSelf: 'flex-start' }}
        title="按有效期、按发证日期等其他日期归入年度，或要求年末仍有效"
        onClick={() => setShown(true)}
      >
        ＋ 按其他日期统计
      </Button>
    );
  }
  return (
    <Stack gap={6} className="date-controls">
      <MultiSelect
        size="xs"
        label="按有效期统计（年内有效的记录）"
        description={`选中后，记录从${own}起到所选日期止，在此期间的每一年都计入`}
        placeholder={m.activeUntil.length ? '' : '不按有效期'}
        data={data}
        value={m.activeUntil}
        disabled={!!m.dateBy}
        error={errors.activeUntil}
        onChange={(v) => set({ activeUntil: v })}
      />
      <Select
        size="xs"
        label="按哪个日期归入年度"
        data={[{ value: '', label: `${own}（默认）` }, ...data]}
        value={m.dateBy}
        allowDeselect={false}
        disabled={m.activeUntil.length > 0}
        error={errors.dateBy}
        onChange={(v) => set({ dateBy: v ?? '' })}
      />
      <MultiSelect
        size="xs"
        label="年末（12月31日）仍须有效的日期"
        description="所选日期为空或不早于当年12月31日的记录才计入，如证件有效期至"
        placeholder={m.validAtEnd.length ? '' : '不要求'}
        data={data}
        value={m.validAtEnd}
        error={errors.validAtEnd}
        onChange={(v) => set({ validAtEnd: v })}
      />
    </Stack>
  );
}

function FilterEditor({
  kind,
  row,
  error,
  onChange,
  onRemove,
}: {
  kind: KindDef | undefined;
  row: FilterRow;
  error?: string;
  onChange(r: FilterRow): void;
  onRemove(): void;
}) {
  const fields = filterFields(kind);
  const f = fields.find((x) => x.key === row.field);
  return (
    <div className="filter-row" data-testid="filter-row">
      <Group gap={6} wrap="nowrap" align="flex-start">
        {/* In a narrow column (a rate's two measures) the condition wraps under the field. */}
        <Group gap={6} wrap="wrap" align="flex-start" style={{ flex: 1, minWidth: 0 }}>
          <Select
            size="xs"
            w={150}
            aria-label="筛选字段"
            placeholder="字段"
            data={fields.map((x) => ({ value: x.key, label: x.label }))}
            value={row.field || null}
            searchable
            onChange={(v) => onChange({ ...row, field: v ?? '', cond: undefined })}
          />
          <div style={{ flex: '1 1 230px', minWidth: 0 }}>
            {f ? <ConditionInput field={f} value={row.cond} onChange={(cond) => onChange({ ...row, cond })} /> : null}
          </div>
        </Group>
        <ActionIcon variant="subtle" color="gray" aria-label="删除条件" onClick={onRemove} mt={2}>
          ×
        </ActionIcon>
      </Group>
      {error && (
        <Text size="xs" c="red" mt={2}>
          {error}
        </Text>
      )}
    </div>
  );
}

function ConditionInput({
  field: f,
  value,
  onChange,
}: {
  field: FieldDef;
  value: Condition | undefined;
  onChange(c: Condition | undefined): void;
}) {
  const { settings } = useLedger();
  const obj = value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  switch (f.type) {
    case 'enum':
    case 'village': {
      const options = f.type === 'enum' ? [...(f.options ?? [])] : settings.villages;
      const negated = 'notIn' in obj;
      const picked = negated
        ? (obj.notIn as string[])
        : Array.isArray(value)
          ? (value as string[])
          : typeof value === 'string'
            ? [value]
            : [];
      const emit = (v: string[], not: boolean) =>
        onChange(v.length === 0 ? (not ? { notIn: [] } : undefined) : not ? { notIn: v } : v.length === 1 ? v[0] : v);
      return (
        <Group gap={4} wrap="nowrap" align="flex-start">
          <SegmentedControl
            size="xs"
            aria-label={`${f.label}是或不是`}
            data={[
              { value: 'in', label: '是' },
              { value: 'not', label: '不是' },
            ]}
            value={negated ? 'not' : 'in'}
            onChange={(v) => emit(picked, v === 'not')}
          />
          <MultiSelect
            size="xs"
            style={{ flex: 1, minWidth: 0 }}
            aria-label={`${f.label}取值`}
            placeholder="选择一个或多个"
            data={options}
            value={picked}
            searchable
            onChange={(v) => emit(v, negated)}
          />
        </Group>
      );
    }
    case 'bool':
      return (
        <SegmentedControl
          size="xs"
          aria-label={`${f.label}是否`}
          data={[
            { value: 'true', label: '是' },
            { value: 'false', label: '否' },
          ]}
          value={value === false ? 'false' : value === true ? 'true' : ''}
          onChange={(v) => onChange(v === 'true')}
        />
      );
    case 'int':
    case 'money': {
      const num = (k: 'min' | 'max') => (
        <NumberInput
          size="xs"
          w={96}
          aria-label={`${f.label}${k === 'min' ? '不少于' : '不多于'}`}
          placeholder={k === 'min' ? '不少于' : '不多于'}
          min={0}
          value={typeof obj[k] === 'number' ? (obj[k] as number) : ''}
          onChange={(v) => {
            const next = { ...obj, [k]: typeof v === 'number' ? v : undefined } as { min?: number; max?: number };
            onChange(next.min === undefined && next.max === undefined ? undefined : next);
          }}
        />
      );
      return (
        <Group gap={4} wrap="nowrap">
          {num('min')}
          <Text size="xs">至</Text>
          {num('max')}
          {f.unit && <Text size="xs">{f.unit}</Text>}
        </Group>
      );
    }
    case 'date': {
      const date = (k: 'from' | 'to') => (
        <DateField
          size="xs"
          w={120}
          aria-label={`${f.label}${k === 'from' ? '从' : '到'}`}
          value={typeof obj[k] === 'string' ? (obj[k] as string) : ''}
          onChange={(t) => {
            const next = { ...obj, [k]: t || undefined } as { from?: string; to?: string };
            onChange(next.from === undefined && next.to === undefined ? undefined : next);
          }}
        />
      );
      return (
        <Group gap={4} wrap="nowrap">
          {date('from')}
          <Text size="xs">至</Text>
          {date('to')}
        </Group>
      );
    }
    default:
      return (
        <TextInput
          size="xs"
          aria-label={`${f.label}包含`}
          placeholder="包含的文字"
          value={typeof obj.contains === 'string' ? obj.contains : ''}
          onChange={(e) => onChange(e.currentTarget.value ? { contains: e.currentTarget.value } : undefined)}
        />
      );
  }
}
