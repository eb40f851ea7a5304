/** A place a backup can be written to, as every platform's drive listing reports it. */
export interface Drive {
  /** Folder to write into: `E:\` on Windows, the mount point elsewhere. */
  path: string;
  /** Volume label, or the folder name when there is none. */
  label: string;
  freeBytes: number;
  totalBytes: number;
  /** A U盘 or USB disk (Windows reports USB hard disks as fixed; they count as removable here). */
  removable: boolean;
  /** Windows volume serial number, to recognise the same U盘 next time (when known). */
  serial?: string;
}
