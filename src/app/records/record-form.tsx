/**
 * 新增 / 编辑 one record: a form generated from the kind's fields, managed fields shown read-only,
 * the core's per-field errors under the inputs and quick hints as the clerk leaves a field;
 * below them the record's 附件 (./attachments-section.tsx).
 *
 * Files chosen for a new record wait in the form and are uploaded right after the record is
 * created. If one fails, the record stays saved and the form stays open on it (now 编辑), saying
 * which file failed and offering 重试 — the clerk is never left thinking everything was kept.
 */
import { Alert, Anchor, Paper, SimpleGrid, Text } from '@mantine/core';
import { FormModal } from '../lib/modal';
import type { KindDef } from '../lib/api';
import { hrefFor } from '../router';
import { LifecycleStepper } from './normative/lifecycle';
import { NormativeHistory } from './normative/history';
import { FormField } from '../lib/form-field';
import { toPayload } from '../lib/form-values';
import { formatValue } from '../lib/record-format';
import { AttachmentsSection } from './attachments-section';
import { useRecordForm, type RecordFormProps } from './use-record-form';
import { formatDocNumber } from '@rules/doc-number';

export function RecordForm(props: RecordFormProps) {
  const { kind, onAttachmentsChanged, month } = props;
  const rf = useRecordForm(props);
  const { record, form, backfill, settings, year } = rf;
  const lifecycle = kind.lifecycle;

  return (
    <FormModal
      opened
      title={`${record ? '编辑' : '新增'}${kind.label}`}
      onClose={rf.closeForm}
      onSubmit={rf.save}
      saving={rf.saving}
      failure={rf.failure}
      testId="record-form"
      closeOnEscape={!rf.viewing}
    >
      {lifecycle && record && (
        <Paper withBorder p="sm" mb="md" bg="gray.0">
          <Text size="sm" fw={600} mb={8}>
            {kind.numbering ? String(record.data[kind.numbering.field] ?? '') : ''}
          </Text>
          <LifecycleStepper data={record.data} />
          <NormativeHistory data={record.data} />
        </Paper>
      )}
      {kind.numbering && !record && (
        <NumberNote kind={kind} numbering={kind.numbering} code={String(settings[kind.numbering.codeSetting] ?? '')} year={year} />
      )}
      {backfill && (
        <Text size="sm" c="dimmed" mb="sm" data-testid="backfill-note">
          补登记{year}年{month}月的{kind.label}：请在日历中选定{kind.fields.find((f) => f.key === kind.dateField)?.label ?? '日期'}。
        </Text>
      )}
      <SimpleGrid cols={2} spacing="md" verticalSpacing="xs">
        {rf.laidOut.map((f) => (
          <FormField key={f.key} field={rf.asShown(f)} form={form} autoFocus={f === rf.firstFocus} calendarMonth={backfill} />
        ))}
      </SimpleGrid>
      {rf.managed.length > 0 && (
        <Paper withBorder p="sm" mt="md" bg="gray.0" data-testid="managed-fields">
          <Text size="xs" c="dimmed" mb={6}>
            以下由系统按办理环节记录，不能在此修改
          </Text>
          <SimpleGrid cols={2} spacing="md" verticalSpacing={4}>
            {rf.managed.map((f) => (
              <Text key={f.key} size="sm">
                <Text span c="dimmed" size="sm">
                  {f.label}：
                </Text>
                {formatValue(f, record?.data[f.key])}
              </Text>
            ))}
          </SimpleGrid>
        </Paper>
      )}
      {rf.uploading && (
        <Text size="sm" c="dimmed" mt="sm" data-testid="pending-upload">
          {rf.uploading}
        </Text>
      )}
      <AttachmentsSection
        kind={kind}
        data={{ ...record?.data, ...toPayload(rf.fields, form.values) }}
        recordId={record?.id ?? null}
        pending={rf.pending}
        onPendingChange={rf.setPending}
        onChanged={onAttachmentsChanged}
        onViewing={rf.setViewing}
      />
    </FormModal>
  );
}

/** What a new record of a numbered kind will get on saving, or what is missing for it. */
function NumberNote({
  kind,
  numbering,
  code,
  year,
}: {
  kind: KindDef;
  numbering: NonNullable<KindDef['numbering']>;
  code: string;
  year: number;
}) {
  const label = kind.fields.find((f) => f.key === numbering.field)?.label ?? '编号';
  const stage = kind.lifecycle && numbering.initial?.[kind.lifecycle.stage];
  return code ? (
    <Text size="sm" c="dimmed" mb="sm">
      保存后自动生成{label}（如“{formatDocNumber(code, year, 1)}”）{stage ? `，环节为“${String(stage)}”` : ''}。
    </Text>
  ) : (
    <Alert color="yellow" mb="sm" py={8}>
      {numbering.missingCode}。<Anchor href={hrefFor({ name: 'settings' })}>去设置</Anchor>
    </Alert>
  );
}
