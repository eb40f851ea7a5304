/**
 * A dialog or page form that holds unsaved edits: while dirty, leaving through the menu, the year
 * switcher or a reload asks first (state/unsaved-guard.ts), and so does closing the dialog with
 * Esc or 取消. Returns the close function the dialog should call.
 */
import { useCallback } from 'react';
import { confirmLeave, DEFAULT_UNSAVED_MESSAGE, useUnsavedGuard } from '../state/unsaved-guard';

export function useGuardedClose(dirty: boolean, onClose: () => void, message: string = DEFAULT_UNSAVED_MESSAGE): () => void {
  useUnsavedGuard(dirty, message);
  return useCallback(() => {
    if (!dirty) return onClose();
    void confirmLeave().then((leave) => leave && onClose());
  }, [dirty, onClose]);
}

const blank = (v: unknown) =>
  v === undefined || v === null || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);

/** Whether a form's values differ from where it started; an emptied field equals one never filled. */
export function valuesDiffer(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const x = a[k];
    const y = b[k];
    if (blank(x) && blank(y)) continue;
    if (JSON.stringify(x) !== JSON.stringify(y)) return true;
  }
  return false;
}
