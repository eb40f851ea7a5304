/**
 * 插入指标: every figure of the catalogue, searchable, grouped by the part of the report that
 * usually cites it, each with the year's current value, so the clerk picks by meaning, not by code.
 */
import { Anchor, ScrollArea, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useMemo, useState } from 'react';
import { IconSearch } from '../../icons';
import type { FigureDef, FigureResult } from '../types';
import { SECTION_LABEL } from '../../lib/figure-sections';
import { hrefFor } from '../../router';
import { AppModal } from '../../lib/modal';

const ORDER = Object.keys(SECTION_LABEL);

interface Props {
  opened: boolean;
  year: number;
  catalogue: readonly FigureDef[];
  values: ReadonlyMap<string, FigureResult>;
  onPick(def: FigureDef): void;
  onClose(): void;
}

export function FigurePicker({ opened, year, catalogue, values, onPick, onClose }: Props) {
  const [q, setQ] = useState('');
  const groups = useMemo(() => {
    const words = q.trim().split(/\s+/).filter(Boolean);
    const hits = catalogue.filter((d) => words.every((w) => d.name.includes(w) || (SECTION_LABEL[d.section] ?? '').includes(w)));
    const by = new Map<string, FigureDef[]>();
    for (const d of hits) by.set(d.section, [...(by.get(d.section) ?? []), d]);
    return [...by].sort((a, b) => rank(a[0]) - rank(b[0]));
  }, [catalogue, q]);

  return (
    <AppModal
      opened={opened}
      onClose={onClose}
      title={`插入指标（${year}年数值）`}
      size={620}
      returnFocus={false}
      data-testid="figure-picker"
      onExitTransitionEnd={() => setQ('')}
    >
      <TextInput
        data-autofocus
        placeholder="搜索指标，如：党委会议、演练、罚款"
        leftSection={<IconSearch size={14} />}
        value={q}
        onChange={(e) => setQ(e.currentTarget.value)}
        aria-label="搜索指标"
        mb="xs"
      />
      <ScrollArea.Autosize mah={440} type="auto" offsetScrollbars>
        {groups.length === 0 && (
          <Text size="sm" c="dimmed" py="md" ta="center">
            没有找到“{q}”相关的指标
          </Text>
        )}
        {groups.map(([section, defs]) => (
          <div key={section} className="picker-group">
            <div className="picker-group-label">{SECTION_LABEL[section] ?? '其他'}</div>
            {defs.map((d) => {
              const v = values.get(d.id);
              return (
                <UnstyledButton key={d.id} className="picker-item" onClick={() => onPick(d)} data-figure-id={d.id}>
                  <span className="picker-name">{d.name}</span>
                  <span className="picker-custom">{d.id.startsWith('custom.') ? '自定义' : ''}</span>
                  <span className={v && v.value === 0 ? 'picker-value zero' : 'picker-value'}>
                    {v ? (v.ok ? v.display : '无法计算') : '…'}
                  </span>
                  <span className="picker-count">{v ? `${v.recordCount}条记录` : ''}</span>
                </UnstyledButton>
              );
            })}
          </div>
        ))}
      </ScrollArea.Autosize>
      <Text size="xs" c="dimmed" mt="xs">
        目录中没有要的指标？可在{' '}
        <Anchor href={hrefFor({ name: 'figures' })} size="xs">
          自定义指标
        </Anchor>{' '}
        中按台账记录自行定义。
      </Text>
    </AppModal>
  );
}

function rank(section: string): number {
  const i = ORDER.indexOf(section);
  return i < 0 ? ORDER.length : i;
}
