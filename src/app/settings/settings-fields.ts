/** The 设置 form's fields, grouped as the clerk thinks of them, with examples and length limits (mirroring the core's schema). */
import { townWords, type TownWords } from '@rules/town-type';
import type { Settings } from '../lib/api';

interface SettingField {
  key: Exclude<keyof Settings, 'villages'>;
  label: string;
  /** An example; one that names the town follows its 乡镇类型 (如：双土乡 for a 乡). */
  placeholder: string | ((w: TownWords) => string);
  max: number;
  help?: string;
  /** A label that follows other settings (镇长 for a 镇, 乡长 for a 乡). */
  labelFor?: (s: Settings) => string;
}

export interface SettingSection {
  title: string;
  /** Inputs per row inside the section. */
  cols: number;
  /** The section also holds the 乡镇类型 choice (乡/镇/街道), above its fields. */
  townType?: boolean;
  fields: readonly SettingField[];
}

/** The page's two columns: the organs on the left, how documents are written on the right. */
export const SETTING_COLUMNS: readonly (readonly SettingSection[])[] = [
  [
    {
      title: '单位',
      cols: 2,
      townType: true,
      fields: [
        { key: 'county', label: '县（区）名称', placeholder: (w) => `如：某某${w.upper}`, max: 20 },
        { key: 'town', label: '乡镇名称', placeholder: (w) => `如：双土${w.unit}`, max: 20 },
        { key: 'partyOrg', label: '党委全称', placeholder: (w) => `如：中共双土${w.unit}${w.partyOrgTail}`, max: 50 },
        { key: 'govOrg', label: '政府全称', placeholder: (w) => `如：双土${w.unit}${w.govOrgTail}`, max: 50 },
      ],
    },
    {
      title: '签发人',
      cols: 2,
      fields: [
        { key: 'secretary', label: '党委书记', placeholder: '姓名', max: 20 },
        { key: 'mayor', label: '镇长', placeholder: '姓名', max: 20, labelFor: (s) => townWords(s.townType).head },
      ],
    },
  ],
  [
    {
      title: '发文代字',
      cols: 3,
      fields: [
        { key: 'partyCode', label: '党委发文代字', placeholder: (w) => `如：双土${w.partyCodeWord}发`, max: 20 },
        { key: 'govCode', label: '政府发文代字', placeholder: (w) => `如：双土${w.govCodeWord}发`, max: 20 },
        {
          key: 'normativeCode',
          label: '规范性文件代字',
          placeholder: (w) => `如：双土${w.govCodeWord}规`,
          max: 20,
          help: '登记行政规范性文件时据此自动编号',
        },
      ],
    },
    {
      title: '报告行文',
      cols: 1,
      fields: [
        { key: 'mainRecipients', label: '主送机关', placeholder: (w) => `如：${w.upper}委、${w.upper}政府`, max: 100 },
        { key: 'cc', label: '抄送机关', placeholder: (w) => `如：${w.upper}委依法治${w.upper}办`, max: 200 },
        { key: 'issuer', label: '印发机关', placeholder: (w) => `如：双土${w.unit}党政办公室`, max: 50 },
      ],
    },
  ],
];
