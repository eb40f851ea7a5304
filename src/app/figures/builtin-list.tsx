/**
 * 内置指标及口径: every built-in figure with what it counts and, for a rate, what it divides by,
 * in the generated sentence of @rules/figures/describe, so near-named figures (调解成功率 and
 * 化解率, 在岗 and 持证) are told apart before one is picked; one may be copied as a custom figure.
 */
import { Button, ScrollArea, Text, TextInput } from '@mantine/core';
import { useMemo, useState } from 'react';
import { FIGURES } from '@rules/figures/catalogue';
import { describeFigure } from '@rules/figures/describe';
import type { FigureDef } from '@rules/figures/types';
import { IconSearch } from '../icons';
import { AppModal } from '../lib/modal';
import { useLedger } from '../state/ledger';

/** A definition the builder can hold (it has no “one of several conditions”). */
const copyable = (f: FigureDef) =>
  (f.value.type === 'rate' ? [f.value.numerator, f.value.denominator] : [f.value.measure]).every((m) => !m.anyOf);

export function BuiltinList({ opened, onClose, onCopy }: { opened: boolean; onClose(): void; onCopy(def: FigureDef): void }) {
  const { kindById } = useLedger();
  const [q, setQ] = useState('');
  const rows = useMemo(() => {
    const words = q.trim().split(/\s+/).filter(Boolean);
    return FIGURES.map((f) => ({ f, text: describeFigure(f, kindById) })).filter(({ f, text }) =>
      words.every((w) => f.name.includes(w) || text.includes(w)),
    );
  }, [q, kindById]);
  return (
    <AppModal opened={opened} onClose={onClose} title="内置指标及口径" size={760} data-testid="builtin-figures">
      <TextInput
        data-autofocus
        size="xs"
        mb="xs"
        placeholder="搜索，如：持证、化解率、整改"
        aria-label="搜索内置指标"
        leftSection={<IconSearch size={14} />}
        value={q}
        onChange={(e) => setQ(e.currentTarget.value)}
      />
      <ScrollArea.Autosize mah="calc(100vh - 220px)" type="auto" offsetScrollbars>
        {rows.length === 0 && (
          <Text size="sm" c="dimmed" ta="center" py="md">
            没有找到“{q}”相关的指标
          </Text>
        )}
        {rows.map(({ f, text }) => (
          <div key={f.id} className="builtin-row" data-figure-id={f.id}>
            <div className="builtin-head">
              <Text size="sm" fw={600}>
                {f.name}
                <Text span size="xs" c="dimmed" ml={6}>
                  单位：{f.unit}
                </Text>
              </Text>
              {copyable(f) && (
                <Button size="compact-xs" variant="subtle" onClick={() => onCopy(f)}>
                  复制为自定义指标
                </Button>
              )}
            </div>
            <Text size="xs" c="dimmed" data-testid="builtin-sentence">
              {text}
            </Text>
          </div>
        ))}
      </ScrollArea.Autosize>
    </AppModal>
  );
}
