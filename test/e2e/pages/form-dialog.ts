/**
 * A generated form in a modal (record form, lifecycle step, 撤回): fields are found by their
 * label, errors by the field's key (data-field) or by text.
 */
import type { Locator, Page } from 'playwright-core';

export class FormDialog {
  readonly root: Locator;

  constructor(
    readonly page: Page,
    testId: string,
  ) {
    this.root = page.getByTestId(testId);
  }

  /** The input labelled `label` (a required field's label ends with the asterisk). */
  field(label: string): Locator {
    const escaped = label.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    return this.root.getByLabel(new RegExp(`^${escaped}\\s*\\*?$`));
  }

  async fill(label: string, value: string): Promise<void> {
    await this.field(label).fill(value);
  }

  /** Types a date as the clerk does, then leaves the field (closing the calendar). */
  async fillDate(label: string, value: string): Promise<void> {
    const input = this.field(label);
    await input.fill(value);
    await input.press('Tab');
  }

  async choose(label: string, option: string): Promise<void> {
    await this.field(label).click();
    await this.page.getByRole('option', { name: option, exact: true }).click();
  }

  async toggle(label: string): Promise<void> {
    await this.root.getByRole('switch', { name: label, exact: true }).click();
  }

  /** The message shown under the field with this key (the core's or the quick hint). */
  error(key: string): Locator {
    return this.root.locator(`[data-field="${key}"] [class*="-error"]`);
  }

  get formError(): Locator {
    return this.root.getByTestId('form-error');
  }

  async submit(label = '保存'): Promise<void> {
    await this.root.getByRole('button', { name: label, exact: true }).click();
  }

  async cancel(): Promise<void> {
    await this.root.getByRole('button', { name: '取消', exact: true }).click();
    await this.root.waitFor({ state: 'detached' });
  }

  async waitClosed(): Promise<void> {
    await this.root.waitFor({ state: 'detached' });
  }
}
