/** One paragraph of the outline: its text with figure chips, and its tools (插入指标, 自动文字, 添加, 删除). */
import { ActionIcon, Button, Group, Menu, Tooltip } from '@mantine/core';
import { useRef } from 'react';
import { IconPlus, IconTrash } from '../../icons';
import { addParagraph, removeParagraph, updateParagraph } from '../spec-edit';
import { TOKENS, TOKEN_HELP } from '@rules/report/tokens';
import type { ParagraphSpec } from '../types';
import { InlineEditor, type InlineEditorHandle } from './inline-editor';
import { useOutline } from './outline-context';
import { useInlineLabels } from './use-inline-labels';

export function ParagraphEditor({ p, label }: { p: ParagraphSpec; label: string }) {
  const { setDraft, openPicker, openChip, confirm } = useOutline();
  const editor = useRef<InlineEditorHandle>(null);
  const labels = useInlineLabels(p.id);
  const hasContent = p.segments.some((s) => s.type !== 'text' || s.text.trim());

  const remove = () => {
    const go = () => setDraft((s) => removeParagraph(s, p.id));
    if (!hasContent) return go();
    confirm({
      title: '删除段落',
      body: '确定删除这一段吗？保存后才会生效，未保存前可点“撤销修改”找回。',
      confirmLabel: '删除段落',
      onConfirm: go,
    });
  };

  return (
    <div className="para-row" data-anchor={p.id} data-testid="report-paragraph">
      <InlineEditor
        ref={editor}
        segments={p.segments}
        labels={labels}
        ariaLabel={label}
        placeholder="在此输入正文，可插入指标"
        onChange={(segments) => setDraft((s) => updateParagraph(s, p.id, (x) => ({ ...x, segments })))}
        onChipClick={(click) => openChip(p.id, click)}
      />
      <Group gap={4} className="para-tools" wrap="nowrap">
        <Button size="compact-xs" variant="light" onClick={() => editor.current && openPicker(editor.current)}>
          插入指标
        </Button>
        <Menu position="bottom-start" withinPortal shadow="md">
          <Menu.Target>
            <Button size="compact-xs" variant="subtle" color="gray">
              自动文字
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            {TOKENS.map((t) => (
              <Menu.Item key={t} onClick={() => editor.current?.insertToken(t)}>
                {t}
                <span className="menu-hint">{TOKEN_HELP[t]}</span>
              </Menu.Item>
            ))}
          </Menu.Dropdown>
        </Menu>
        <Tooltip label="在下方添加段落" withinPortal>
          <ActionIcon
            size="sm"
            variant="subtle"
            color="gray"
            aria-label="在下方添加段落"
            onClick={() => setDraft((s) => addParagraph(s, { afterId: p.id }))}
          >
            <IconPlus size={14} />
          </ActionIcon>
        </Tooltip>
        <Tooltip label="删除段落" withinPortal>
          <ActionIcon size="sm" variant="subtle" color="gray" aria-label="删除段落" onClick={remove}>
            <IconTrash size={14} />
          </ActionIcon>
        </Tooltip>
      </Group>
    </div>
  );
}
