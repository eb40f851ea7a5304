/**
 * 导出年度档案袋: one zip for the inspectors' U盘 (report, each kind's register and evidence, an
 * index of what is missing, SHA-256 manifests), written by the core into a folder the clerk picks
 * (desktop: the folder dialog; browser harness: a typed path, as on 备份与恢复).
 */
import { Alert, Button, Group, List, Loader, Text, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { canPick, pickFolder } from '../../api/host';
import { subscribeJobs, type Progress } from '../../api/progress';
import { describeJob } from '../lib/job-names';
import { asApiError, call, formFailure, type ApiErrorLike, type ApiOutput } from '../lib/api';
import { FormModal } from '../lib/modal';
import { IconDownload } from '../icons';

type Result = ApiOutput<'dossier.export'>;

/** The core's refusal of a 未定稿 report: every issue names the draftReport option. */
const draftReasons = (e: ApiErrorLike | null): string[] | null =>
  e?.code === 'CONFLICT' && e.issues.length && e.issues.every((i) => i.field === 'draftReport') ? e.issues.map((i) => i.message) : null;

export function DossierButton({ year }: { year: number }) {
  const [open, setOpen] = useState(false);
  const [folder, setFolder] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiErrorLike | null>(null);
  const [result, setResult] = useState<Result | null>(null);
  /** Why the report is 未定稿, once the core said so: the clerk chooses to export anyway or not. */
  const [draft, setDraft] = useState<string[] | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  useEffect(() => {
    if (!busy) return setProgress(null);
    return subscribeJobs((jobs) => setProgress(jobs.find((j) => j.method === 'dossier.export') ?? null));
  }, [busy]);

  const close = () => {
    if (busy) return;
    setOpen(false);
    setResult(null);
    setError(null);
    setDraft(null);
  };
  const choose = async () => {
    try {
      const r = await pickFolder(folder || undefined);
      if (!r.canceled) setFolder(r.path);
    } catch (err) {
      setError(asApiError(err));
    }
  };
  const submit = async () => {
    if (result) return close();
    if (!folder.trim()) return setError({ code: 'VALIDATION', message: '请先选择保存档案袋的文件夹（可选U盘）', issues: [] });
    setBusy(true);
    setError(null);
    try {
      // A typed folder (browser harness) is handed to the picker's stand-in, which grants it.
      const dir = canPick() ? { canceled: false as const, path: folder.trim() } : await pickFolder(folder.trim());
      if (dir.canceled) return;
      setResult(await call('dossier.export', { year, folder: dir.path, ...(draft ? { draftReport: true } : {}) }));
      setDraft(null);
    } catch (err) {
      const e = asApiError(err);
      const reasons = draftReasons(e);
      if (reasons) setDraft(reasons);
      else setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button
        variant="default"
        leftSection={<IconDownload />}
        onClick={() => setOpen(true)}
        style={{ marginLeft: 'auto', alignSelf: 'center' }}
      >
        导出年度档案袋
      </Button>
      <FormModal
        opened={open}
        title={`导出${year}年度档案袋`}
        onClose={close}
        onSubmit={() => void submit()}
        saving={busy}
        submitLabel={result ? '完成' : draft ? '仍然导出（标注未定稿）' : '导出'}
        done={!!result}
        size={620}
        failure={formFailure(error)}
        testId="dossier-form"
      >
        {result ? (
          <Alert color={result.leftOut.length ? 'orange' : 'teal'} title="档案袋已生成" data-testid="dossier-result">
            <Text size="sm" style={{ wordBreak: 'break-all' }}>
              {result.file}
            </Text>
            <Text size="sm" mt={4}>
              {result.records}条记录，{result.evidence}个证据文件；{result.lacking}条记录缺少材料，详见压缩包中的“档案袋索引.pdf”。
            </Text>
            {result.leftOut.length > 0 && (
              <>
                <Text size="sm" mt={6} fw={600}>
                  以下附件文件缺失或已被改动，未放入档案袋，请从备份恢复或重新添加：
                </Text>
                <List size="sm">
                  {result.leftOut.map((x) => (
                    <List.Item key={`${x.record}/${x.name}`}>
                      {x.kind}“{x.record}”：{x.name}（{x.problem}）
                    </List.Item>
                  ))}
                </List>
              </>
            )}
          </Alert>
        ) : (
          <>
            <Text size="sm" mb="sm">
              一个压缩包，可直接拷到U盘交给督察考核：年度报告（PDF、Word）、各类台账的登记簿和每条记录的证据材料、列明缺少材料的索引，以及全部文件的校验清单（SHA-256）。
            </Text>
            {canPick() ? (
              <Group gap="sm" wrap="nowrap">
                <Button variant="default" onClick={() => void choose()} disabled={busy}>
                  选择文件夹…
                </Button>
                <Text size="sm" truncate title={folder} c={folder ? undefined : 'dimmed'}>
                  {folder || '尚未选择'}
                </Text>
              </Group>
            ) : (
              <TextInput
                label="保存到文件夹"
                description="浏览器调试环境无法弹出选择窗口，请输入文件夹路径"
                placeholder="例如 E:\"
                value={folder}
                onChange={(e) => setFolder(e.currentTarget.value)}
                disabled={busy}
                data-testid="dossier-folder-input"
              />
            )}
            {draft && !busy && (
              <Alert color="orange" mt="sm" title={`${year}年度报告未定稿`} data-testid="dossier-draft">
                <List size="sm">
                  {draft.map((r) => (
                    <List.Item key={r}>{r}</List.Item>
                  ))}
                </List>
                <Text size="sm" mt={6}>
                  可先到“年度报告”处理并保存后再导出；仍然导出时，档案袋索引中将标注报告“未定稿”。
                </Text>
              </Alert>
            )}
            {busy && (
              <Group gap="xs" mt="sm" data-testid="dossier-progress">
                <Loader size={14} />
                <Text size="sm" c="dimmed">
                  {progress ? describeJob(progress) : '正在准备……'}
                </Text>
              </Group>
            )}
          </>
        )}
      </FormModal>
    </>
  );
}
