/** The 附件 section of the record form: its list, the hidden file input behind 添加附件, row actions. */
import type { Download, Locator, Page } from 'playwright-core';

export interface PickedFile {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

export class AttachmentsSection {
  readonly root: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('record-form').getByTestId('attachments');
  }

  get rows(): Locator {
    return this.root.getByTestId('attachment-list').locator('tbody tr');
  }

  row(name: string): Locator {
    return this.rows.filter({ hasText: name });
  }

  async names(): Promise<string[]> {
    return this.rows.locator('td:first-child').allInnerTexts();
  }

  /** Picks files as the clerk does through 添加附件 (the same input the button opens). */
  async add(files: PickedFile[]): Promise<void> {
    await this.root.getByTestId('attachment-input').setInputFiles(files);
  }

  /** Scrolls the form to its end, where the section sits (above the sticky 保存 bar). */
  async reveal(): Promise<void> {
    await this.root.evaluate((el) => {
      for (let p = el.parentElement; p; p = p.parentElement) {
        if (p.scrollHeight > p.clientHeight && /auto|scroll/.test(getComputedStyle(p).overflowY)) {
          p.scrollTop = p.scrollHeight;
          return;
        }
      }
    });
  }

  get progress(): Locator {
    return this.root.getByTestId('attachment-progress');
  }

  get error(): Locator {
    return this.root.getByTestId('attachment-error');
  }

  async download(name: string): Promise<Download> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.row(name).getByRole('button', { name: '下载', exact: true }).click()]);
    return download;
  }

  /** 删除 first asks in the row; `confirm` false answers 取消. */
  async remove(name: string, confirm = true): Promise<void> {
    await this.row(name).getByRole('button', { name: '删除', exact: true }).click();
    await this.row(name).getByRole('button', { name: confirm ? '确认删除' : '取消', exact: true }).click();
  }
}
