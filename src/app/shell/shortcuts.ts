/**
 * The app's keyboard shortcuts, one listener for every screen:
 *   Ctrl+S  saves — the form of the dialog on top, else the page's [data-shortcut="save"] button;
 *   Ctrl+N  新增 — the page's [data-shortcut="new"] button, when no dialog is open;
 *   Ctrl+F  搜索 — focuses the page's [data-shortcut="search"] box, when no dialog is open; on a
 *           page without one, the header's 全局搜索 ([data-shortcut="global-search"]);
 *   Ctrl+K  全局搜索 — the header's box, on every page, when no dialog is open;
 *   F1      帮助 — the help page, when no dialog is open (a dialog's unsaved values would be left).
 * Pages opt in by marking the element, so no page needs its own listener and the tooltips
 * (「新增（Ctrl+N）」) tell the clerk they exist.
 */
import { useEffect } from 'react';
import { navigate } from '../router';

const topDialog = (): Element | null => {
  const open = [...document.querySelectorAll('.mantine-Modal-content')];
  return open[open.length - 1] ?? null;
};

function onKey(e: KeyboardEvent): void {
  if (e.key === 'F1' && !e.ctrlKey && !e.metaKey && !e.altKey && !e.shiftKey) {
    e.preventDefault(); // never the browser's own help page
    if (!topDialog()) void navigate({ name: 'help' });
    return;
  }
  if (!(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey) return;
  const key = e.key.toLowerCase();
  if (key !== 's' && key !== 'n' && key !== 'f' && key !== 'k') return;
  const dialog = topDialog();
  if (key === 's') {
    e.preventDefault(); // never the browser's “save page”
    const form = dialog?.querySelector('form');
    if (form) return form.requestSubmit();
    if (!dialog) (document.querySelector('[data-shortcut="save"]:not([disabled])') as HTMLElement | null)?.click();
    return;
  }
  if (dialog) return;
  const pick = (name: string) => document.querySelector(`[data-shortcut="${name}"]`) as HTMLElement | null;
  const target = key === 'n' ? pick('new') : key === 'k' ? pick('global-search') : (pick('search') ?? pick('global-search'));
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
