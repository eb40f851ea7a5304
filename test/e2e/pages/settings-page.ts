/** 设置: labelled text boxes, the 村（社区） tags box, 保存设置. */
import type { Locator, Page } from 'playwright-core';

export class SettingsPage {
  constructor(readonly page: Page) {}

  field(label: string): Locator {
    return this.page.getByLabel(label, { exact: true });
  }

  async fill(values: Record<string, string>): Promise<void> {
    for (const [label, v] of Object.entries(values)) await this.field(label).fill(v);
  }

  async addVillages(names: readonly string[]): Promise<void> {
    const box = this.page.getByRole('combobox', { name: '村（社区）名单' });
    for (const n of names) {
      await box.fill(n);
      await box.press('Enter');
    }
  }

  /** The 村（社区） list as shown, one pill per village. */
  async villages(): Promise<string[]> {
    return this.page.locator('.mantine-TagsInput-pill').allInnerTexts();
  }

  /** The message under a field (hint or the core's). */
  error(label: string): Locator {
    return this.field(label).locator('xpath=ancestor::div[contains(@class, "-root")][1]').locator('[class*="-error"]');
  }

  async save(): Promise<void> {
    await this.page.getByRole('button', { name: '保存设置', exact: true }).click();
  }
}
