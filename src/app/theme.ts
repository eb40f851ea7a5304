/**
 * The Mantine theme: a calm government blue, Chinese system fonts (no remote fonts, the CSP
 * forbids them), and modest sizes so a month of records fits on one screen.
 */
import { createTheme, type MantineColorsTuple } from '@mantine/core';

const gov: MantineColorsTuple = [
  '#eef4fb',
  '#dbe6f3',
  '#b4cbe6',
  '#8aaed9',
  '#6796ce',
  '#5086c8',
  '#3f74b4',
  '#2f5f98',
  '#24507f',
  '#163f66',
];

const FONT = '"Microsoft YaHei", "微软雅黑", "PingFang SC", "Noto Sans CJK SC", "Noto Sans SC", sans-serif';

export const theme = createTheme({
  primaryColor: 'gov',
  primaryShade: 7,
  colors: { gov },
  fontFamily: FONT,
  headings: {
    fontFamily: FONT,
    fontWeight: '600',
    sizes: {
      h1: { fontSize: '20px', lineHeight: '1.4' },
      h2: { fontSize: '17px', lineHeight: '1.4' },
      h3: { fontSize: '15px', lineHeight: '1.4' },
      h4: { fontSize: '14px', lineHeight: '1.4' },
    },
  },
  fontSizes: { xs: '12px', sm: '13px', md: '14px', lg: '15px', xl: '17px' },
  defaultRadius: 'sm',
  cursorType: 'pointer',
  components: {
    Button: { defaultProps: { size: 'sm' } },
    TextInput: { defaultProps: { size: 'sm' } },
    Textarea: { defaultProps: { size: 'sm' } },
    NumberInput: { defaultProps: { size: 'sm' } },
    Select: { defaultProps: { size: 'sm', allowDeselect: false, comboboxProps: { shadow: 'md' } } },
    TagsInput: { defaultProps: { size: 'sm' } },
    Modal: { defaultProps: { centered: true, radius: 'sm', overlayProps: { backgroundOpacity: 0.35 } } },
    Badge: { defaultProps: { radius: 'sm' } },
  },
});
