/**
 * What a file-system error means for the clerk, in one sentence (a pulled drive, a full disk, a
 * write-protected stick): every message about writing or reading a file ends with this, never
 * with the bare errno (「…：ENOSPC」).
 */
/** What an errno means for the clerk. */
export function ioReason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOSPC':
      return 'U盘（或磁盘）空间不足，请清理空间或换一个U盘后重试';
    case 'EIO':
      return '读写出错，U盘可能已被拔出或已损坏';
    case 'ENODEV':
    case 'ENXIO':
      return '找不到存储设备，U盘可能已被拔出';
    case 'ENOENT':
      return '找不到目标位置，U盘可能已被拔出或文件夹已被删除';
    case 'EACCES':
    case 'EPERM':
      return '没有写入权限：该位置可能只读，或被单位安全策略禁止写入U盘，可改选其他文件夹';
    case 'ENOTDIR':
      return '目标位置不是文件夹';
    case 'EROFS':
      return 'U盘处于只读状态（可能打开了写保护开关）';
    case 'EBUSY':
      return '文件正被其他程序占用，请关闭后重试';
    case 'EMFILE':
    case 'ENFILE':
      return '同时打开的文件过多，请关闭其他程序后重试';
    default:
      return code ? `系统错误（${code}）` : (err as Error)?.message || String(err);
  }
}
