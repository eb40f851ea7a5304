/**
 * The one home of the app's dialogs. `AppModal` is Mantine's Modal with the house look (a bold
 * title); every dialog is built on it, directly (viewers, pickers, the Excel import) or through
 * the two thin wrappers below: `ConfirmModal` for a yes/no question and `FormModal` for one form.
 * Dialogs holding unsaved edits pass their close through lib/use-guarded-close.ts.
 */
// eslint-disable-next-line @typescript-eslint/no-restricted-imports -- the one place that wraps Mantine's Modal
import { Alert, Button, Group, List, Modal, Text, type ModalProps } from '@mantine/core';
import { useEffect, useRef, type CSSProperties, type FormEvent, type ReactNode } from 'react';

type Styles = { title?: CSSProperties; body?: CSSProperties };

/** Mantine's Modal with the house title; `styles` adds to (not replaces) the house styles. */
export function AppModal({ styles, ...props }: Omit<ModalProps, 'styles'> & { styles?: Styles }) {
  return <Modal {...props} styles={{ ...styles, title: { fontWeight: 600, ...styles?.title } }} />;
}

interface ConfirmProps {
  opened: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onClose: () => void;
  cancelLabel?: string;
  busy?: boolean;
  /** When false the confirm button stays disabled (e.g. until a box is ticked). */
  canConfirm?: boolean;
  /** Which button Enter presses: the red one (删除, 恢复) or the safe one (留在此页). */
  focus?: 'confirm' | 'cancel';
  testId?: string;
  /** Above the other dialogs when the question is asked about one of them (Mantine's sit at 200). */
  zIndex?: number;
}

/** A yes/no question before something consequential (删除, 彻底删除, 离开不保存); Esc cancels. */
export function ConfirmModal({
  opened,
  title,
  children,
  confirmLabel,
  onConfirm,
  onClose,
  cancelLabel = '取消',
  busy,
  canConfirm = true,
  focus = 'confirm',
  testId = 'confirm-modal',
  zIndex,
}: ConfirmProps) {
  return (
    <AppModal opened={opened} onClose={onClose} title={title} size={420} zIndex={zIndex}>
      <div data-testid={testId}>
        <Text component="div" size="sm">
          {children}
        </Text>
        <Group justify="flex-end" gap="xs" mt="lg">
          <Button variant="default" onClick={onClose} data-autofocus={focus === 'cancel' || undefined}>
            {cancelLabel}
          </Button>
          <Button color="red" onClick={onConfirm} loading={busy} disabled={!canConfirm} data-autofocus={focus === 'confirm' || undefined}>
            {confirmLabel}
          </Button>
        </Group>
      </div>
    </AppModal>
  );
}

interface FormProps {
  opened: boolean;
  title: ReactNode;
  onClose: () => void;
  onSubmit: () => void;
  saving?: boolean;
  submitLabel?: string;
  submitColor?: string;
  size?: number | string;
  /** The core's message and its issues, each as the clerk reads it. */
  failure?: { message: string; issues: string[] } | null;
  children: ReactNode;
  testId?: string;
  /** False while a dialog opened from the form (e.g. an attachment viewer) should take Esc alone. */
  closeOnEscape?: boolean;
  /** The work is done (the 档案袋 written): only the submit button (完成) is left, and no key hint. */
  done?: boolean;
}

/**
 * A modal holding one form: Enter saves (a native submit, so not from a textarea or an open
 * dropdown), Esc or 取消 closes. The buttons and the core's complaint stay in view at the bottom
 * however long the form; after a failed save the first field in error is scrolled into view.
 */
export function FormModal({
  opened,
  title,
  onClose,
  onSubmit,
  saving,
  submitLabel = '保存',
  submitColor,
  size = 720,
  failure,
  children,
  testId,
  closeOnEscape = true,
  done,
}: FormProps) {
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (failure) formRef.current?.querySelector('[aria-invalid="true"]')?.scrollIntoView({ block: 'center' });
  }, [failure]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!saving) onSubmit();
  };
  return (
    <AppModal
      opened={opened}
      onClose={onClose}
      title={title}
      size={size}
      yOffset="3vh"
      closeOnClickOutside={false}
      closeOnEscape={closeOnEscape}
      styles={{ title: { fontSize: 16 }, body: { paddingBottom: 0 } }}
    >
      <form ref={formRef} onSubmit={submit} noValidate data-testid={testId}>
        {children}
        <div className="form-footer">
          {failure && (
            <Alert color="red" mb="sm" py={6} title={failure.message} data-testid="form-error">
              {failure.issues.length > 0 && (
                <List size="sm" spacing={0}>
                  {failure.issues.map((m) => (
                    <List.Item key={m}>{m}</List.Item>
                  ))}
                </List>
              )}
            </Alert>
          )}
          <Group justify="space-between">
            {done ? (
              <span />
            ) : (
              <Text size="xs" c="dimmed">
                回车或 Ctrl+S 保存，Esc 取消
              </Text>
            )}
            <Group gap="xs">
              {!done && (
                <Button variant="default" onClick={onClose}>
                  取消
                </Button>
              )}
              <Button type="submit" loading={saving} color={submitColor} data-autofocus={done || undefined}>
                {submitLabel}
              </Button>
            </Group>
          </Group>
        </div>
      </form>
    </AppModal>
  );
}
