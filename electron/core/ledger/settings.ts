/** 单位设置: the town, its two organs, their 代字, 主送/抄送, villages and the two heads. */
import { z } from 'zod';
import type { Db } from '../db/open';
import { LedgerError } from '../errors';

const name = (label: string, max = 50) =>
  z.string().trim().max(max, `${label}不能超过${max}个字`);

export const settingsSchema = z.object({
  town: name('乡镇名称', 20),
  county: name('县（区）名称', 20),
  partyOrg: name('党委全称'),
  govOrg: name('政府全称'),
  partyCode: name('党委发文代字', 20),
  govCode: name('政府发文代字', 20),
  normativeCode: name('规范性文件代字', 20),
  mainRecipients: name('主送机关', 100),
  cc: name('抄送机关', 200),
  issuer: name('印发机关', 50),
  villages: z.array(name('村（社区）名称', 50).min(1, '村（社区）名称不能为空')).max(200, '村（社区）最多200个')
    .refine((v) => new Set(v).size === v.length, '村（社区）名称有重复'),
  secretary: name('党委书记', 20),
  mayor: name('镇长', 20),
});

export type Settings = z.infer<typeof settingsSchema>;

export const EMPTY_SETTINGS: Settings = {
  town: '',
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

export function getSettings(db: Db): Settings {
  const row = db.prepare("SELECT value FROM settings WHERE key = 'org'").get() as { value: string } | undefined;
  return row ? { ...EMPTY_SETTINGS, ...(JSON.parse(row.value) as Partial<Settings>) } : { ...EMPTY_SETTINGS };
}

export function parseSettings(input: unknown): Settings {
  const r = settingsSchema.safeParse({ ...EMPTY_SETTINGS, ...(input as object) });
  if (!r.success) {
    throw new LedgerError(
      'VALIDATION',
      '单位设置有误',
      r.error.issues.map((i) => ({ kind: '设置', field: i.path.join('.'), message: i.message })),
    );
  }
  return r.data;
}

export function saveSettings(db: Db, input: unknown): Settings {
  const s = parseSettings(input);
  db.prepare("INSERT INTO settings (key, value) VALUES ('org', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(
    JSON.stringify(s),
  );
  return s;
}

/** Small app-level values kept beside the settings (e.g. the last backup time). */
export function getMeta(db: Db, key: string): string | null {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(`meta:${key}`) as { value: string } | undefined;
  return row ? (JSON.parse(row.value) as string) : null;
}

export function setMeta(db: Db, key: string, value: string): void {
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(
    `meta:${key}`,
    JSON.stringify(value),
  );
}
