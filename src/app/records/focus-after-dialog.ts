/**
 * Where the keyboard focus goes when a record dialog closes: to the saved or edited row once the
 * list has reloaded (so the clerk can go on with Tab or Enter from there), else to 新增.
 * Without this, focus falls to the page body after every save or Esc.
 */
import { useCallback, useEffect, useRef } from 'react';

export function useFocusAfterDialog(listData: unknown) {
  const pending = useRef<{ id: string | null } | null>(null);

  const put = useCallback(() => {
    const p = pending.current;
    if (!p) return false;
    const row = p.id ? document.querySelector<HTMLElement>(`[data-record-id="${CSS.escape(p.id)}"]`) : null;
    const target = row ?? (p.id ? null : document.querySelector<HTMLElement>('[data-shortcut="new"]'));
    if (!target) return false;
    target.focus();
    if (row) row.scrollIntoView({ block: 'nearest' });
    pending.current = null;
    return true;
  }, []);

  // The saved row appears after the list reloads; try again whenever it does.
  useEffect(() => {
    put();
  }, [listData, put]);

  const returnTo = useCallback(
    (id: string | null) => {
      pending.current = { id };
      // After the dialog has unmounted (its focus trap lets go); a new row waits for the reload.
      window.setTimeout(() => {
        if (!put() && pending.current && !id) pending.current = null;
      }, 50);
    },
    [put],
  );
  return { returnTo };
}
