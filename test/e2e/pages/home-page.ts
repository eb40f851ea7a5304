/** 首页: the year's count per kind and the 待补登记 list. */
import type { Locator, Page } from 'playwright-core';

export class HomePage {
  constructor(readonly page: Page) {}

  async count(kindId: string): Promise<number> {
    return Number(await this.page.getByTestId(`stat-${kindId}`).getByTestId('stat-count').innerText());
  }

  /** Waits for a kind's count to read `n` (stats reload after each change). */
  async waitCount(kindId: string, n: number): Promise<void> {
    await this.page
      .getByTestId(`stat-${kindId}`)
      .getByTestId('stat-count')
      .filter({ hasText: new RegExp(`^${n}$`) })
      .waitFor();
  }

  get missing(): Locator {
    return this.page.getByTestId('home-missing');
  }

  get missingPartyMeetings(): Locator {
    return this.page.getByTestId('missing-party-meetings');
  }

  get emptyKinds(): Locator {
    return this.page.getByTestId('empty-kinds');
  }
}
