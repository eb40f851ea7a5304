/** Drive listing: the Windows PowerShell JSON parser on canned output, /proc/mounts parsing, the folder override. */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { listDirDrives, listDrives } from '@core/backup/drives';
import { parseMounts } from '@core/backup/drives/linux';
import { parseWindowsDrives, WINDOWS_SCRIPT } from '@core/backup/drives/windows';
import { hasRoom } from '@core/backup/space';
import { tempDir } from './helpers';

describe('parseWindowsDrives', () => {
  it('reads an array: a U盘 (type 2) and a USB hard disk reporting as fixed (type 3)', () => {
    const json = JSON.stringify([
      {
        DeviceID: 'E:',
        VolumeName: '金士顿',
        VolumeSerialNumber: '1A2B3C4D',
        FreeSpace: 15032385536,
        Size: 31457280000,
        DriveType: 2,
        Usb: false,
      },
      {
        DeviceID: 'F:',
        VolumeName: '移动硬盘',
        VolumeSerialNumber: '99AA',
        FreeSpace: 500107862016,
        Size: 1000202039296,
        DriveType: 3,
        Usb: true,
      },
    ]);
    expect(parseWindowsDrives(json)).toEqual([
      { path: 'E:\\', label: '金士顿', freeBytes: 15032385536, totalBytes: 31457280000, removable: true, serial: '1A2B3C4D' },
      { path: 'F:\\', label: '移动硬盘', freeBytes: 500107862016, totalBytes: 1000202039296, removable: true, serial: '99AA' },
    ]);
  });

  it('reads a single object (ConvertTo-Json of one item is not an array)', () => {
    expect(parseWindowsDrives('{"DeviceID":"G:","VolumeName":null,"FreeSpace":1024,"Size":2048,"DriveType":2}')).toEqual([
      { path: 'G:\\', label: 'U盘 (G:)', freeBytes: 1024, totalBytes: 2048, removable: true },
    ]);
  });

  it('survives empty output, null, a BOM, CRLF and junk', () => {
    expect(parseWindowsDrives('')).toEqual([]);
    expect(parseWindowsDrives('null\r\n')).toEqual([]);
    expect(parseWindowsDrives('[]')).toEqual([]);
    expect(parseWindowsDrives('Get-CimInstance : 拒绝访问')).toEqual([]);
    expect(parseWindowsDrives('\uFEFF[{"DeviceID":"e:","VolumeName":"  ","FreeSpace":"10","Size":"20","DriveType":2}]\r\n')).toEqual([
      { path: 'E:\\', label: 'U盘 (E:)', freeBytes: 10, totalBytes: 20, removable: true },
    ]);
  });

  it('skips card readers without a card, bad ids and duplicates; sorts by letter', () => {
    const json = JSON.stringify([
      { DeviceID: 'H:', VolumeName: '', FreeSpace: null, Size: null, DriveType: 2 },
      { DeviceID: 'not a drive', FreeSpace: 1, Size: 1, DriveType: 2 },
      { DeviceID: 'K:', VolumeName: 'B', FreeSpace: 1, Size: 2, DriveType: 2 },
      { DeviceID: 'J:', VolumeName: 'A', FreeSpace: -5, Size: 2, DriveType: 2 },
      { DeviceID: 'K:', VolumeName: 'B again', FreeSpace: 1, Size: 2, DriveType: 2 },
      42,
      null,
    ]);
    expect(parseWindowsDrives(json)).toEqual([
      { path: 'J:\\', label: 'A', freeBytes: 0, totalBytes: 2, removable: true },
      { path: 'K:\\', label: 'B', freeBytes: 1, totalBytes: 2, removable: true },
    ]);
  });

  it('uses PowerShell Get-CimInstance and Get-Disk (no wmic), single quotes only', () => {
    expect(WINDOWS_SCRIPT).toContain('Get-CimInstance Win32_LogicalDisk');
    expect(WINDOWS_SCRIPT).toContain("BusType -eq 'USB'");
    expect(WINDOWS_SCRIPT).toContain('ConvertTo-Json');
    expect(WINDOWS_SCRIPT).not.toMatch(/wmic|"/i);
  });
});

describe('Linux mounts', () => {
  it('keeps /media and /run/media mounts, unescaping \\040', () => {
    const text = [
      '/dev/vda / ext4 rw,relatime 0 0',
      'proc /proc proc rw 0 0',
      '/dev/sdb1 /media/clerk/KINGSTON vfat rw,nosuid 0 0',
      '/dev/sdc1 /run/media/clerk/My\\040Disk exfat rw 0 0',
      '/dev/sdd1 /media ext4 rw 0 0',
      '/dev/sdb1 /media/clerk/KINGSTON vfat rw,nosuid 0 0',
    ].join('\n');
    expect(parseMounts(text).map((m) => m.mountPoint)).toEqual(['/media/clerk/KINGSTON', '/run/media/clerk/My Disk']);
  });
});

describe('folder override', () => {
  const saved = process.env.FAZHI_DRIVES_DIR;
  afterEach(() => {
    if (saved === undefined) delete process.env.FAZHI_DRIVES_DIR;
    else process.env.FAZHI_DRIVES_DIR = saved;
  });

  it('lists sub-folders of the injected root or of FAZHI_DRIVES_DIR as drives with free space', async () => {
    const root = tempDir();
    fs.mkdirSync(path.join(root, 'U盘A'));
    fs.mkdirSync(path.join(root, 'U盘B'));
    fs.writeFileSync(path.join(root, 'not-a-drive.txt'), '');
    const viaRoot = await listDrives({ root });
    expect(viaRoot.map((d) => d.label)).toEqual(['U盘A', 'U盘B']);
    expect(viaRoot[0].freeBytes).toBeGreaterThan(0);
    expect(viaRoot[0].totalBytes).toBeGreaterThanOrEqual(viaRoot[0].freeBytes);
    process.env.FAZHI_DRIVES_DIR = root;
    expect((await listDrives({ platform: 'win32' })).map((d) => d.path)).toEqual(listDirDrives(root).map((d) => d.path));
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('warns when free space is short of the estimate plus a margin', () => {
    expect(hasRoom(100 * 2 ** 20, 50 * 2 ** 20)).toBe(true);
    expect(hasRoom(60 * 2 ** 20, 50 * 2 ** 20)).toBe(false);
  });
});
