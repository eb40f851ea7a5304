/** The shell around every screen: the left menu and the header's year switcher. */
import type { Locator, Page } from 'playwright-core';

export class AppShell {
  constructor(readonly page: Page) {}

  get nav(): Locator {
    return this.page.locator('.mantine-AppShell-navbar');
  }

  async open(label: string): Promise<void> {
    await this.nav.getByRole('link', { name: label, exact: true }).click();
  }

  async openKind(label: string): Promise<void> {
    await this.nav.getByRole('link', { name: new RegExp(`^${label}\\s*\\d*$`) }).click();
    await this.page.getByRole('heading', { name: label, exact: true }).waitFor();
  }

  get yearSwitcher(): Locator {
    return this.page.getByTestId('year-switcher');
  }

  async year(): Promise<number> {
    return Number.parseInt(await this.yearSwitcher.inputValue(), 10);
  }

  async switchYear(year: number): Promise<void> {
    await this.yearSwitcher.click();
    await this.page.getByRole('option', { name: `${year}年`, exact: true }).click();
  }

  /** The header's 全局搜索 box (Ctrl+K). */
  get globalSearch(): Locator {
    return this.page.getByLabel('搜索全部台账', { exact: true });
  }

  /** Its results, grouped by kind: one section per kind, labelled with the kind's name. */
  get globalResults(): Locator {
    return this.page.getByTestId('global-search-results');
  }

  globalGroup(kindLabel: string): Locator {
    return this.globalResults.getByRole('region', { name: kindLabel, exact: true });
  }

  /** The confirmation toast in the corner, by part of its text. */
  toast(text: string | RegExp): Locator {
    return this.page.locator('.toast-stack').getByText(text);
  }
}
