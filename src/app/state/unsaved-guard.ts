/**
 * Unsaved-changes guard: a page that holds unsaved edits registers itself with
 * `useUnsavedGuard(dirty, message)`; the menu/links (see shell/unsaved-guard-host.tsx), the
 * router's `navigate` and the year switcher call `confirmLeave()` first, which asks in a modal
 * while a guard is active. While dirty, `beforeunload` is set too (reload / closing the window;
 * in Electron the main process turns it into a native question, see electron/main/window.ts).
 */
import { useEffect, useSyncExternalStore } from 'react';

export const DEFAULT_UNSAVED_MESSAGE = '有修改尚未保存，确定离开吗？';

interface LeaveQuestion {
  message: string;
}

/** Active guards, newest last: their messages. */
const guards = new Map<symbol, string>();
let pending: (LeaveQuestion & { resolve(leave: boolean): void }) | null = null;
const listeners = new Set<() => void>();
const emit = () => listeners.forEach((l) => l());

/** While `dirty`, leaving the page (other page, other year, reload, close) asks first. */
export function useUnsavedGuard(dirty: boolean, message: string = DEFAULT_UNSAVED_MESSAGE): void {
  useEffect(() => {
    if (!dirty) return;
    const id = Symbol('unsaved');
    guards.set(id, message);
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = message; // older Chromium (Electron) wants it set
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      guards.delete(id);
      window.removeEventListener('beforeunload', onBeforeUnload);
    };
  }, [dirty, message]);
}

export const hasUnsavedChanges = (): boolean => guards.size > 0;

/** Resolves true when the page may be left: at once without a guard, else after the clerk's answer. */
export function confirmLeave(): Promise<boolean> {
  const message = [...guards.values()].pop();
  if (message === undefined) return Promise.resolve(true);
  if (pending) return Promise.resolve(false); // already asking
  return new Promise((resolve) => {
    pending = { message, resolve };
    emit();
  });
}

/** The modal's answer: true = 离开不保存, false = 留在此页. */
export function answerLeave(leave: boolean): void {
  const p = pending;
  pending = null;
  emit();
  p?.resolve(leave);
}

const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};

/** The open question, if any (for the modal). */
export function useLeaveQuestion(): LeaveQuestion | null {
  return useSyncExternalStore(subscribe, () => pending);
}
