/**
 * Asks “离开不保存 / 留在此页” whenever a page holds unsaved changes (state/unsaved-guard.ts) and
 * the clerk follows an in-app link (the left menu, 去备份, …), switches the year or closes a form
 * dialog (lib/use-guarded-close.ts) — hence above the dialogs (Mantine's modals sit at 200).
 */
import { useEffect } from 'react';
import { ConfirmModal } from '../lib/modal';
import { parseHash } from '../router';
import { answerLeave, confirmLeave, hasUnsavedChanges, useLeaveQuestion } from '../state/unsaved-guard';

const sameRoute = (a: string, b: string) => JSON.stringify(parseHash(a)) === JSON.stringify(parseHash(b));

export function UnsavedGuardHost() {
  const question = useLeaveQuestion();

  useEffect(() => {
    // Capture phase: before Mantine/React handlers and before the browser follows the hash link.
    const onClick = (e: MouseEvent) => {
      if (!hasUnsavedChanges() || e.defaultPrevented || e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return;
      const a = (e.target as Element | null)?.closest?.('a[href^="#"]');
      const href = a?.getAttribute('href');
      if (!href || sameRoute(href, window.location.hash)) return;
      e.preventDefault();
      void confirmLeave().then((leave) => {
        if (leave) window.location.hash = href;
      });
    };
    document.addEventListener('click', onClick, true);
    return () => document.removeEventListener('click', onClick, true);
  }, []);

  return (
    <ConfirmModal
      opened={!!question}
      onClose={() => answerLeave(false)}
      onConfirm={() => answerLeave(true)}
      title="尚未保存"
      cancelLabel="留在此页"
      confirmLabel="离开不保存"
      focus="cancel"
      testId="unsaved-guard"
      zIndex={400}
    >
      {question?.message}
    </ConfirmModal>
  );
}
