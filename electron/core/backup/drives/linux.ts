/**
 * Linux (and macOS) drive listing: mount points under /media and /run/media (udisks mounts U盘
 * there), read from /proc/mounts; /Volumes on macOS. Free space comes from statfs.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Drive } from './types';

/** /proc/mounts escapes spaces and the like as octal (\040). */
const unescape = (s: string) => s.replace(/\\([0-7]{3})/g, (_m, o: string) => String.fromCharCode(parseInt(o, 8)));

/** Mount points of removable media in /proc/mounts text. */
export function parseMounts(text: string): { device: string; mountPoint: string; fsType: string }[] {
  const out: { device: string; mountPoint: string; fsType: string }[] = [];
  for (const line of text.split('\n')) {
    const [device, mp, fsType] = line.trim().split(/\s+/);
    if (!device || !mp) continue;
    const mountPoint = unescape(mp);
    if (/^\/(run\/)?media\/./.test(mountPoint) && !out.some((m) => m.mountPoint === mountPoint))
      out.push({ device, mountPoint, fsType: fsType ?? '' });
  }
  return out;
}

export function statDrive(mountPoint: string, removable = true): Drive | null {
  try {
    const s = fs.statfsSync(mountPoint);
    return { path: mountPoint, label: path.basename(mountPoint), freeBytes: s.bavail * s.bsize, totalBytes: s.blocks * s.bsize, removable };
  } catch {
    return null;
  }
}

export function listLinuxDrives(mountsFile = '/proc/mounts'): Drive[] {
  let text: string;
  try {
    text = fs.readFileSync(mountsFile, 'utf8');
  } catch {
    return [];
  }
  return parseMounts(text)
    .map((m) => statDrive(m.mountPoint))
    .filter((d): d is Drive => d !== null);
}

export function listMacDrives(volumes = '/Volumes'): Drive[] {
  if (!fs.existsSync(volumes)) return [];
  const root = fs.statSync('/').dev;
  return fs
    .readdirSync(volumes)
    .map((n) => path.join(volumes, n))
    .filter((p) => {
      try {
        return fs.statSync(p).dev !== root;
      } catch {
        return false;
      }
    })
    .map((p) => statDrive(p))
    .filter((d): d is Drive => d !== null);
}
