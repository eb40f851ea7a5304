/**
 * 正文 editor: the opening paragraphs and the outline (parts 一–四, part 一's subsections), with
 * the figure picker, the chip menu and delete confirmations shared by every paragraph.
 */
import { Button, Paper, Stack, Text } from '@mantine/core';
import { useCallback, useMemo, useRef, useState } from 'react';
import { ConfirmModal } from '../../lib/modal';
import { IconPlus } from '../../icons';
import type { FigureInfo } from '../figure-labels';
import { addParagraph, addSection, allParagraphs } from '../spec-edit';
import type { FigureDef, ReportSpec } from '../types';
import { ChipMenu } from './chip-menu';
import type { ChipTarget } from '../types';
import { FigurePicker } from './figure-picker';
import type { InlineEditorHandle } from './inline-editor';
import { OutlineContext, type ConfirmRequest, type OutlineContextValue } from './outline-context';
import { ParagraphEditor } from './paragraph-editor';
import { SectionCard } from './section-card';
import './outline.css';

interface Props {
  spec: ReportSpec;
  setDraft(fn: (s: ReportSpec) => ReportSpec): void;
  year: number;
  town: string;
  info: FigureInfo;
  catalogue: readonly FigureDef[];
  openTrace(figureId: string, sinceYear?: number, manual?: string): void;
}

export function OutlineEditor({ spec, setDraft, year, town, info, catalogue, openTrace }: Props) {
  const [pickerOpen, setPickerOpen] = useState(false);
  const pickTarget = useRef<InlineEditorHandle | null>(null);
  const [chip, setChip] = useState<ChipTarget | null>(null);
  const [ask, setAsk] = useState<ConfirmRequest | null>(null);

  const openPicker = useCallback((target: InlineEditorHandle) => {
    pickTarget.current = target;
    setPickerOpen(true);
  }, []);
  const openChip = useCallback<OutlineContextValue['openChip']>((paragraphId, click) => {
    // The menu is tall: a chip low in the window is first scrolled up so the menu opens below it in full.
    const before = click.element.getBoundingClientRect();
    if (before.bottom > window.innerHeight * 0.45) window.scrollBy({ top: before.top - 150, behavior: 'instant' });
    const r = click.element.getBoundingClientRect();
    setChip({
      paragraphId,
      index: click.index,
      rect: { left: r.left + window.scrollX, top: r.top + window.scrollY, width: r.width, height: r.height },
    });
  }, []);

  const ctx = useMemo<OutlineContextValue>(
    () => ({ year, town, info, setDraft, openPicker, openChip, openTrace, confirm: setAsk }),
    [year, town, info, setDraft, openPicker, openChip, openTrace],
  );

  const chipParagraph = chip ? ([...allParagraphs(spec)].find((x) => x.p.id === chip.paragraphId)?.p ?? null) : null;

  return (
    <OutlineContext.Provider value={ctx}>
      <Stack gap="sm" data-testid="outline-editor">
        <Paper withBorder p="sm" className="outline-part" data-anchor="opening">
          <Text className="heading-no part" mb={4}>
            开头
          </Text>
          <div className="outline-paras">
            {spec.opening.map((p, k) => (
              <ParagraphEditor key={p.id} p={p} label={`开头第${k + 1}段`} />
            ))}
            {spec.opening.length === 0 && (
              <Button
                size="compact-xs"
                variant="subtle"
                leftSection={<IconPlus size={12} />}
                onClick={() => setDraft((s) => addParagraph(s, { path: null }))}
              >
                添加段落
              </Button>
            )}
          </div>
        </Paper>
        {spec.sections.map((s, i) => (
          <Paper key={s.id} withBorder p="sm">
            <SectionCard section={s} path={[i]} siblings={spec.sections.length} />
          </Paper>
        ))}
        <Button
          variant="default"
          size="xs"
          leftSection={<IconPlus size={14} />}
          disabled={spec.sections.length >= 10}
          onClick={() => setDraft((s) => addSection(s, null))}
          w="fit-content"
        >
          添加一级标题
        </Button>
      </Stack>
      <FigurePicker
        opened={pickerOpen}
        year={year}
        catalogue={catalogue}
        values={info.values}
        onClose={() => setPickerOpen(false)}
        onPick={(def) => {
          const target = pickTarget.current;
          setPickerOpen(false);
          target?.insertSegment({ type: 'figure', figureId: def.id });
          window.setTimeout(() => target?.focus(), 0);
        }}
      />
      {chip && <ChipMenu key={`${chip.paragraphId}:${chip.index}`} target={chip} spec={chipParagraph} onClose={() => setChip(null)} />}
      <ConfirmModal
        opened={!!ask}
        title={ask?.title ?? ''}
        confirmLabel={ask?.confirmLabel ?? '确定'}
        onClose={() => setAsk(null)}
        onConfirm={() => {
          ask?.onConfirm();
          setAsk(null);
        }}
      >
        {ask?.body}
      </ConfirmModal>
    </OutlineContext.Provider>
  );
}
