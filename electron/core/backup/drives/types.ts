import type { Drive } from '@rules/api/backup';

export type { Drive };
