/**
 * The Chinese application menu. Editing and zoom use Electron roles (so copy/paste work in
 * every text field); the only custom items are export, the data folder and 关于.
 * Reload and DevTools exist in development only, so the clerk cannot lose an unsaved form.
 */
import type { MenuItemConstructorOptions } from 'electron';

interface MenuActions {
  isDev: boolean;
  exportLedger(): void;
  openDataFolder(): void;
  showAbout(): void;
}

export function buildMenuTemplate(a: MenuActions): MenuItemConstructorOptions[] {
  const sep: MenuItemConstructorOptions = { type: 'separator' };
  return [
    {
      label: '文件(&F)',
      submenu: [
        { label: '导出台账…', click: () => a.exportLedger() },
        { label: '打开数据文件夹', click: () => a.openDataFolder() },
        sep,
        { label: '退出', role: 'quit' },
      ],
    },
    {
      label: '编辑(&E)',
      submenu: [
        { label: '撤销', role: 'undo' },
        { label: '重做', role: 'redo' },
        sep,
        { label: '剪切', role: 'cut' },
        { label: '复制', role: 'copy' },
        { label: '粘贴', role: 'paste' },
        { label: '全选', role: 'selectAll' },
      ],
    },
    {
      label: '视图(&V)',
      submenu: [
        { label: '实际大小', role: 'resetZoom' },
        { label: '放大', role: 'zoomIn' },
        { label: '缩小', role: 'zoomOut' },
        sep,
        { label: '全屏', role: 'togglefullscreen' },
        ...(a.isDev
          ? ([sep, { label: '重新加载', role: 'reload' }, { label: '开发者工具', role: 'toggleDevTools' }] as MenuItemConstructorOptions[])
          : []),
      ],
    },
    {
      label: '帮助(&H)',
      submenu: [{ label: '关于法治台账', click: () => a.showAbout() }],
    },
  ];
}
