/**
 * Every job a screen can start in the worker has a name in the corner note (正在导入Excel…),
 * never the generic 正在处理…; and no name is kept for a method that is gone or runs inline without
 * reporting progress (the 档案袋 runs inline, as it prints through the host's browser, and reports).
 */
import { describe, expect, it } from 'vitest';
import { placement } from '@core/api/dispatch';
import { RENDERER_METHOD_NAMES } from '@rules/api/methods';
import { JOB_NAMES } from '../../src/app/lib/job-names';

describe('job names', () => {
  it('name every worker method the screens call, and only worker methods', () => {
    const worker = RENDERER_METHOD_NAMES.filter((m) => placement(m) !== 'inline');
    expect(worker.length).toBeGreaterThan(5);
    for (const m of worker) expect(JOB_NAMES[m], m).toMatch(/^正在/);
    const reportingInline = ['dossier.export'];
    for (const m of Object.keys(JOB_NAMES)) if (!reportingInline.includes(m)) expect(placement(m), m).not.toBe('inline');
    for (const m of reportingInline) expect(placement(m), m).toBe('inline');
  });
});
