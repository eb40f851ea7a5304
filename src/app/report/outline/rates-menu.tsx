/** The menu of a rate-group chip (“参考率、合格率均达到100%”): each rate, its words, its records. */
import { Button, Group, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { updateParagraph } from '../spec-edit';
import type { ChipTarget, Segment } from '../types';
import { TemplateInput } from './template-input';
import { useOutline } from './outline-context';

type Rates = Extract<Segment, { type: 'rates' }>;

/** The group with optional words set, or left out when cleared (the spec stores no empty keys). */
function withOptional(x: Rates, patch: Pick<Rates, 'template' | 'zeroText'>): Rates {
  const next = { ...x, ...patch };
  for (const k of ['template', 'zeroText'] as const) if (next[k] === undefined) delete next[k];
  return next;
}

export function RatesMenu({ seg, target, replaces, onClose }: { seg: Rates; target: ChipTarget; replaces: string; onClose(): void }) {
  const { info, setDraft, openTrace } = useOutline();
  const update = (fn: (s: Rates) => Segment | null) =>
    setDraft((s) =>
      updateParagraph(s, target.paragraphId, (p) => ({
        ...p,
        segments: p.segments.flatMap((x, i) => (i === target.index && x.type === 'rates' ? (fn(x) ?? []) : [x])),
      })),
    );
  return (
    <Stack gap={8}>
      <Text fw={600} size="sm">
        一组比率（相同时合写为“均达到”或“均为”）
      </Text>
      {seg.items.map((it, k) => {
        const def = info.defs.get(it.figureId);
        const v = info.values.get(it.figureId);
        return (
          <Group key={it.figureId} gap="xs" wrap="nowrap" align="flex-end">
            <TextInput
              size="xs"
              style={{ flex: 1 }}
              label={def?.name ?? '未知指标'}
              value={it.label}
              maxLength={20}
              onChange={(e) => {
                const label = e.currentTarget.value;
                update((x) => ({ ...x, items: x.items.map((y, j) => (j === k ? { ...y, label } : y)) }));
              }}
            />
            <Text size="sm" w={56} ta="right" pb={4}>
              {v?.display ?? '…'}
            </Text>
            <Button size="compact-xs" variant="light" mb={3} onClick={() => openTrace(it.figureId)}>
              记录
            </Button>
          </Group>
        );
      })}
      <Group gap="xs" align="center">
        <Text size="xs">相同时写作</Text>
        <SegmentedControl
          size="xs"
          aria-label="相同时写作"
          data={[
            { value: '达到', label: '均达到100%' },
            { value: '为', label: '均为100%' },
          ]}
          value={seg.verb ?? '达到'}
          onChange={(v) => update((x) => ({ ...x, verb: v === '为' ? '为' : undefined }))}
        />
      </Group>
      <TemplateInput value={seg.template} onChange={(template) => update((x) => withOptional(x, { template }))} />
      <TextInput
        size="xs"
        label="都无法计算（分母为0）时改写为"
        description={replaces}
        placeholder={seg.items.map((it) => info.defs.get(it.figureId)?.zeroPhrase).find(Boolean) ?? '如：全年未组织法治考试'}
        maxLength={200}
        value={seg.zeroText ?? ''}
        onChange={(e) => {
          const zeroText = e.currentTarget.value || undefined;
          update((x) => withOptional(x, { zeroText }));
        }}
      />
      <Group justify="space-between" mt={4}>
        <Button
          size="xs"
          color="red"
          variant="subtle"
          onClick={() => {
            update(() => null);
            onClose();
          }}
        >
          删除这组比率
        </Button>
        <Button size="xs" onClick={onClose}>
          完成
        </Button>
      </Group>
    </Stack>
  );
}
