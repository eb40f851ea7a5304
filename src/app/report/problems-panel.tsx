/**
 * 问题清单: what assembly found in the saved report (blocking first), each with a link to its
 * place in the editor; a zero figure that reads oddly, or a rate with nothing to divide by, offers its
 * zero wording and dropping its clause as one-click fixes; a problem
 * a record would fix (its `fix`, declared by the core) links to 去登记 (a new record prefilled) and
 * 查看台账 (the kind's page filtered to the records concerned).
 */
import { Badge, Button, Group, Paper, ScrollArea, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconTarget } from '../icons';
import type { Problem } from './types';
import { fixRoute, hrefFor, navigate } from '../router';
import { useLedger } from '../state/ledger';

/** The one-click fixes: the zero wording for the figure's clause, or dropping it. */
export type ProblemFix = 'zero' | 'drop';

interface Props {
  problems: readonly Problem[] | null;
  /** The problems are those of the saved report; edits since then are not checked yet. */
  stale: boolean;
  onLocate(anchor: string): void;
  onFix(problem: Problem, how: ProblemFix): void;
  fixing: boolean;
}

const order = (p: Problem) => (p.severity === 'blocking' ? 0 : 1);

export function ProblemsPanel({ problems, stale, onLocate, onFix, fixing }: Props) {
  const list = [...(problems ?? [])].sort((a, b) => order(a) - order(b));
  const blocking = list.filter((p) => p.severity === 'blocking').length;
  const { kindById } = useLedger();
  const describe = (fix: NonNullable<Problem['fix']>) =>
    [kindById.get(fix.kind)?.label ?? fix.kind, ...Object.values(fix.prefill ?? {}).filter((v) => typeof v === 'string')].join('·');
  // Through navigate, so unsaved edits of the report are asked about first.
  const follow = (e: React.MouseEvent, fix: NonNullable<Problem['fix']>, register: boolean) => {
    e.preventDefault();
    void navigate(fixRoute(fix, register));
  };
  return (
    <Paper withBorder className="problems-panel" data-testid="problems-panel">
      <Group justify="space-between" px="sm" py={8} className="problems-head">
        <Text fw={600} size="sm">
          问题清单
        </Text>
        {problems && (
          <Text size="xs" c={blocking ? 'red.7' : list.length ? 'yellow.8' : 'teal.7'}>
            {list.length ? `${blocking ? `${blocking}个必须处理，` : ''}共${list.length}个` : '未发现问题'}
          </Text>
        )}
      </Group>
      {stale && (
        <Text size="xs" c="dimmed" px="sm" py={6}>
          以下是上次保存时的检查结果，保存后重新检查。
        </Text>
      )}
      <ScrollArea.Autosize mah="calc(100vh - 260px)" type="auto">
        <Stack gap={0}>
          {problems === null && (
            <Text size="sm" c="dimmed" p="sm">
              正在检查…
            </Text>
          )}
          {problems && list.length === 0 && (
            <Text size="sm" c="dimmed" p="sm">
              报告内容完整，数据均来自台账。
            </Text>
          )}
          {list.map((p, i) => (
            <div key={i} className="problem-item" data-testid="problem" data-code={p.code}>
              <Group gap={6} wrap="nowrap" align="flex-start">
                <Badge size="xs" color={p.severity === 'blocking' ? 'red' : 'yellow'} variant="light" mt={2} style={{ flex: 'none' }}>
                  {p.severity === 'blocking' ? '必须处理' : '建议'}
                </Badge>
                <Text size="sm" className="problem-text">
                  {p.message}
                </Text>
              </Group>
              <Group gap={6} mt={4} pl={2}>
                {p.anchor && (
                  <UnstyledButton className="problem-link" onClick={() => onLocate(p.anchor!)}>
                    <IconTarget size={12} /> 定位
                  </UnstyledButton>
                )}
                {p.fix && (
                  <>
                    <a
                      className="problem-link"
                      href={hrefFor(fixRoute(p.fix, true))}
                      title={`新增一条${describe(p.fix)}记录`}
                      onClick={(e) => follow(e, p.fix!, true)}
                    >
                      去登记
                    </a>
                    <a
                      className="problem-link"
                      href={hrefFor(fixRoute(p.fix, false))}
                      title={`查看${describe(p.fix)}台账`}
                      onClick={(e) => follow(e, p.fix!, false)}
                    >
                      查看台账
                    </a>
                  </>
                )}
                {(p.code === 'zero' || p.code === 'noBase') && p.suggestion && p.anchor && (
                  <Button
                    size="compact-xs"
                    variant="light"
                    loading={fixing}
                    title="台账中有数时照常写数值，没有时改用这句话"
                    onClick={() => onFix(p, 'zero')}
                  >
                    改为“{p.suggestion}”
                  </Button>
                )}
                {(p.code === 'zero' || p.code === 'noBase') && p.drop && p.anchor && (
                  <Button
                    size="compact-xs"
                    variant="light"
                    color="gray"
                    loading={fixing}
                    title={p.drop === 'item' ? '从这组比率中删去此项' : '从段落中删去含此数值的这句话'}
                    onClick={() => onFix(p, 'drop')}
                  >
                    {p.drop === 'item' ? '删去此比率' : '删去这句'}
                  </Button>
                )}
              </Group>
            </div>
          ))}
        </Stack>
      </ScrollArea.Autosize>
    </Paper>
  );
}
