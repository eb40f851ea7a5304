/**
 * 发文设置 of the year's report: who issues it and its 发文字号, the title (automatic or broken
 * by hand), 主送, 签发人, 成文日期, 公开属性, 版头, 落款 with or without seal, 特此报告, and the
 * optional 版记 (抄送, 印发机关, 印发日期). Edits the draft; the core checks it on save.
 */
import {
  Group,
  NumberInput,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  TagsInput,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import type { ReactNode } from 'react';
import { DateField } from '../lib/date-field';
import { autoTitle, issuingOrgans } from '@rules/report/title';
import { formatDocNumber } from '@rules/doc-number';
import type { Settings } from '../lib/api';
import type { ReportSettings } from './types';
import { YEAR_MAX, YEAR_MIN } from '@rules/limits';

interface Props {
  value: ReportSettings;
  onChange(patch: Partial<ReportSettings>): void;
  ledgerSettings: Settings;
  year: number;
  /** Messages by field key (docCode, signDate…) from the last save. */
  errors: Record<string, string>;
}

const ISSUERS = [
  { value: 'joint', label: '党委、政府联合' },
  { value: 'party', label: '党委' },
  { value: 'gov', label: '政府' },
];
const HEADER = [
  { value: 'red', label: '红色版头' },
  { value: 'blank', label: '留空（套印红头纸）' },
  { value: 'none', label: '不要版头' },
];
const SEAL = [
  { value: 'sealed', label: '加盖印章' },
  { value: 'unsealed', label: '不加盖印章' },
];

export function SettingsForm({ value: v, onChange, ledgerSettings, year, errors }: Props) {
  const automatic = v.titleLines.length === 0;
  const organs = issuingOrgans(v, ledgerSettings);

  return (
    <Paper withBorder p="md" data-anchor="settings" data-testid="report-settings">
      <Stack gap="md">
        <IssuerBlock value={v} onChange={onChange} organs={organs} errors={errors} />

        <Block title="标题">
          <Switch
            label="自动生成标题（发文机关 + 关于…的报告）"
            checked={automatic}
            onChange={(e) => onChange({ titleLines: e.currentTarget.checked ? [] : autoTitle(organs, year) })}
          />
          {automatic ? (
            <div className="title-preview" data-testid="title-preview">
              {autoTitle(organs, year).map((l, i) => (
                <div key={i}>{l}</div>
              ))}
            </div>
          ) : (
            <Textarea
              label="标题（每行一行，最多6行，每行不超过40字）"
              autosize
              minRows={2}
              maxRows={6}
              value={v.titleLines.join('\n')}
              onChange={(e) => onChange({ titleLines: e.currentTarget.value.split('\n').slice(0, 6) })}
              error={errors.titleLines}
            />
          )}
        </Block>

        <Block title="主送与落款">
          <SimpleGrid cols={2} spacing="sm">
            <TextInput
              label="主送机关"
              value={v.recipients}
              onChange={(e) => onChange({ recipients: e.currentTarget.value })}
              error={errors.recipients}
            />
            <TextInput
              label="结束语"
              description="如“特此报告”；不需要可留空"
              value={v.closing}
              onChange={(e) => onChange({ closing: e.currentTarget.value })}
              error={errors.closing}
            />
            <DateField label="成文日期" value={v.signDate} onChange={(signDate) => onChange({ signDate })} error={errors.signDate} />
            <div>
              <Text size="sm" fw={500} mb={4}>
                落款
              </Text>
              <SegmentedControl
                size="xs"
                data={SEAL}
                value={v.signatureLayout}
                onChange={(x) => onChange({ signatureLayout: x as ReportSettings['signatureLayout'] })}
              />
            </div>
          </SimpleGrid>
        </Block>

        <Block title="版式">
          <SimpleGrid cols={2} spacing="sm">
            <div>
              <Text size="sm" fw={500} mb={4}>
                版头
              </Text>
              <SegmentedControl
                size="xs"
                data={HEADER}
                value={v.headerMode}
                onChange={(x) => onChange({ headerMode: x as ReportSettings['headerMode'] })}
              />
            </div>
            <Select
              label="公开属性"
              data={['主动公开', '依申请公开', '不予公开']}
              value={v.disclosure}
              onChange={(x) => x && onChange({ disclosure: x as ReportSettings['disclosure'] })}
              error={errors.disclosure}
            />
          </SimpleGrid>
        </Block>

        <Block title="版记">
          <Switch
            label="打印版记（抄送、印发机关和印发日期）"
            checked={v.imprint}
            onChange={(e) => onChange({ imprint: e.currentTarget.checked })}
          />
          {v.imprint && (
            <SimpleGrid cols={3} spacing="sm">
              <TextInput label="抄送机关" value={v.cc} onChange={(e) => onChange({ cc: e.currentTarget.value })} error={errors.cc} />
              <TextInput
                label="印发机关"
                value={v.issuer}
                onChange={(e) => onChange({ issuer: e.currentTarget.value })}
                error={errors.issuer}
              />
              <DateField label="印发日期" value={v.issueDate} onChange={(issueDate) => onChange({ issueDate })} error={errors.issueDate} />
            </SimpleGrid>
          )}
        </Block>
      </Stack>
    </Paper>
  );
}

function Block({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap="xs">
      <Title order={4} className="form-block-title">
        {title}
      </Title>
      {children}
    </Stack>
  );
}

/** 发文机关与字号: issuers, 发文代字 / 年份 / 序号 and the number they make, 签发人. */
function IssuerBlock({ value: v, onChange, organs, errors }: Pick<Props, 'value' | 'onChange' | 'errors'> & { organs: readonly string[] }) {
  const docNumber = formatDocNumber(v.docCode || '（代字）', v.docYear, v.docSeq);
  return (
    <Block title="发文机关与字号">
      <Group gap="md" align="flex-end">
        <div>
          <Text size="sm" fw={500} mb={4}>
            发文机关
          </Text>
          <SegmentedControl
            size="xs"
            data={ISSUERS}
            value={v.issuers}
            onChange={(x) => onChange({ issuers: x as ReportSettings['issuers'] })}
          />
        </div>
        <Text size="sm" c="dimmed" pb={4}>
          {organs.filter(Boolean).join('　') || '请先在“设置”中填写党委、政府全称'}
        </Text>
      </Group>
      <SimpleGrid cols={4} spacing="sm">
        <TextInput
          label="发文代字"
          value={v.docCode}
          onChange={(e) => onChange({ docCode: e.currentTarget.value })}
          error={errors.docCode}
        />
        <NumberInput
          label="年份"
          value={v.docYear}
          min={YEAR_MIN}
          max={YEAR_MAX}
          onChange={(x) => typeof x === 'number' && onChange({ docYear: x })}
          error={errors.docYear}
        />
        <NumberInput
          label="序号"
          value={v.docSeq}
          min={1}
          max={9999}
          onChange={(x) => typeof x === 'number' && onChange({ docSeq: x })}
          error={errors.docSeq}
        />
        <TextInput label="发文字号" value={docNumber} readOnly variant="filled" tabIndex={-1} data-testid="doc-number" />
      </SimpleGrid>
      <TagsInput
        label="签发人"
        description="上行文在版头标注签发人，最多4人；输入姓名后按回车"
        value={v.signers}
        maxTags={4}
        onChange={(signers) => onChange({ signers })}
        error={errors.signers}
      />
    </Block>
  );
}
