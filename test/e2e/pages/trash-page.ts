/** 回收站: deleted records with 恢复 and 彻底删除 (behind a tick-to-confirm dialog). */
import type { Locator, Page } from 'playwright-core';

export class TrashPage {
  constructor(readonly page: Page) {}

  get rows(): Locator {
    return this.page.getByTestId('trash-table').locator('tbody tr');
  }

  row(text: string): Locator {
    return this.rows.filter({ hasText: text });
  }

  async restore(text: string): Promise<void> {
    await this.row(text).getByRole('button', { name: '恢复', exact: true }).click();
  }

  async openPurge(text: string): Promise<Locator> {
    await this.row(text).getByRole('button', { name: '彻底删除', exact: true }).click();
    const dialog = this.page.getByTestId('confirm-modal');
    await dialog.waitFor();
    return dialog;
  }
}
