/** The generic page of one ledger kind: the table, search and filters, paging and row actions. */
import type { Download, Locator, Page } from 'playwright-core';
import { FormDialog } from './form-dialog';

export class KindPage {
  readonly form: FormDialog;

  constructor(readonly page: Page) {
    this.form = new FormDialog(page, 'record-form');
  }

  get table(): Locator {
    return this.page.getByTestId('record-table');
  }

  get rows(): Locator {
    return this.table.locator('tbody tr');
  }

  row(text: string): Locator {
    return this.rows.filter({ hasText: text });
  }

  /** “2026年 · 共 3 条” above the table. */
  get totalLabel(): Locator {
    return this.page.getByTestId('record-total');
  }

  async total(): Promise<number> {
    const m = /共\s*(\d+)\s*条/.exec(await this.totalLabel.innerText());
    return m ? Number(m[1]) : NaN;
  }

  /** Waits until the header reports `n` records (the list reloads after every change). */
  async waitTotal(n: number, year?: number): Promise<void> {
    const re = new RegExp(`${year ?? '\\d{4}'}年\\s*·\\s*共\\s*${n}\\s*条`);
    await this.totalLabel.filter({ hasText: re }).waitFor();
  }

  async add(): Promise<FormDialog> {
    await this.page.getByRole('button', { name: '新增', exact: true }).click();
    await this.form.root.waitFor();
    return this.form;
  }

  async rowAction(rowText: string, action: string): Promise<void> {
    await this.row(rowText).getByRole('button', { name: action, exact: true }).click();
  }

  async edit(rowText: string): Promise<FormDialog> {
    await this.rowAction(rowText, '编辑');
    await this.form.root.waitFor();
    return this.form;
  }

  get confirmDialog(): Locator {
    return this.page.getByTestId('confirm-modal');
  }

  /** 导出PDF of the 登记簿: the download the page hands over. */
  async downloadRegister(): Promise<Download> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.getByRole('button', { name: '导出PDF', exact: true }).click(),
    ]);
    return download;
  }

  /** 打印 of the 登记簿: the hidden frame it prints from. */
  async printRegister(): Promise<Locator> {
    await this.page.getByRole('button', { name: '打印', exact: true }).click();
    const frame = this.page.locator('iframe[data-register-print]');
    await frame.waitFor({ state: 'attached' });
    return frame;
  }

  /** Opens the 登记簿列 chooser and (un)ticks a column by its label. */
  async toggleRegisterColumn(label: string): Promise<void> {
    const chooser = this.page.locator('.mantine-Popover-dropdown').filter({ hasText: '登记簿显示的列' });
    if (!(await chooser.isVisible())) await this.page.getByRole('button', { name: /^登记簿列/ }).click();
    await chooser.getByRole('checkbox', { name: label, exact: true }).click();
  }

  async search(text: string): Promise<void> {
    await this.page.getByLabel('搜索', { exact: true }).fill(text);
  }

  get emptyMessage(): Locator {
    return this.page.getByText(/没有符合条件的记录|还没有.*记录/);
  }

  async sortBy(header: string): Promise<void> {
    await this.table.locator('thead th', { hasText: header }).click();
  }

  sortState(header: string): Promise<string | null> {
    return this.table.locator('thead th', { hasText: header }).getAttribute('aria-sort');
  }

  /** A quick filter beside the search box (its placeholder is the field's label). */
  async quickFilter(label: string, option: string): Promise<void> {
    await this.page.getByRole('combobox', { name: label, exact: true }).click();
    await this.page.getByRole('option', { name: option, exact: true }).click();
  }

  async clearFilters(): Promise<void> {
    await this.page.getByRole('button', { name: '清除筛选', exact: true }).click();
  }

  async openMoreFilters(): Promise<Locator> {
    await this.page.getByRole('button', { name: /更多筛选/ }).click();
    const dropdown = this.page.locator('.mantine-Popover-dropdown').filter({ hasText: '按字段精确筛选' });
    await dropdown.waitFor();
    return dropdown;
  }
}
