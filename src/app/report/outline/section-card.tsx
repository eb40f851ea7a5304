/**
 * One section of the outline: number and heading (自动文字 allowed), 连排 for level-2 headings,
 * move up/down and delete, its paragraphs, and for a part its subsections.
 */
import { ActionIcon, Button, Checkbox, Group, Text, Tooltip } from '@mantine/core';
import { IconDown, IconPlus, IconTrash, IconUp } from '../../icons';
import { chineseNumber } from '@rules/report/title';
import { addParagraph, addSection, moveSection, removeSection, updateSection, type SectionPath } from '../spec-edit';
import type { Segment, SectionSpec } from '../types';
import { InlineEditor } from './inline-editor';
import { useOutline } from './outline-context';
import { ParagraphEditor } from './paragraph-editor';
import { useInlineLabels } from './use-inline-labels';

const numberOf = (depth: number, i: number) =>
  depth === 0 ? `${chineseNumber(i + 1)}、` : depth === 1 ? `（${chineseNumber(i + 1)}）` : `${i + 1}.`;

const headingSegments = (h: string): Segment[] => (h ? [{ type: 'text', text: h }] : []);
const headingText = (segs: Segment[]) => segs.map((s) => (s.type === 'text' ? s.text : '')).join('');

interface Props {
  section: SectionSpec;
  path: SectionPath;
  siblings: number;
}

export function SectionCard({ section, path, siblings }: Props) {
  const { setDraft, confirm } = useOutline();
  const labels = useInlineLabels(section.id);
  const depth = path.length - 1;
  const i = path[path.length - 1];
  const number = numberOf(depth, i);
  const children = section.children ?? [];

  const remove = () =>
    confirm({
      title: '删除标题',
      body: `确定删除“${number}”这一${depth === 0 ? '部分' : '节'}及其全部正文${children.length ? '和下级标题' : ''}吗？`,
      confirmLabel: '删除',
      onConfirm: () => setDraft((s) => removeSection(s, path)),
    });

  return (
    <section
      className={depth === 0 ? 'outline-part' : 'outline-sub'}
      data-anchor={section.id}
      data-testid={depth === 0 ? 'report-part' : 'report-subsection'}
    >
      <Group gap={6} wrap="nowrap" align="center" className="outline-heading">
        <Text className={depth === 0 ? 'heading-no part' : 'heading-no'}>{number}</Text>
        <div className="heading-edit">
          <InlineEditor
            variant="heading"
            segments={headingSegments(section.heading)}
            labels={labels}
            ariaLabel={`${number}标题`}
            placeholder="标题"
            onChange={(segs) => setDraft((s) => updateSection(s, path, (x) => ({ ...x, heading: headingText(segs) })))}
          />
        </div>
        {depth === 1 && (
          <Tooltip label="标题与第一段正文排在同一段（楷体标题后接正文）" withinPortal multiline w={220}>
            <Checkbox
              size="xs"
              label="与正文连排"
              checked={!!section.runIn}
              onChange={(e) => {
                const runIn = e.currentTarget.checked;
                setDraft((s) => updateSection(s, path, (x) => ({ ...x, runIn })));
              }}
            />
          </Tooltip>
        )}
        <Group gap={0} wrap="nowrap">
          <ActionIcon
            size="sm"
            variant="subtle"
            color="gray"
            aria-label="上移"
            disabled={i === 0}
            onClick={() => setDraft((s) => moveSection(s, path, -1))}
          >
            <IconUp size={14} />
          </ActionIcon>
          <ActionIcon
            size="sm"
            variant="subtle"
            color="gray"
            aria-label="下移"
            disabled={i === siblings - 1}
            onClick={() => setDraft((s) => moveSection(s, path, 1))}
          >
            <IconDown size={14} />
          </ActionIcon>
          <ActionIcon size="sm" variant="subtle" color="gray" aria-label="删除标题" onClick={remove}>
            <IconTrash size={14} />
          </ActionIcon>
        </Group>
      </Group>
      <div className="outline-paras">
        {section.paragraphs.map((p, k) => (
          <ParagraphEditor key={p.id} p={p} label={`${number}第${k + 1}段`} />
        ))}
        {section.paragraphs.length === 0 && (
          <Button
            size="compact-xs"
            variant="subtle"
            leftSection={<IconPlus size={12} />}
            onClick={() => setDraft((s) => addParagraph(s, { path }))}
          >
            添加段落
          </Button>
        )}
      </div>
      {children.map((c, k) => (
        <SectionCard key={c.id} section={c} path={[...path, k]} siblings={children.length} />
      ))}
      {depth === 0 && (
        <Button
          size="compact-xs"
          variant="subtle"
          leftSection={<IconPlus size={12} />}
          onClick={() => setDraft((s) => addSection(s, path))}
          className="add-sub"
        >
          添加小标题
        </Button>
      )}
    </section>
  );
}
