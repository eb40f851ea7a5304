/**
 * 插入指标: every figure of the catalogue, searchable, grouped by the part of the report that
 * usually cites it, each with the year's current value, so the clerk picks by meaning, not by code.
 */
import { Modal, ScrollArea, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useMemo, useState } from 'react';
import { IconSearch } from '../../icons';
import type { FigureDef, FigureResult } from '../types';

const SECTION_LABEL: Record<string, string> = {
  '1': '（一）学习贯彻习近平法治思想、普法',
  '2': '（二）政府机构职能体系',
  '3': '（三）依法行政制度体系',
  '4': '（四）行政决策',
  '5': '（五）行政执法',
  '6': '（六）突发事件应对',
  '7': '（七）矛盾纠纷化解与法律服务',
  '8': '（八）行政权力制约和监督',
  '9': '（九）数字法治政府',
  '10': '（十）推进机制',
  二: '二、第一责任人职责',
};
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
    <Modal opened={opened} onClose={onClose} title={`插入指标（${year}年数值）`} size={620} returnFocus={false} data-testid="figure-picker" onExitTransitionEnd={() => setQ('')}>
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
                  <span className={v && v.value === 0 ? 'picker-value zero' : 'picker-value'}>{v ? (v.ok ? v.display : '无法计算') : '…'}</span>
                  <span className="picker-count">{v ? `${v.recordCount}条记录` : ''}</span>
                </UnstyledButton>
              );
            })}
          </div>
        ))}
      </ScrollArea.Autosize>
    </Modal>
  );
}

function rank(section: string): number {
  const i = ORDER.indexOf(section);
  return i < 0 ? ORDER.length : i;
}
