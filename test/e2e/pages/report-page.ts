/**
 * 年度报告: the outline editor (paragraphs with figure chips, the figure picker, the chip menu),
 * the problems panel, the trace drawer, the 预览 of the PDF and the output buttons.
 */
import type { Download, Locator, Page } from 'playwright-core';

export class ReportPage {
  constructor(readonly page: Page) {}

  get root(): Locator {
    return this.page.getByTestId('report-page');
  }

  async waitLoaded(): Promise<void> {
    await this.page.getByTestId('outline-editor').waitFor();
  }

  async tab(name: '正文' | '发文设置' | '预览'): Promise<void> {
    await this.page.getByRole('tab', { name: new RegExp(`^${name}`) }).click();
  }

  /** A level-2 section by its number, e.g. （四）. */
  subsection(number: string): Locator {
    return this.page.getByTestId('report-subsection').filter({ has: this.page.locator('.heading-no', { hasText: number }) });
  }

  paragraphs(scope: Locator): Locator {
    return scope.getByTestId('report-paragraph');
  }

  paragraphById(id: string): Locator {
    return this.page.locator(`[data-testid="report-paragraph"][data-anchor="${id}"]`);
  }

  editor(paragraph: Locator): Locator {
    return paragraph.getByRole('textbox');
  }

  chips(paragraph: Locator): Locator {
    return paragraph.locator('.fig-chip');
  }

  /** Chip texts as shown: “党委会议次数：11次”, flags (手填…) after the value. */
  async chipTexts(paragraph: Locator): Promise<string[]> {
    return this.chips(paragraph).evaluateAll((els) => els.map((e) => e.textContent ?? ''));
  }

  async addParagraphAfter(paragraph: Locator): Promise<void> {
    await paragraph.hover();
    await paragraph.getByRole('button', { name: '在下方添加段落' }).click();
  }

  /** Types at the end of the paragraph, as the clerk would after clicking into it. */
  async typeAtEnd(paragraph: Locator, text: string): Promise<void> {
    const box = this.editor(paragraph);
    await box.focus();
    await this.page.keyboard.press('Control+End');
    await this.page.keyboard.type(text);
  }

  get picker(): Locator {
    return this.page.getByTestId('figure-picker');
  }

  /** 插入指标 → search → pick the figure by its Chinese name. */
  async insertFigure(paragraph: Locator, search: string, name: string): Promise<void> {
    await paragraph.hover();
    await paragraph.getByRole('button', { name: '插入指标' }).click();
    await this.picker.getByRole('textbox', { name: '搜索指标' }).fill(search);
    await this.picker.locator('.picker-item', { has: this.page.locator('.picker-name', { hasText: new RegExp(`^${name}$`) }) }).click();
    await this.picker.waitFor({ state: 'hidden' });
  }

  get chipMenu(): Locator {
    return this.page.getByTestId('chip-menu');
  }

  async save(): Promise<void> {
    await this.page.getByTestId('report-save').click();
  }

  get dirtyMark(): Locator {
    return this.page.getByTestId('report-dirty');
  }

  get problems(): Locator {
    return this.page.getByTestId('problems-panel').getByTestId('problem');
  }

  problem(code: string): Locator {
    return this.page.getByTestId('problems-panel').locator(`[data-testid="problem"][data-code="${code}"]`);
  }

  get traceDrawer(): Locator {
    return this.page.getByTestId('trace-drawer');
  }

  traceRows(): Locator {
    return this.traceDrawer.locator('tbody tr');
  }

  async closeTrace(): Promise<void> {
    await this.page.keyboard.press('Escape');
    await this.traceDrawer.locator('table').waitFor({ state: 'detached' });
  }

  get staleness(): Locator {
    return this.page.getByTestId('staleness-banner');
  }

  // ——— 预览 ———
  get preview(): Locator {
    return this.page.getByTestId('report-preview');
  }

  /** Page `n`'s words as the preview read them from the PDF (NFKC: CJK fonts map some glyphs to radicals). */
  async pageText(n: number): Promise<string> {
    const text = await this.page.locator(`[data-testid="pdf-page"][data-page="${n}"] [data-testid="pdf-page-text"]`).textContent();
    return (text ?? '').normalize('NFKC');
  }

  get pageCount(): Locator {
    return this.page.getByTestId('pdf-page-count');
  }

  get pdfPages(): Locator {
    return this.page.getByTestId('pdf-page');
  }

  /** Non-white pixels on each page canvas (a blank canvas has none). */
  async inkPerPage(): Promise<number[]> {
    return this.page.locator('[data-testid="pdf-page"] canvas').evaluateAll((canvases) =>
      (canvases as HTMLCanvasElement[]).map((c) => {
        const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
        let ink = 0;
        for (let i = 0; i < data.length; i += 4) if (data[i] < 200 || data[i + 1] < 200 || data[i + 2] < 200) ink++;
        return ink;
      }),
    );
  }

  figureInPreview(figureId: string): Locator {
    return this.page.locator(`.pdf-fig-hit[data-figure-id="${figureId}"]`);
  }

  /** Clicks an output button and returns the download the harness hands back. */
  async download(button: '导出PDF' | '导出Word'): Promise<Download> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.getByRole('button', { name: button, exact: true }).click(),
    ]);
    return download;
  }

  async downloadSources(format: 'CSV' | 'JSON'): Promise<Download> {
    await this.page.getByRole('button', { name: '更多', exact: true }).click();
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.getByRole('menuitem', { name: new RegExp(`下载附表（${format}`) }).click(),
    ]);
    return download;
  }
}
