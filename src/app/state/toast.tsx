/**
 * Short confirmations in the bottom-right corner (“已保存”), gone after a few seconds; one may
 * carry an action (“已删除 · 撤销”), and then stays longer.
 */
import { Anchor, Notification } from '@mantine/core';
import { createContext, useCallback, useContext, useRef, useState, type ReactNode } from 'react';

type Tone = 'ok' | 'error';
interface ToastAction {
  label: string;
  run: () => void;
}
interface Toast {
  id: number;
  message: string;
  tone: Tone;
  action?: ToastAction;
}

const ToastContext = createContext<(message: string, tone?: Tone, action?: ToastAction) => void>(() => {});

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const next = useRef(1);
  const dismiss = useCallback((id: number) => setToasts((t) => t.filter((x) => x.id !== id)), []);
  const show = useCallback(
    (message: string, tone: Tone = 'ok', action?: ToastAction) => {
      const id = next.current++;
      setToasts((t) => [...t.slice(-2), { id, message, tone, action }]);
      window.setTimeout(() => dismiss(id), tone === 'error' || action ? 8000 : 3000);
    },
    [dismiss],
  );
  return (
    <ToastContext.Provider value={show}>
      {children}
      <div className="toast-stack" role="status">
        {toasts.map((t) => (
          <Notification
            key={t.id}
            color={t.tone === 'ok' ? 'teal' : 'red'}
            withBorder
            onClose={() => dismiss(t.id)}
            closeButtonProps={{ 'aria-label': '关闭' }}
          >
            {t.message}
            {t.action && (
              <Anchor
                component="button"
                type="button"
                ml={10}
                fw={600}
                onClick={() => {
                  dismiss(t.id);
                  t.action!.run();
                }}
              >
                {t.action.label}
              </Anchor>
            )}
          </Notification>
        ))}
      </div>
    </ToastContext.Provider>
  );
}

export const useToast = () => useContext(ToastContext);
