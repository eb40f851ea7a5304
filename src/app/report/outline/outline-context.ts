/** What every part of the outline editor shares: the year's words and figures, and the editor's dialogs. */
import { createContext, useContext } from 'react';
import type { FigureInfo } from '../figure-labels';
import type { ReportSpec } from '../types';
import type { ChipClick, InlineEditorHandle } from './inline-editor';

export interface ConfirmRequest {
  title: string;
  body: string;
  confirmLabel: string;
  onConfirm(): void;
}

export interface OutlineContextValue {
  year: number;
  town: string;
  info: FigureInfo;
  setDraft(fn: (s: ReportSpec) => ReportSpec): void;
  /** Opens the figure picker; the chosen figure goes into `target` at its caret. */
  openPicker(target: InlineEditorHandle): void;
  openChip(paragraphId: string, click: ChipClick): void;
  openTrace(figureId: string, sinceYear?: number, manual?: string): void;
  confirm(req: ConfirmRequest): void;
}

export const OutlineContext = createContext<OutlineContextValue | null>(null);

export function useOutline(): OutlineContextValue {
  const c = useContext(OutlineContext);
  if (!c) throw new Error('useOutline outside OutlineContext');
  return c;
}
