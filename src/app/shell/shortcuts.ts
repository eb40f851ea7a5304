/**
 * The app's keyboard shortcuts, one listener for every screen:
 *   Ctrl+S  saves — the form of the dialog on top, else the page's [data-shortcut="save"] button;
 *   Ctrl+N  新增 — the page's [data-shortcut="new"] button, when no dialog is open;
 *   Ctrl+F  搜索 — focuses the page's [data-shortcut="search"] box, when no dialog is open.
 * Pages opt in by marking the element, so no page needs its own listener and the tooltips
 * (「新增（Ctrl+N）」) tell the clerk they exist.
 */
import { useEffect } from 'react';

export const SHORTCUT_HINT = { new: 'Ctrl+N', save: 'Ctrl+S', search: 'Ctrl+F' } as const;

const topDialog = (): Element | null => {
  const open = [...document.querySelectorAll('.mantine-Modal-content')];
  return open[open.length - 1] ?? null;
};

function onKey(e: KeyboardEvent): void {
  if (!(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey) return;
  const key = e.key.toLowerCase();
  if (key !== 's' && key !== 'n' && key !== 'f') return;
  const dialog = topDialog();
  if (key === 's') {
    e.preventDefault(); // never the browser's “save page”
    const form = dialog?.querySelector('form');
    if (form) return form.requestSubmit();
    if (!dialog) (document.querySelector('[data-shortcut="save"]:not([disabled])') as HTMLElement | null)?.click();
    return;
  }
  if (dialog) return;
  const target = document.querySelector(`[data-shortcut="${key === 'n' ? 'new' : 'search'}"]`) as HTMLElement | null;
  if (!target) return;
  e.preventDefault();
  if (key === 'n') target.click();
  else {
    target.focus();
    if (target instanceof HTMLInputElement) target.select();
  }
}

export function useShortcuts(): void {
  useEffect(() => {
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
