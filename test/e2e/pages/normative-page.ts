/** The 行政规范性文件 page: the generic kind page plus the lifecycle column and its actions. */
import type { Locator } from 'playwright-core';
import { FormDialog } from './form-dialog';
import { KindPage } from './kind-page';

export class NormativePage extends KindPage {
  readonly stepForm = new FormDialog(this.page, 'step-form');
  readonly withdrawForm = new FormDialog(this.page, 'withdraw-form');

  /** The lifecycle buttons offered on a row (there must only ever be the next step). */
  nextStepButtons(rowText: string): Locator {
    return this.row(rowText).getByTestId('next-step');
  }

  async stage(rowText: string): Promise<string> {
    return (await this.row(rowText).getByTestId('stage-badge').innerText()).trim();
  }

  async openNextStep(rowText: string): Promise<FormDialog> {
    await this.nextStepButtons(rowText).click();
    await this.stepForm.root.waitFor();
    return this.stepForm;
  }

  async openWithdraw(rowText: string): Promise<FormDialog> {
    await this.rowAction(rowText, '撤回');
    await this.withdrawForm.root.waitFor();
    return this.withdrawForm;
  }
}
