/** The API table is joined from groups; two groups naming the same method must stop the app, not shadow. */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { joinGroups, method } from '@core/api/define';
import { API_METHODS, APP_VERSION, apiTable } from '@core/api';
import { ledgerApi } from '@core/api/table';
import { reportApi } from '@core/api/report-api';
import { backupApi } from '@core/api/backup-api';
import { attachmentsApi } from '@core/api/attachments-api';
import { registerApi } from '@core/api/register-api';
import { dossierApi } from '@core/api/dossier-api';
import { excelApi } from '@core/api/excel-api';
import { diagnosticsApi } from '@core/api/diagnostics-api';
import pkg from '../../package.json';

/** Every group the table is made of, listed here on their own so a group left out of the table shows. */
const GROUPS = { ledgerApi, reportApi, backupApi, attachmentsApi, registerApi, dossierApi, excelApi, diagnosticsApi };

describe('API groups', () => {
  it('joins distinct groups and refuses a method defined twice', () => {
    const a = { 'x.one': method(z.object({}), () => 1) };
    const b = { 'x.two': method(z.object({}), () => 'two') };
    expect(Object.keys(joinGroups(a, b))).toEqual(['x.one', 'x.two']);
    expect(() => joinGroups(a, b, { 'x.one': method(z.object({}), () => 3) })).toThrow(/x\.one/);
  });

  it('the real table holds each method of each group, as that group defines it, and nothing else', () => {
    const fromGroups = Object.values(GROUPS).flatMap((g) => Object.entries(g));
    // No two groups name the same method (the table would hold one of them only).
    expect(new Set(fromGroups.map(([name]) => name)).size).toBe(fromGroups.length);
    expect([...API_METHODS].sort()).toEqual(fromGroups.map(([name]) => name).sort());
    for (const [name, m] of fromGroups) expect((apiTable as Record<string, unknown>)[name], name).toBe(m);
    // Each name is group.verb in ASCII: it becomes an IPC channel (api:<name>) and a harness URL (/api/<name>).
    for (const name of API_METHODS) expect(name).toMatch(/^[a-z][A-Za-z]*(\.[a-z][A-Za-z]*)+$/);
  });

  it('the version is package.json’s', () => {
    expect(APP_VERSION).toBe(pkg.version);
  });
});
