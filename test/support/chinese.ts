/** Checks that a message the clerk reads holds no English internal. */
import { expect } from 'vitest';

/** No ASCII word of an English internal (a message may name .xlsx, Excel, WPS, Word and sizes in MB). */
export const noEnglishInternals = (text: string): void =>
  expect(text.replace(/\.xlsx|\.xls|\.et|Excel|WPS|Word|MB|KB|GB/g, ''), text).not.toMatch(/[A-Za-z]{3,}/);
