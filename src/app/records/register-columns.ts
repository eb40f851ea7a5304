/**
 * The clerk's 登记簿 columns for a kind, kept on this computer: the register menu sets them, and
 * the kind page's Excel export prints the same columns.
 */
import { defaultRegisterColumns } from '@rules/kinds/register';
import type { KindDef } from '../lib/api';

export const registerColumnsKey = (kind: KindDef) => `register-columns:${kind.id}`;

/** The clerk's last choice for this kind, else the kind's defaults. */
export function savedColumns(kind: KindDef): string[] {
  try {
    const v = JSON.parse(localStorage.getItem(registerColumnsKey(kind)) ?? 'null') as unknown;
    if (Array.isArray(v) && v.every((k) => typeof k === 'string' && kind.fields.some((f) => f.key === k))) return v as string[];
  } catch {
    // A damaged entry falls back to the defaults.
  }
  return defaultRegisterColumns(kind);
}
