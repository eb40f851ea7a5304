/**
 * A modal holding one form: Enter saves (a native submit, so not from a textarea or an open
 * dropdown), Esc or 取消 closes. The buttons and the core's complaint stay in view at the bottom
 * however long the form; after a failed save the first field in error is scrolled into view.
 */
import { Alert, Button, Group, List, Modal, Text } from '@mantine/core';
import { useEffect, useRef, type FormEvent, type ReactNode } from 'react';

interface Props {
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
}

export function FormModal({ opened, title, onClose, onSubmit, saving, submitLabel = '保存', submitColor, size = 720, failure, children, testId, closeOnEscape = true }: Props) {
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (failure) formRef.current?.querySelector('[aria-invalid="true"]')?.scrollIntoView({ block: 'center' });
  }, [failure]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!saving) onSubmit();
  };
  return (
    <Modal opened={opened} onClose={onClose} title={title} size={size} yOffset="3vh" closeOnClickOutside={false} closeOnEscape={closeOnEscape} styles={{ title: { fontWeight: 600, fontSize: 16 }, body: { paddingBottom: 0 } }}>
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
            <Text size="xs" c="dimmed">
              回车或 Ctrl+S 保存，Esc 取消
            </Text>
            <Group gap="xs">
              <Button variant="default" onClick={onClose}>
                取消
              </Button>
              <Button type="submit" loading={saving} color={submitColor}>
                {submitLabel}
              </Button>
            </Group>
          </Group>
        </div>
      </form>
    </Modal>
  );
}
