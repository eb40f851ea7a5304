/** 备份与恢复: the drive cards, 立即备份 and its result, the backups found on the drives, 查看内容, the restore confirmation and outcomes. */
import type { Locator, Page } from 'playwright-core';

export class BackupPage {
  constructor(readonly page: Page) {}

  get root(): Locator {
    return this.page.getByTestId('backup-page');
  }

  async waitOpen(): Promise<void> {
    await this.page.getByRole('heading', { name: '备份与恢复', exact: true }).waitFor();
  }

  /** 备份到U盘, 从备份恢复 or 安全副本. */
  async tab(name: '备份到U盘' | '从备份恢复' | '安全副本'): Promise<void> {
    await this.page.getByRole('tab', { name: new RegExp(`^${name}`) }).click();
    await this.page.getByRole('tabpanel').waitFor();
  }

  /** 上次备份：… / 本台账还从未备份过 */
  get lastBackup(): Locator {
    return this.page.getByTestId('backup-last');
  }

  get driveCards(): Locator {
    return this.page.getByTestId('drive-card');
  }

  driveCard(label: string): Locator {
    return this.driveCards.filter({ hasText: label });
  }

  get target(): Locator {
    return this.page.getByTestId('backup-target');
  }

  /** 刷新 in the tab shown (backup and restore both have one). */
  async refresh(): Promise<void> {
    await this.page.getByRole('tabpanel').getByRole('button', { name: '刷新', exact: true }).click();
  }

  async backUp(): Promise<void> {
    await this.page.getByTestId('backup-run').click();
  }

  get result(): Locator {
    return this.page.getByTestId('backup-result');
  }

  get backupError(): Locator {
    return this.page.getByTestId('backup-error');
  }

  get listedBackups(): Locator {
    return this.page.getByTestId('backup-files').locator('tbody tr');
  }

  /** 查看内容 on the listed backup whose row contains `text` (e.g. its date). */
  async inspectListed(text: string): Promise<void> {
    await this.listedBackups.filter({ hasText: text }).getByRole('button', { name: '查看内容', exact: true }).click();
  }

  /** The browser harness's path box, for a file not on a drive. */
  async inspectPath(file: string): Promise<void> {
    await this.page.getByTestId('restore-file-input').fill(file);
    await this.page.getByTestId('restore-file-open').click();
  }

  get contents(): Locator {
    return this.page.getByTestId('backup-contents');
  }

  get sound(): Locator {
    return this.page.getByTestId('backup-sound');
  }

  /** Records in the backup per kind label, from the 查看内容 table. */
  async counts(): Promise<Record<string, number>> {
    const rows = await this.page.getByTestId('backup-counts').locator('tbody tr').allInnerTexts();
    return Object.fromEntries(
      rows
        .map((r) => r.split('\t').map((s) => s.trim()))
        .filter((c) => c.length === 2)
        .map(([k, v]) => [k, Number(v)]),
    );
  }

  async openRestore(): Promise<Locator> {
    await this.page.getByTestId('restore-run').click();
    const dialog = this.page.getByTestId('confirm-modal');
    await dialog.waitFor();
    return dialog;
  }

  async confirmRestore(dialog: Locator): Promise<void> {
    await dialog.getByRole('checkbox').check();
    await dialog.getByRole('button', { name: '恢复', exact: true }).click();
  }

  get restoreDone(): Locator {
    return this.page.getByTestId('restore-done');
  }

  get restoreError(): Locator {
    return this.page.getByTestId('restore-error');
  }

  get safetyCopies(): Locator {
    return this.page.getByTestId('safety-copies');
  }

  /** 查看内容 on a safety copy: it opens in 从备份恢复. */
  async inspectSafetyCopy(name: string): Promise<void> {
    await this.safetyCopies.locator('tbody tr').filter({ hasText: name }).getByRole('button', { name: '查看内容', exact: true }).click();
  }

  /** The reminder in the header bar (absent on the backup page itself). */
  get headerReminder(): Locator {
    return this.page.getByTestId('backup-reminder');
  }
}
