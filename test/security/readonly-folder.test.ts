/**
 * A ledger in a folder the app may not write to (a new ledger there, or a ledger copied
 * onto a read-only share and opened to work on) is refused in the clerk's words, naming the folder,
 * with no SQLite or errno code, and nothing is created or changed there.
 * The refusal is real: root ignores permissions through its capabilities, so as root the CLI child
 * runs without CAP_DAC_OVERRIDE / CAP_DAC_READ_SEARCH (setpriv's bounding set): still uid 0, so it
 * reads the checkout wherever it lies, but a 0555 folder of its own now refuses it, as it refuses
 * any other user by its mode alone.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openContext } from '@core/api';
import { createBackup } from '@core/backup/create';
import { api, meeting, tempDir } from '../backup/helpers';
import { bundleForNode } from '../support/bundle';

const ROOT = path.resolve(__dirname, '../..');
const asRoot = process.getuid?.() === 0;

let base: string;
/** The child's TMPDIR: the app's work folders go there. */
let childTmp: string;
/** The CLI bundled for plain node (test/support/bundle.ts): the file starts it eight times. */
let cliBundle: string;

/** A folder the child may write to. */
function writable(name: string): string {
  const d = path.join(base, name);
  fs.mkdirSync(d);
  return d;
}

/** The real CLI as the child user: exit code, stdout, stderr. */
function cli(...args: string[]): { code: number | null; out: string; err: string } {
  const node = [process.execPath, cliBundle, ...args];
  const [cmd, ...argv] = asRoot ? ['setpriv', '--bounding-set=-dac_override,-dac_read_search', ...node] : node;
  const r = spawnSync(cmd, argv, { cwd: ROOT, env: { ...process.env, TMPDIR: childTmp }, encoding: 'utf8', timeout: 540_000 });
  if (r.error) throw r.error;
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const refused = (folder: string) =>
  `错误：无法写入台账所在的文件夹“${folder}”（只读或没有权限），请把台账放到可写的文件夹，或联系管理员开通写入权限。\n`;

/** Every file in a folder with its bytes, to prove nothing was created or changed. */
const contents = (d: string) => Object.fromEntries(fs.readdirSync(d).map((f) => [f, fs.readFileSync(path.join(d, f)).toString('base64')]));

/** A ledger with one record, made by this process in a folder of its own, closed. */
async function madeLedger(name: string): Promise<string> {
  const d = path.join(base, `${name}-source`);
  fs.mkdirSync(d);
  const file = path.join(d, '台账.db');
  const ctx = openContext(file);
  await api(ctx, 'records.create', { kind: 'meeting', data: meeting(1) });
  ctx.close();
  return file;
}

/** A read-only copy of a ledger folder's files: the folder 0555, the files with `mode`. */
function readOnlyShare(name: string, files: string[], mode: number): string {
  const d = path.join(base, name);
  fs.mkdirSync(d);
  for (const f of files) {
    fs.copyFileSync(f, path.join(d, path.basename(f)));
    fs.chmodSync(path.join(d, path.basename(f)), mode);
  }
  fs.chmodSync(d, 0o555);
  return d;
}

beforeAll(async () => {
  base = tempDir('fazhi-readonly-');
  childTmp = writable('tmp');
  cliBundle = await bundleForNode('electron/cli/index.ts', writable('bin'));
});
afterAll(() => {
  for (const d of fs.readdirSync(base)) fs.chmodSync(path.join(base, d), 0o755);
  fs.rmSync(base, { recursive: true, force: true });
});

describe('a read-only ledger folder', () => {
  it(`the child (${asRoot ? 'root without its permission override' : 'this user'}) can run the CLI where it may write`, () => {
    // Without this, the refusals below could be a child that cannot even start.
    const d = writable('ok');
    const r = cli('init', '--db', path.join(d, '台账.db'));
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(fs.statSync(path.join(d, '台账.db')).size).toBeGreaterThan(0);
  });

  it('a new ledger in a read-only folder: refused in Chinese, nothing created', () => {
    const d = path.join(base, 'new');
    fs.mkdirSync(d, { mode: 0o555 });
    fs.chmodSync(d, 0o555);
    const r = cli('init', '--db', path.join(d, '台账.db'));
    expect(r.code).toBe(1);
    expect(r.err).toBe(refused(d));
    expect(r.out).toBe('');
    expect(fs.readdirSync(d)).toEqual([]);
  });

  it('a ledger copied onto a read-only share (the file alone, read-only too): refused, nothing created or changed', async () => {
    const d = readOnlyShare('share', [await madeLedger('share')], 0o444);
    const before = contents(d);
    const r = cli('stats', '--db', path.join(d, '台账.db'), '--year', '2024');
    expect(r.code).toBe(1);
    expect(r.err).toBe(refused(d));
    expect(contents(d)).toEqual(before);
  });

  it('a write-protected ledger file in a writable folder: refused at opening (SQLite would open it read-only without a word)', async () => {
    const d = writable('ro-file');
    const ledger = path.join(d, '台账.db');
    fs.copyFileSync(await madeLedger('ro-file'), ledger);
    fs.chmodSync(ledger, 0o444);
    const bytes = fs.readFileSync(ledger);
    const r = cli('stats', '--db', ledger, '--year', '2024');
    expect(r.code).toBe(1);
    expect(r.err).toBe(
      `错误：台账文件“${ledger}”是只读的（可能从光盘或只读共享复制而来，或设置了“只读”属性），无法保存修改，未作任何改动。请去掉文件的只读属性，或把它复制到可写的文件夹后再打开。\n`,
    );
    expect(fs.readFileSync(ledger).equals(bytes)).toBe(true);
    expect(fs.readdirSync(d).filter((n) => n.endsWith('-wal') || n.endsWith('-shm'))).toEqual([]);
  });

  it('the same with the ledger and its -lock file writable, only the folder read-only: refused, nothing created or changed', async () => {
    // The hold on the -lock file succeeds here; SQLite is then refused its -wal and -shm files.
    const file = await madeLedger('share-writable-files');
    const d = readOnlyShare('share-writable-files', [file, `${file}-lock`], 0o666);
    const before = contents(d);
    expect(Object.keys(before).sort()).toEqual(['台账.db', '台账.db-lock']);
    const r = cli('stats', '--db', path.join(d, '台账.db'), '--year', '2024');
    expect(r.code).toBe(1);
    expect(r.err).toBe(refused(d));
    expect(contents(d)).toEqual(before);
  });

  it('a folder made read-only while the ledger is in use (its -wal and -shm writable): it opens, but a restore or an import is refused the same way', async () => {
    const src = path.join(base, 'live-source');
    fs.mkdirSync(src);
    const file = path.join(src, '台账.db');
    const ctx = openContext(file);
    let d: string;
    let backup: string;
    try {
      await api(ctx, 'records.create', { kind: 'meeting', data: meeting(2) });
      fs.mkdirSync(path.join(base, 'usb'));
      backup = (await createBackup(ctx, path.join(base, 'usb'))).file;
      // Copied while open, so the -wal and -shm files exist and SQLite needs to create nothing to open it.
      d = readOnlyShare('live', [file, `${file}-wal`, `${file}-shm`, `${file}-lock`], 0o666);
    } finally {
      ctx.close();
    }
    const ledger = path.join(d, '台账.db');
    expect(cli('stats', '--db', ledger, '--year', '2024').code).toBe(0);
    const names = fs.readdirSync(d).sort();
    const db = fs.readFileSync(ledger);
    // Replacing the ledger needs the hold's EXCLUSIVE lock, whose journal cannot be created here.
    for (const args of [
      ['restore', backup, '--db', ledger],
      ['import', '--db', ledger, path.join(ROOT, 'test/fixtures/shuangtu-2023.json')],
    ]) {
      const r = cli(...args);
      expect(r.code).toBe(1);
      expect(r.err).toBe(refused(d));
    }
    expect(fs.readdirSync(d).sort()).toEqual(names);
    expect(fs.readFileSync(ledger).equals(db)).toBe(true);
  });
});
