/**
 * 设置: the town and its organs, their 代字, 主送/抄送/印发, the 村（社区） list and the two heads,
 * in two columns so the whole page fits one screen. Saved through settings.save; the core's
 * messages appear under the fields.
 */
import { Button, Group, Input, Paper, SegmentedControl, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { TOWN_TYPES, townWords, type TownType } from '@rules/town-type';
import { useState, type FormEvent, type ReactNode } from 'react';
import { asApiError, call, type Settings } from '../lib/api';
import { ListField } from '../lib/list-field';
import { useFieldForm } from '../lib/use-field-form';
import { useLedger } from '../state/ledger';
import { useUnsavedGuard } from '../state/unsaved-guard';
import { useToast } from '../state/toast';
import { SETTING_COLUMNS, type SettingSection } from './settings-fields';

const ALL_FIELDS = SETTING_COLUMNS.flat().flatMap((s) => s.fields);
const KNOWN = new Set<string>([...ALL_FIELDS.map((f) => f.key), 'villages', 'townType']);

function hint(key: string, v: unknown): string {
  const f = ALL_FIELDS.find((x) => x.key === key);
  const n = typeof v === 'string' ? [...v.trim()].length : 0;
  return f && n > f.max ? `不能超过${f.max}个字（现有${n}个字）` : '';
}

export function SettingsPage() {
  const { settings, setSettings, changed } = useLedger();
  const toast = useToast();
  const form = useFieldForm<Settings>(settings, hint);
  const [saving, setSaving] = useState(false);
  const dirty = JSON.stringify(form.values) !== JSON.stringify(settings);
  useUnsavedGuard(dirty, '设置有修改尚未保存，确定离开吗？');

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setSaving(true);
    form.clearFailure();
    try {
      const saved = await call('settings.save', { settings: form.values });
      setSettings(saved);
      form.setValues(saved);
      // Another 乡镇类型 rewords stored level options (镇人民调解委员会 → 乡…): lists and counts reload.
      if (saved.townType !== settings.townType) changed();
      toast('设置已保存');
    } catch (err) {
      const x = asApiError(err);
      // villages.3 → villages: the list shows one message.
      form.fail({ ...x, issues: x.issues.map((i) => ({ ...i, field: i.field?.split('.')[0] })) });
    } finally {
      setSaving(false);
    }
  };
  const rest = form.failure?.issues.filter((i) => !i.field || !KNOWN.has(i.field)).map((i) => i.message) ?? [];

  const words = townWords(form.values.townType);
  const section = (s: SettingSection) => (
    <Box key={s.title} title={s.title}>
      {s.townType && (
        <Input.Wrapper
          label="乡镇类型"
          description="报告、台账选项中的称谓随之改变，如乡长、乡人民调解委员会"
          inputWrapperOrder={['label', 'input', 'description']}
          mb="xs"
        >
          <SegmentedControl
            display="flex"
            w={240}
            aria-label="乡镇类型"
            data={[...TOWN_TYPES]}
            value={form.values.townType}
            onChange={(v) => form.set('townType', v as TownType)}
          />
        </Input.Wrapper>
      )}
      <SimpleGrid cols={s.cols} spacing="md" verticalSpacing="xs">
        {s.fields.map((f) => (
          <TextInput
            key={f.key}
            label={f.labelFor?.(form.values) ?? f.label}
            placeholder={typeof f.placeholder === 'string' ? f.placeholder : f.placeholder(words)}
            description={f.help}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            value={form.values[f.key]}
            onChange={(e) => form.set(f.key, e.currentTarget.value)}
            onBlur={() => form.blur(f.key)}
            error={form.error(f.key)}
          />
        ))}
      </SimpleGrid>
    </Box>
  );

  return (
    <form onSubmit={save} noValidate>
      <Stack gap="sm" maw={1120}>
        <Group justify="space-between">
          <Title order={2}>设置</Title>
          <Group gap="sm">
            {form.failure ? (
              <Text size="sm" c="red">
                {form.failure.message}
                {rest.length ? `：${rest.join('；')}` : ''}
              </Text>
            ) : dirty ? (
              <Text size="sm" c="orange">
                有修改尚未保存
              </Text>
            ) : null}
            <Button type="submit" loading={saving} disabled={!dirty} data-shortcut="save" title="保存设置（Ctrl+S）">
              保存设置
            </Button>
          </Group>
        </Group>
        <SimpleGrid cols={2} spacing="sm">
          <Stack gap="sm">
            {SETTING_COLUMNS[0].map(section)}
            <Box title="村（社区）">
              <ListField
                aria-label="村（社区）名单"
                description="输入名称后按回车添加，几个名称可用顿号或逗号隔开，也可整列粘贴；登记记录时从此名单中选择"
                placeholder="如：双土村、新民村"
                inputWrapperOrder={['input', 'description', 'error']}
                value={form.values.villages}
                onChange={(v) => form.set('villages', v)}
                error={form.error('villages')}
              />
            </Box>
          </Stack>
          <Stack gap="sm">{SETTING_COLUMNS[1].map(section)}</Stack>
        </SimpleGrid>
      </Stack>
    </form>
  );
}

function Box({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md">
      <Text fw={600} size="sm" mb="xs" c="gov.8">
        {title}
      </Text>
      {children}
    </Paper>
  );
}
