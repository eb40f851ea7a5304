/**
 * One editable line of report text: the clerk types (IME included) around figure chips and
 * automatic-word chips, which move and delete as whole units. The DOM is the editing state; it
 * is read back into segments on every input and redrawn only when the segments change from outside.
 */
import { forwardRef, useImperativeHandle, useLayoutEffect, useRef, type KeyboardEvent, type MouseEvent } from 'react';
import type { Segment } from '../types';
import type { Token } from '@rules/report/tokens';
import { figureChip, insertNode, readInline, refreshChips, renderInline, tokenChip, type InlineLabels } from './inline-dom';

export interface InlineEditorHandle {
  /** Inserts a figure (or rate group) where the caret last was, else at the end. */
  insertSegment(seg: Segment): void;
  insertToken(t: Token): void;
  focus(): void;
}

export interface ChipClick {
  index: number;
  segment: Segment;
  element: HTMLElement;
}

interface Props {
  segments: readonly Segment[];
  onChange(segments: Segment[]): void;
  labels: InlineLabels;
  /** Headings: no figures, one short line. */
  variant?: 'paragraph' | 'heading';
  placeholder?: string;
  ariaLabel: string;
  onChipClick?(click: ChipClick): void;
}

export const InlineEditor = forwardRef<InlineEditorHandle, Props>(function InlineEditor(props, ref) {
  const root = useRef<HTMLDivElement>(null);
  const lastJson = useRef<string | null>(null);
  const caret = useRef<Range | null>(null);
  const latest = useRef(props);
  latest.current = props;

  useLayoutEffect(() => {
    const json = JSON.stringify(props.segments);
    if (json === lastJson.current || !root.current) return;
    renderInline(root.current, props.segments, props.labels);
    lastJson.current = json;
    // Labels alone changing is the next effect's job (it keeps the caret).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [props.segments]);

  useLayoutEffect(() => {
    if (root.current) refreshChips(root.current, props.labels);
  }, [props.labels]);

  const emit = () => {
    const el = root.current;
    if (!el) return;
    if (!el.textContent && !el.querySelector('.fig-chip, .token-chip')) el.replaceChildren();
    const { segments } = readInline(el);
    lastJson.current = JSON.stringify(segments);
    latest.current.onChange(segments);
  };

  const rememberCaret = () => {
    const sel = window.getSelection();
    if (sel?.rangeCount && root.current?.contains(sel.getRangeAt(0).commonAncestorContainer))
      caret.current = sel.getRangeAt(0).cloneRange();
  };

  const insert = (node: Node) => {
    const el = root.current;
    if (!el) return;
    insertNode(el, node, caret.current);
    rememberCaret();
    emit();
  };

  useImperativeHandle(ref, () => ({
    insertSegment: (seg) => {
      const tmp = document.createElement('span');
      renderInline(tmp, [seg], latest.current.labels);
      insert(tmp.firstChild ?? figureChip(seg, latest.current.labels.chip(seg, 0)));
    },
    insertToken: (t) => insert(tokenChip(t, latest.current.labels.token(t))),
    focus: () => {
      const el = root.current;
      if (!el) return;
      el.focus();
      // Back where the caret was (after an inserted chip), not at the start.
      if (caret.current && el.contains(caret.current.commonAncestorContainer)) {
        const sel = window.getSelection();
        sel?.removeAllRanges();
        sel?.addRange(caret.current);
      }
    },
  }));

  const onKeyDown = (e: KeyboardEvent) => {
    // One paragraph is one block: Enter never splits it into lines the report cannot show.
    if (e.key === 'Enter') e.preventDefault();
  };

  const onClick = (e: MouseEvent) => {
    const chip = (e.target as HTMLElement).closest<HTMLElement>('.fig-chip');
    const el = root.current;
    if (!chip || !el || !props.onChipClick) return;
    const { segments, chipIndex } = readInline(el);
    const index = chipIndex.get(chip);
    if (index !== undefined) props.onChipClick({ index, segment: segments[index], element: chip });
  };

  return (
    <div
      ref={root}
      className={props.variant === 'heading' ? 'inline-edit heading' : 'inline-edit'}
      contentEditable
      suppressContentEditableWarning
      role="textbox"
      aria-multiline={props.variant !== 'heading'}
      aria-label={props.ariaLabel}
      data-placeholder={props.placeholder}
      spellCheck={false}
      onInput={emit}
      onKeyDown={onKeyDown}
      onKeyUp={rememberCaret}
      onMouseUp={rememberCaret}
      onBlur={rememberCaret}
      onClick={onClick}
      onPaste={(e) => {
        // Plain text only: no styles, no line breaks from Word or a web page.
        e.preventDefault();
        const text = e.clipboardData.getData('text/plain').replace(/\s*[\r\n]+\s*/g, '');
        document.execCommand('insertText', false, text);
      }}
      onDrop={(e) => e.preventDefault()}
    />
  );
});
