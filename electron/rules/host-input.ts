/**
 * Input schemas of the host methods (electron/rules/host-contract.ts), shared by the Electron
 * shell and the browser harness so both refuse the same payloads. Pure: zod and other rules only.
 */
import { z } from 'zod';
import { LedgerError, zodIssues } from './errors';
import type { HostMethodName, HostMethods } from './host-contract';
import { yearSchema } from './limits';

const year = yearSchema;

const HOST_INPUT = {
  'host.reportPdf': z.object({ year }),
  'host.printReport': z.object({ year }),
  'host.saveReport': z.object({ year, format: z.enum(['pdf', 'docx']) }),
  'host.pickFolder': z.object({ defaultPath: z.string().min(1).max(4096).optional() }),
  'host.pickBackupFile': z.object({ defaultPath: z.string().min(1).max(4096).optional() }),
} satisfies Record<HostMethodName, z.ZodType>;

/** Parses a host method's payload or throws the core's VALIDATION error (Chinese, with issues). */
export function parseHostInput<K extends HostMethodName>(name: K, payload: unknown): HostMethods[K]['input'] {
  const r = HOST_INPUT[name].safeParse(payload ?? {});
  if (!r.success) {
    throw new LedgerError('VALIDATION', '请求参数不正确', zodIssues(r.error));
  }
  return r.data as HostMethods[K]['input'];
}

export const REPORT_MIME = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
} as const;
