/**
 * 自定义指标: the list of the clerk's figures, the builder (kind, filters, aggregate, unit,
 * display) and its live preview (value and records).
 */
import type { Locator, Page } from 'playwright-core';

export class FiguresPage {
  constructor(readonly page: Page) {}

  get root(): Locator {
    return this.page.getByTestId('figures-page');
  }

  get builder(): Locator {
    return this.page.getByTestId('figure-builder');
  }

  get preview(): Locator {
    return this.page.getByTestId('figure-preview');
  }

  get list(): Locator {
    return this.page.getByTestId('custom-figure-list');
  }

  async waitLoaded(): Promise<void> {
    await this.builder.waitFor();
  }

  /** An input of the builder by its label. */
  field(label: string): Locator {
    return this.builder.getByLabel(label, { exact: true });
  }

  /** Opens a Select or MultiSelect and picks an option. */
  async choose(input: Locator, option: string): Promise<void> {
    await input.click();
    await this.page.getByRole('option', { name: option, exact: true }).click();
  }

  /** 添加条件 on the (single) measure, then picks its field. Returns the new filter row. */
  async addFilter(fieldLabel: string): Promise<Locator> {
    await this.builder.getByRole('button', { name: '＋ 添加条件' }).click();
    const row = this.builder.getByTestId('filter-row').last();
    await this.choose(row.getByLabel('筛选字段'), fieldLabel);
    return row;
  }

  async save(): Promise<void> {
    await this.page.getByTestId('figure-save').click();
  }

  get value(): Locator {
    return this.page.getByTestId('preview-value');
  }

  get recordCount(): Locator {
    return this.page.getByTestId('preview-count');
  }

  previewRows(): Locator {
    return this.page.getByTestId('preview-records').locator('tr');
  }
}
