/**
 * Entering records by keyboard in the real UI: a choice found by typing (label, full pinyin,
 * initials) and taken by Enter, or by Tab when one matches; text that names no choice kept with
 * the field saying why; Enter on 添加附件; the 规范性文件 step dialogs opening on their date; a
 * list typed with ， splitting into its items. The keys of a whole 会议 are counted (the figure in
 * docs/clerk-screens.md). Screens: test-output/screens/keys-*.png.
 */
import type { FileChooser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from '../support/call';
import { SHIQIAO } from '../support/seed';
import { screenshot, startApp, type E2eApp } from './support/app';
import { AppShell } from './pages/app-shell';
import { KindPage } from './pages/kind-page';
import { NormativePage } from './pages/normative-page';
import { SettingsPage } from './pages/settings-page';

const Y = new Date().getFullYear();
const VILLAGES = ['东山村', '东风村', '新华村', '石桥社区'];

describe('entering records by keyboard', () => {
  let app: E2eApp;
  let shell: AppShell;
  let ids: string[];

  beforeAll(async () => {
    app = await startApp({
      seed: {
        settings: { ...SHIQIAO, normativeCode: '石桥府规', villages: VILLAGES },
        records: [
          { kind: 'normativeDoc', data: { registeredDate: `${Y}-03-01`, title: '石桥镇农村建房管理办法', draftingUnit: '规划建设办' } },
          { kind: 'normativeDoc', data: { registeredDate: `${Y}-03-02`, title: '石桥镇河道保洁管理办法', draftingUnit: '农业服务中心' } },
        ],
        after: async (ctx, created) => {
          // The second document waits at 集体审议.
          await api(ctx, 'normativeDocs.advance', {
            id: created[1],
            step: '合法性审核',
            data: { reviewDate: `${Y}-03-05`, reviewer: '镇司法所' },
          });
        },
      },
    });
    ids = app.seededIds;
    shell = new AppShell(app.page);
  });
  afterAll(async () => {
    await app?.close();
  });

  const focusedLabel = () =>
    app.page.evaluate(() => ((document.activeElement as HTMLInputElement | null)?.labels?.[0]?.textContent ?? '').replace('*', '').trim());

  const highlighted = () => app.page.locator('[data-combobox-selected]').innerText();

  it('keeps a village typed and tabbed: the one match is chosen, a name not in the list stays with the reason', async () => {
    await shell.openKind('应急演练');
    const page = new KindPage(app.page);
    const form = await page.add();
    const village = form.field('村（社区）');
    await village.fill('东山');
    await village.press('Tab');
    await expect.poll(() => village.inputValue()).toBe('东山村');
    expect(await form.error('village').count()).toBe(0);

    // Pinyin initials too: 「xh」 is 新华村 alone.
    await village.fill('xh');
    await village.press('Tab');
    await expect.poll(() => village.inputValue()).toBe('新华村');

    // A name not in the list is kept as typed, and the field says why.
    await village.fill('西山村');
    await village.press('Tab');
    await expect.poll(() => village.inputValue()).toBe('西山村');
    await expect.poll(() => form.error('village').innerText()).toBe('“西山村”不在设置的村（社区）名单中');
    // Two matches: nothing is guessed, the text stays and the field says how to choose.
    await village.fill('东');
    await village.press('Tab');
    await expect.poll(() => village.inputValue()).toBe('东');
    await expect.poll(() => form.error('village').innerText()).toBe('“东”符合2项，请按↓选择后回车');
    await screenshot(app.page, 'keys-village-refused');

    // Saving with the refused text: the core refuses it too, under the field; nothing is stored.
    await form.fillDate('演练日期', `${Y}-05-12`);
    await form.choose('演练类型', '消防');
    await form.fill('演练名称', '东山村消防演练');
    await form.fill('参演人数', '40');
    await village.fill('西山村');
    await village.press('Tab');
    await form.submit();
    await expect.poll(() => form.error('village').innerText()).toBe('“西山村”不在设置的村（社区）名单中');
    expect(await form.root.isVisible()).toBe(true);

    // The best match is highlighted as the clerk types; ↓ moves on, Enter takes it.
    await village.fill('东');
    await expect.poll(() => app.page.getByRole('option').allInnerTexts()).toEqual(['东山村', '东风村']);
    await expect.poll(() => highlighted()).toBe('东山村');
    await village.press('ArrowDown');
    await expect.poll(() => highlighted()).toBe('东风村');
    await village.press('Enter');
    await expect.poll(() => village.inputValue()).toBe('东风村');
    await form.submit();
    await form.waitClosed();
    await page.row('东山村消防演练').waitFor();
    expect(await page.row('东山村消防演练').innerText()).toContain('东风村');
  });

  it('finds 会议类型 by typing 法治 or fz: Enter takes the highlighted match', async () => {
    await shell.openKind('会议');
    const page = new KindPage(app.page);
    for (const [typed, title] of [
      ['法治', '法治专题学习研判会（一）'],
      ['fz', '法治专题学习研判会（二）'],
    ]) {
      const form = await page.add();
      const type = form.field('会议类型');
      await type.focus();
      await app.page.keyboard.type(typed);
      // Both 法治专题学习研判会 and 依法治镇领导小组会议 hold it; the one that starts with it is highlighted.
      await expect.poll(() => app.page.getByRole('option').allInnerTexts()).toEqual(['法治专题学习研判会', '依法治镇领导小组会议']);
      if (typed === 'fz') await screenshot(app.page, 'keys-meeting-type-fz');
      await app.page.keyboard.press('Enter');
      await expect.poll(() => type.inputValue()).toBe('法治专题学习研判会');
      expect(await form.root.isVisible()).toBe(true);
      await form.fill('会议名称', title);
      await form.submit();
      await form.waitClosed();
      await page.row(title).waitFor();
      expect(await page.row(title).innerText()).toContain('法治专题学习研判会');
    }
  });

  it('enters a whole 会议 by keyboard in 13 command keys and 34 typed characters', async () => {
    const page = new KindPage(app.page);
    const keys = { command: 0, typed: 0 };
    const press = async (key: string) => {
      keys.command++;
      await app.page.keyboard.press(key);
    };
    const type = async (text: string) => {
      keys.typed += [...text].length;
      await app.page.keyboard.insertText(text);
    };
    await press('Control+n');
    await page.form.root.waitFor();
    await expect.poll(focusedLabel).toBe('会议类型');
    await type('fz');
    await expect.poll(() => highlighted()).toBe('法治专题学习研判会');
    await press('Enter');
    await press('Tab'); // 会议日期: today, kept
    await press('Tab');
    await type('学习贯彻行政复议法专题会');
    await press('Tab');
    await type('李明');
    await press('Tab');
    await type('23');
    await press('Tab');
    await press('Space'); // 会前学法
    await press('Tab');
    await type('行政复议法');
    await press('Tab');
    await press('Space'); // 研究法治议题
    await press('Tab');
    await type('石桥纪〔2026〕9号');
    await press('Control+s');
    await page.form.waitClosed();
    const row = page.row('学习贯彻行政复议法专题会');
    await row.waitFor();
    expect(await row.innerText()).toMatch(/法治专题学习研判会[\s\S]*李明[\s\S]*23[\s\S]*是[\s\S]*是/);
    // The figure docs/clerk-screens.md gives; 会议类型 costs 「fz」 + Enter where it took ↓×6 + Enter.
    expect(keys).toEqual({ command: 13, typed: 34 });
  });

  it('opens the file picker on Enter on 添加附件, reached by Tab from the last field', async () => {
    // Listening from the start: the browser hands the picker to the test only once it listens.
    const choosers: FileChooser[] = [];
    app.page.on('filechooser', (c) => choosers.push(c));
    const page = new KindPage(app.page);
    const form = await page.add();
    // The dialog has put the cursor in its first field before the clerk moves on.
    await expect.poll(focusedLabel).toBe('会议类型');
    await form.field('备注').focus();
    await app.page.keyboard.press('Tab');
    await expect.poll(() => app.page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('添加附件');
    await app.page.keyboard.press('Enter');
    await expect.poll(() => choosers.length).toBe(1);
    const [chooser] = choosers;
    expect(chooser.isMultiple()).toBe(true);
    // Enter on the button did not save the form behind it.
    expect(await form.root.isVisible()).toBe(true);
    await form.cancel();
  });

  it('opens each 规范性文件 step dialog on its date', async () => {
    await shell.openKind('行政规范性文件');
    const docs = new NormativePage(app.page);
    for (const [i, date] of [
      [0, '合法性审核日期'],
      [1, '集体审议日期'],
    ] as const) {
      const number = `石桥府规〔${Y}〕${i + 1}号`;
      await docs.row(number).waitFor();
      const step = await docs.openNextStep(number);
      await expect.poll(focusedLabel).toBe(date);
      expect(await step.field(date).evaluate((el) => el === document.activeElement)).toBe(true);
      await step.cancel();
    }
    expect(ids).toHaveLength(2);
  });

  it('splits 「中心村，新民村」 typed in 设置 into two villages', async () => {
    await shell.open('设置');
    const settings = new SettingsPage(app.page);
    const box = app.page.getByRole('combobox', { name: '村（社区）名单' });
    await box.focus();
    // As an IME delivers it: the whole text at once, the Chinese comma included.
    await app.page.keyboard.insertText('中心村，新民村');
    await box.press('Enter');
    await expect.poll(() => settings.villages()).toEqual([...VILLAGES, '中心村', '新民村']);
    // A name already on the list is not added twice.
    await app.page.keyboard.insertText('河坝村、东山村');
    await box.press('Enter');
    await expect.poll(() => settings.villages()).toEqual([...VILLAGES, '中心村', '新民村', '河坝村']);
    await settings.save();
    await shell.toast('设置已保存').waitFor();
  });

  it('raised no page errors', () => {
    expect(app.pageErrors).toEqual([]);
  });
});

/**
 * The 规范性文件 list at 1366×768 and 1920×1080, as a 乡, a 镇 and a 街道 with a long name, a
 * document at every step: the stage is never clipped and every row button is whole. One app for
 * the three: each town type's documents are in a year of their own (numbered from 1号 in it, as
 * in a fresh ledger), and the 设置 are switched to that town before its year is shown.
 */
describe('the 规范性文件 list on a small screen', () => {
  const TOWN = '某某山区少数民族自治县城关东风'; // with 乡/镇/街道: near the longest 乡镇名称 the settings take (20 characters)
  const TOWN_TYPES = ['乡', '镇', '街道'] as const;
  const yearOf = (townType: (typeof TOWN_TYPES)[number]) => Y - TOWN_TYPES.indexOf(townType);
  const settingsOf = (townType: (typeof TOWN_TYPES)[number]) => ({
    ...SHIQIAO,
    town: `${TOWN}${townType}`,
    townType,
    normativeCode: '某某山区少数民族自治府规',
    villages: VILLAGES,
  });
  let app: E2eApp;

  beforeAll(async () => {
    const records = TOWN_TYPES.flatMap((townType) =>
      [0, 1, 2, 3, 4].map((n) => ({
        kind: 'normativeDoc',
        data: {
          registeredDate: `${yearOf(townType)}-0${n + 1}-01`,
          title: `${TOWN}${townType}关于进一步加强农村宅基地和村民建房管理的实施办法（第${n + 1}稿）`,
          draftingUnit: '规划建设和生态环境保护办公室',
        },
      })),
    );
    app = await startApp({
      seed: {
        settings: settingsOf(TOWN_TYPES[0]),
        records,
        after: async (ctx, created) => {
          for (const [t, townType] of TOWN_TYPES.entries()) {
            const y = yearOf(townType);
            const steps: [string, Record<string, string>][] = [
              ['合法性审核', { reviewDate: `${y}-06-01`, reviewer: '司法所' }],
              ['集体审议', { deliberationDate: `${y}-06-05`, deliberationMeeting: '常务会议' }],
              ['公布', { publishDate: `${y}-06-10`, publishCarrier: '政府网站' }],
              ['报送备案', { filingDate: `${y}-06-15`, filingAuthority: '县人民政府' }],
            ];
            // Document n goes n steps; the last one is then withdrawn.
            const ids = created.slice(t * 5, t * 5 + 5);
            for (const [n, id] of ids.entries())
              for (const [step, data] of steps.slice(0, n)) await api(ctx, 'normativeDocs.advance', { id, step, data });
            await api(ctx, 'normativeDocs.withdraw', { id: ids[4], reason: '上位法修订' });
          }
        },
      },
    });
  });
  afterAll(async () => {
    await app?.close();
  });

  for (const townType of TOWN_TYPES) {
    it(`shows every stage and button whole for a ${townType}`, async () => {
      const y = yearOf(townType);
      await api(app.harness.ctx, 'settings.save', { settings: settingsOf(townType) });
      // The page reads the 设置 when it loads.
      await app.page.reload();
      const shell = new AppShell(app.page);
      await shell.yearSwitcher.waitFor();
      if ((await shell.year()) !== y) await shell.switchYear(y);
      await shell.openKind('行政规范性文件');
      const docs = new NormativePage(app.page);
      await docs.waitTotal(5, y);
      expect(await docs.row(`某某山区少数民族自治府规〔${y}〕1号`).innerText()).toContain(`${TOWN}${townType}`);
      for (const size of [
        { width: 1366, height: 768 },
        { width: 1920, height: 1080 },
      ]) {
        await app.page.setViewportSize(size);
        // Every badge and button fits its box: nothing cut by an ellipsis or the table's edge.
        // Nothing is cut: no badge or button shows an ellipsis; the row buttons (kept in view at the
        // right) end inside the list; scrolled sideways, no badge stays hidden under them.
        const clipped = await app.page.evaluate(() => {
          const list = document.querySelector('[data-testid="record-list"]') as HTMLElement;
          const cut = (el: Element) => {
            const label = el.querySelector('.mantine-Button-label, .mantine-Badge-label') ?? el;
            return label.scrollWidth > label.clientWidth + 1;
          };
          const out: string[] = [];
          list.scrollLeft = list.scrollWidth;
          for (const row of document.querySelectorAll('[data-testid="record-table"] tbody tr')) {
            const actions = row.querySelector('.cell-actions') as HTMLElement;
            for (const b of actions.querySelectorAll('button'))
              if (cut(b) || b.getBoundingClientRect().right > list.getBoundingClientRect().right) out.push(`button ${b.textContent}`);
            for (const badge of row.querySelectorAll('.mantine-Badge-root')) {
              if (cut(badge) || badge.getBoundingClientRect().right > actions.getBoundingClientRect().left + 1)
                out.push(`badge ${badge.textContent}`);
            }
          }
          list.scrollLeft = 0;
          return out;
        });
        await screenshot(app.page, `keys-normative-list-${townType}-${size.width}`);
        expect(clipped, `${townType} ${size.width}`).toEqual([]);
      }
      await app.page.setViewportSize({ width: 1366, height: 768 });
      expect(app.pageErrors).toEqual([]);
    });
  }
});
