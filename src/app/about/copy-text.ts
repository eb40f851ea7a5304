/**
 * Puts text on the clipboard from a click. The desktop app refuses navigator.clipboard (every
 * permission is denied, docs/electron-shell.md), but a copy command run from the clerk's own click
 * needs no permission — in Electron and in the browser alike. Answers whether it was copied.
 */
export function copyText(text: string): boolean {
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.top = '0';
  area.style.opacity = '0';
  document.body.appendChild(area);
  area.select();
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  } finally {
    area.remove();
  }
}
