/** A yes/no question before something consequential (删除, 彻底删除); Enter confirms, Esc cancels. */
import { Button, Group, Modal, Text } from '@mantine/core';
import type { ReactNode } from 'react';

interface Props {
  opened: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onClose: () => void;
  busy?: boolean;
  /** When false the confirm button stays disabled (e.g. until a box is ticked). */
  canConfirm?: boolean;
}

export function ConfirmModal({ opened, title, children, confirmLabel, onConfirm, onClose, busy, canConfirm = true }: Props) {
  return (
    <Modal opened={opened} onClose={onClose} title={title} size={420} styles={{ title: { fontWeight: 600 } }}>
      <div data-testid="confirm-modal">
        <Text component="div" size="sm">
          {children}
        </Text>
        <Group justify="flex-end" gap="xs" mt="lg">
          <Button variant="default" onClick={onClose}>
            取消
          </Button>
          <Button color="red" onClick={onConfirm} loading={busy} disabled={!canConfirm} data-autofocus>
            {confirmLabel}
          </Button>
        </Group>
      </div>
    </Modal>
  );
}
