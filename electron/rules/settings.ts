/** 单位设置 as data: each setting's Chinese name, its rules and defaults. Storage is core/ledger/settings.ts. */
import { z } from 'zod';
import { LedgerError, zodIssues, type Issue } from './errors';
import { fileNameProblem, textProblem } from './limits';
import { TOWN_TYPES } from './town-type';

/** The Chinese name of each setting, for error messages. */
export const SETTINGS_LABELS = {
  town: '乡镇名称',
  townType: '乡镇类型',
  county: '县（区）名称',
  partyOrg: '党委全称',
  govOrg: '政府全称',
  partyCode: '党委发文代字',
  govCode: '政府发文代字',
  normativeCode: '规范性文件代字',
  mainRecipients: '主送机关',
  cc: '抄送机关',
  issuer: '印发机关',
  villages: '村（社区）',
  secretary: '党委书记',
  mayor: '镇长',
} as const;

const name = (label: string, max = 50, problem: (s: string) => string | null = textProblem) =>
  z
    .string({ error: `${label}应为文字` })
    .trim()
    .max(max, `${label}不能超过${max}个字`)
    .superRefine((s, ctx) => {
      const bad = problem(s);
      if (bad) ctx.addIssue({ code: 'custom', message: `${label}${bad}` });
    });

const L = SETTINGS_LABELS;
const settingsSchema = z.object({
  // The town names the 档案袋 and every backup file.
  town: name(L.town, 20, fileNameProblem),
  townType: z.enum(TOWN_TYPES, { error: `${L.townType}应为“乡”“镇”或“街道”` }),
  county: name(L.county, 20),
  partyOrg: name(L.partyOrg),
  govOrg: name(L.govOrg),
  partyCode: name(L.partyCode, 20),
  govCode: name(L.govCode, 20),
  normativeCode: name(L.normativeCode, 20),
  mainRecipients: name(L.mainRecipients, 100),
  cc: name(L.cc, 200),
  issuer: name(L.issuer, 50),
  villages: z
    .array(name('村（社区）名称', 50).min(1, '村（社区）名称不能为空'), { error: '村（社区）名单应为文字列表' })
    .max(200, '村（社区）最多200个')
    .refine((v) => new Set(v).size === v.length, '村（社区）名称有重复'),
  secretary: name(L.secretary, 20),
  mayor: name(L.mayor, 20),
});

export type Settings = z.infer<typeof settingsSchema>;

export const EMPTY_SETTINGS: Settings = {
  town: '',
  townType: '镇',
  county: '',
  partyOrg: '',
  govOrg: '',
  partyCode: '',
  govCode: '',
  normativeCode: '',
  mainRecipients: '县委、县政府',
  cc: '',
  issuer: '',
  villages: [],
  secretary: '',
  mayor: '',
};

/**
 * Checks settings, filling absent keys with their defaults (so a file written before a setting
 * existed still reads); returns the settings or every problem, each naming the setting in Chinese.
 */
export function checkSettings(input: unknown): { settings?: Settings; issues: Issue[] } {
  const r = settingsSchema.safeParse({ ...EMPTY_SETTINGS, ...(input && typeof input === 'object' && !Array.isArray(input) ? input : {}) });
  if (r.success) return { settings: r.data, issues: [] };
  return {
    issues: zodIssues(r.error, '设置', (key) => (SETTINGS_LABELS as Record<string, string>)[key]),
  };
}

export function parseSettings(input: unknown): Settings {
  const { settings, issues } = checkSettings(input);
  if (!settings) throw new LedgerError('VALIDATION', '单位设置有误', issues);
  return settings;
}
