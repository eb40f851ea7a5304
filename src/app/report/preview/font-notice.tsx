/** Which 公文 faces are missing on this PC and what the printout will use instead (checked once). */
import { Anchor, Text, Tooltip } from '@mantine/core';
import { useState } from 'react';
import { checkFonts, type FontStatus } from '../../lib/font-check';

const WHY =
  '导出的PDF内嵌所用字体，在其他电脑上打开效果不变；Word文件只记录字体名称，由打开它的电脑决定显示效果。方正小标宋简体为商业字体，本程序不附带。';

export function FontNotice() {
  const [fonts] = useState(checkFonts);
  const missing = fonts.filter((f) => !f.installed);
  if (!missing.length) {
    return (
      <Text size="xs" c="dimmed" data-testid="font-notice" px={2}>
        本机已安装公文字体：{fonts.map((f) => f.wanted).join('、')}。
      </Text>
    );
  }
  const serious = missing.some((f) => f.serious);
  return <MissingFonts missing={missing} serious={serious} />;
}

/** One line by default, so the preview keeps its height at 1366×768; 详情 lists each face and its stand-in. */
function MissingFonts({ missing, serious }: { missing: FontStatus[]; serious: boolean }) {
  const [open, setOpen] = useState(false);
  const names = missing.map((f) => f.wanted).join('、');
  return (
    <div className={serious ? 'font-notice serious' : 'font-notice'} data-testid="font-notice" data-open={open}>
      <Tooltip label={WHY} multiline w={360} withinPortal position="bottom-start">
        <span>
          字体替代：
          {open
            ? missing.map((f, i) => (
                <span key={f.wanted} className="font-notice-item">
                  {f.message}
                  {i < missing.length - 1 ? '；' : '。'}
                </span>
              ))
            : `本机未安装${names}，打印和导出时以相近字体代替。`}
        </span>
      </Tooltip>{' '}
      <Anchor component="button" type="button" size="xs" onClick={() => setOpen((o) => !o)} aria-expanded={open}>
        {open ? '收起' : '详情'}
      </Anchor>
    </div>
  );
}
