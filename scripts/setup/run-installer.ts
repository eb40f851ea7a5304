/**
 * Runs a package's own installer (Electron's install.js, better-sqlite3's prebuild-install) as a
 * child process and watches it. Neither has a timeout we can set for a connection that stalls (a
 * township network that drops packets rather than refusing), so the child is stopped when the
 * folder it downloads into has not changed for `stallMs`. Its output is kept for the one-line
 * reason shown with the guidance, never printed as a stack trace.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

interface InstallerRun {
  args: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** The folder the download lands in (temp files, cache, extraction). */
  watchDir: string;
  stallMs: number;
}

interface InstallerResult {
  ok: boolean;
  /** No progress for stallMs: the child was stopped. */
  stalled: boolean;
  output: string;
}

/** Bytes and entries under dir: a change in either is progress. */
function footprint(dir: string): string {
  let bytes = 0;
  let entries = 0;
  const walk = (d: string) => {
    let list: fs.Dirent[];
    try {
      list = fs.readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of list) {
      entries++;
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) bytes += fs.statSync(p, { throwIfNoEntry: false })?.size ?? 0;
    }
  };
  walk(dir);
  return `${entries}:${bytes}`;
}

/** What a set-up step ends with; `reason` is one line (Chinese or the installer's own words). */
export interface Outcome {
  ok: boolean;
  downloaded: boolean;
  stalled: boolean;
  reason: string;
}

export const alreadyThere: Outcome = { ok: true, downloaded: false, stalled: false, reason: '' };
export const refused = (reason: string): Outcome => ({ ok: false, downloaded: false, stalled: false, reason });
export const failed = (r: InstallerResult): Outcome => ({
  ok: false,
  downloaded: false,
  stalled: r.stalled,
  reason: failureReason(r.output),
});

export function runInstaller(run: InstallerRun): Promise<InstallerResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, run.args, { cwd: run.cwd, env: run.env, stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
    let output = '';
    const keep = (b: Buffer) => {
      // The tail is what explains a failure; a progress bar must not grow it without bound.
      output = (output + b.toString('utf8')).slice(-20_000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    let stalled = false;
    let last = footprint(run.watchDir);
    let lastChange = Date.now();
    const timer = setInterval(
      () => {
        const now = footprint(run.watchDir);
        if (now !== last) {
          last = now;
          lastChange = Date.now();
        } else if (Date.now() - lastChange >= run.stallMs) {
          stalled = true;
          child.kill();
        }
      },
      Math.min(500, run.stallMs),
    );
    const done = (ok: boolean, extra = '') => {
      clearInterval(timer);
      resolve({ ok: ok && !stalled, stalled, output: output + extra });
    };
    child.on('error', (err) => done(false, `\n${err.message}`));
    child.on('close', (code) => done(code === 0));
  });
}

/**
 * The line of an installer's output that says what went wrong: an error's first line
 * ("TypeError: fetch failed", "HTTPError: Response code 404 …", "Error: Generated checksum … did
 * not match …"), or prebuild-install's "warn install …" line, without the stack below it.
 */
export function failureReason(output: string): string {
  const lines = output
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  const warn = lines
    .filter((l) => /prebuild-install (warn|ERR!)/.test(l) && !/looking for|prebuilt binaries (enforced|may be)/.test(l))
    .pop();
  if (warn) return warn.replace(/^prebuild-install (warn|ERR!)\s+(install\s+)?/, '');
  const err = lines.find((l) => /^([A-Za-z]*Error|Error)\b.*?:/.test(l));
  if (err) return err;
  return lines.filter((l) => !l.startsWith('at ')).pop() ?? '';
}
