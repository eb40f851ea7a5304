/**
 * Windows drive listing through PowerShell (wmic is gone from recent Windows 11): removable logical
 * disks (DriveType 2) plus fixed disks on the USB bus (USB hard disks report as fixed), as JSON.
 * The parser accepts what ConvertTo-Json really emits: one object, an array, nothing, nulls.
 */
import { execFile } from 'node:child_process';
import type { Drive } from './types';

/** Single quotes only, so the script passes through Windows command-line quoting unchanged. */
export const WINDOWS_SCRIPT = [
  "$ErrorActionPreference = 'SilentlyContinue'",
  '[Console]::OutputEncoding = [System.Text.Encoding]::UTF8',
  "$usb = @(Get-Disk | Where-Object { $_.BusType -eq 'USB' } | Get-Partition | Where-Object { [string]$_.DriveLetter -match '^[A-Za-z]$' } | ForEach-Object { ([string]$_.DriveLetter).ToUpper() + ':' })",
  "$out = @(Get-CimInstance Win32_LogicalDisk -Filter 'DriveType=2 OR DriveType=3' | Where-Object { $_.DriveType -eq 2 -or $usb -contains $_.DeviceID } | ForEach-Object { [pscustomobject]@{ DeviceID = $_.DeviceID; VolumeName = $_.VolumeName; VolumeSerialNumber = $_.VolumeSerialNumber; FreeSpace = $_.FreeSpace; Size = $_.Size; DriveType = $_.DriveType; Usb = ($usb -contains $_.DeviceID) } })",
  'ConvertTo-Json -InputObject $out -Compress',
].join('; ');

const num = (v: unknown): number => {
  const n = typeof v === 'string' ? Number(v) : typeof v === 'number' ? v : NaN;
  return Number.isFinite(n) && n >= 0 ? n : 0;
};

/** Parses the script's output; anything unusable is skipped rather than failing the whole list. */
export function parseWindowsDrives(text: string): Drive[] {
  const t = text.replace(/^\uFEFF/, '').trim();
  if (!t || t === 'null') return [];
  let raw: unknown;
  try {
    raw = JSON.parse(t);
  } catch {
    return [];
  }
  const items = Array.isArray(raw) ? raw : [raw];
  const seen = new Set<string>();
  const drives: Drive[] = [];
  for (const it of items) {
    if (!it || typeof it !== 'object') continue;
    const o = it as Record<string, unknown>;
    const id = typeof o.DeviceID === 'string' ? o.DeviceID.trim().toUpperCase() : '';
    if (!/^[A-Z]:$/.test(id) || seen.has(id)) continue;
    // A card reader with no card in it has no size: nothing to write to.
    if (o.Size === null || o.Size === undefined) continue;
    seen.add(id);
    const label = typeof o.VolumeName === 'string' && o.VolumeName.trim() ? o.VolumeName.trim() : '';
    const removable = Number(o.DriveType) === 2 || o.Usb === true || o.BusType === 'USB';
    const drive: Drive = {
      path: `${id}\\`,
      label: label || `${removable ? 'U盘' : '磁盘'} (${id})`,
      freeBytes: num(o.FreeSpace),
      totalBytes: num(o.Size),
      removable,
    };
    if (typeof o.VolumeSerialNumber === 'string' && o.VolumeSerialNumber) drive.serial = o.VolumeSerialNumber;
    drives.push(drive);
  }
  return drives.sort((a, b) => a.path.localeCompare(b.path));
}

export function listWindowsDrives(timeoutMs = 15_000): Promise<Drive[]> {
  return new Promise((resolve) => {
    execFile(
      'powershell.exe',
      ['-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-Command', WINDOWS_SCRIPT],
      { windowsHide: true, timeout: timeoutMs, encoding: 'utf8', maxBuffer: 1 << 20 },
      // PowerShell missing or blocked by policy: no list, and the clerk can still pick any folder.
      (err, stdout) => resolve(err && !stdout ? [] : parseWindowsDrives(stdout)),
    );
  });
}
