/**
 * The 附件 section of the record form: its list (saved and pending rows), the hidden file input
 * behind 添加附件, a drop of files, thumbnails and the viewer, the checklist item select per row,
 * the checklist badges, and the row actions.
 */
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
    return this.rows.locator('[data-col="name"] > :first-child').allInnerTexts();
  }

  thumb(name: string): Locator {
    return this.row(name).getByTestId('attachment-thumb');
  }

  /** The checklist item a row is tagged with ('' when untagged). */
  async item(name: string): Promise<string> {
    return this.row(name).getByTestId('attachment-item').inputValue();
  }

  async tag(name: string, item: string): Promise<void> {
    await this.row(name)
      .getByTestId('attachment-item')
      .selectOption(item === '' ? { label: '未标注' } : { label: item });
  }

  /** Checklist badges, e.g. ['✓ 签到表', '缺 会议纪要']. */
  async checklist(): Promise<string[]> {
    return this.root.getByTestId('evidence-checklist').locator('.mantine-Badge-root').allInnerTexts();
  }

  /** Drops files on the section as if dragged from Explorer. */
  async drop(files: PickedFile[]): Promise<void> {
    const transfer = await this.page.evaluateHandle(
      (list) => {
        const dt = new DataTransfer();
        for (const f of list) dt.items.add(new File([Uint8Array.from(atob(f.b64), (c) => c.charCodeAt(0))], f.name, { type: f.mimeType }));
        return dt;
      },
      files.map((f) => ({ name: f.name, mimeType: f.mimeType, b64: f.buffer.toString('base64') })),
    );
    await this.root.dispatchEvent('dragover', { dataTransfer: transfer });
    await this.root.dispatchEvent('drop', { dataTransfer: transfer });
  }

  /** Opens the viewer from a row's thumbnail. */
  async view(name: string): Promise<Locator> {
    await this.thumb(name).click();
    const viewer = this.page.getByTestId('attachment-viewer');
    await viewer.waitFor();
    return viewer;
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
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.row(name).getByRole('button', { name: '下载', exact: true }).click(),
    ]);
    return download;
  }

  /** 删除 first asks in the row; `confirm` false answers 取消. */
  async remove(name: string, confirm = true): Promise<void> {
    await this.row(name).getByRole('button', { name: '删除', exact: true }).click();
    await this.row(name)
      .getByRole('button', { name: confirm ? '确认删除' : '取消', exact: true })
      .click();
  }
}
