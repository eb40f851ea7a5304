/**
 * A 行政规范性文件 in the real UI: registered with its 统一编号, walked through 合法性审核 →
 * 集体审议 → 公布 → 报送备案 with only the next step ever offered, another one 撤回, 首页
 * counting them, and 彻底删除 from 回收站 behind its confirmation. Screens: test-output/screens/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot, startApp, type E2eApp } from './support/app';
import { AppShell } from './pages/app-shell';
import { HomePage } from './pages/home-page';
import { NormativePage } from './pages/normative-page';
import { TrashPage } from './pages/trash-page';

const Y = new Date().getFullYear();

describe('行政规范性文件', () => {
  let app: E2eApp;
  let shell: AppShell;

  beforeAll(async () => {
    app = await startApp({
      seed: { settings: { town: '双土镇', partyOrg: '中共双土镇委员会', govOrg: '双土镇人民政府', normativeCode: '双土府规' } },
    });
    shell = new AppShell(app.page);
    await shell.openKind('行政规范性文件');
  });
  afterAll(async () => {
    await app?.close();
  });

  it('walks a 行政规范性文件 through every step, offering only the next one', async () => {
    const docs = new NormativePage(app.page);
    const form = await docs.add();
    await expect.poll(() => form.root.innerText()).toContain(`如“双土府规〔${Y}〕1号”`);
    await form.fillDate('登记日期', `${Y}-02-01`);
    await form.fill('文件标题', '双土镇农村建房管理办法');
    await form.fill('起草科室', '规划建设办');
    await screenshot(app.page, '14-normative-form-new');
    await form.submit();
    await form.waitClosed();
    const number = `双土府规〔${Y}〕1号`;
    await docs.row(number).waitFor();
    expect(await docs.stage(number)).toBe('起草');

    const steps: [string, Record<string, string>, Record<string, string>][] = [
      ['合法性审核', { 合法性审核日期: `${Y}-02-05` }, { '审核机构/人员': '镇司法所', 审核意见: '建议修改第五条' }],
      ['集体审议', { 集体审议日期: `${Y}-02-10` }, { 审议会议: `${Y}年第3次政府常务会议` }],
      ['公布', { 公布日期: `${Y}-02-15` }, { 公布载体: '镇政府网站' }],
      ['报送备案', { 报送备案日期: `${Y}-02-20` }, { 备案机关: '县人民政府' }],
    ];
    for (const [i, [step, dates, texts]] of steps.entries()) {
      await expect.poll(() => docs.nextStepButtons(number).allInnerTexts()).toEqual([`办理：${step}`]);
      const stepForm = await docs.openNextStep(number);
      if (i === 0) {
        await stepForm.submit(`确认${step}`);
        await expect.poll(() => stepForm.error('reviewer').innerText()).toContain('必须记录合法性审核的审核机构/人员');
        await screenshot(app.page, '15-step-form-errors');
      }
      for (const [label, v] of Object.entries(dates)) await stepForm.fillDate(label, v);
      for (const [label, v] of Object.entries(texts)) await stepForm.fill(label, v);
      if (i === 1) await screenshot(app.page, '16-step-form');
      await stepForm.submit(`确认${step}`);
      await stepForm.waitClosed();
      await shell.toast(`${number}已进入“${step}”环节`).waitFor();
      await expect.poll(() => docs.stage(number)).toBe(step);
    }
    expect(await docs.nextStepButtons(number).count()).toBe(0);
    await expect.poll(() => docs.row(number).innerText()).toContain('已办结');
    expect(await docs.row(number).innerText()).toContain(`${Y}-02-15`);
    await screenshot(app.page, '17-normative-done');

    const edit = await docs.edit(number);
    await expect.poll(() => edit.root.getByTestId('managed-fields').innerText()).toContain('备案机关：县人民政府');
    expect(await edit.root.getByLabel('统一编号').count()).toBe(0);
    await screenshot(app.page, '18-normative-form-edit');
    await edit.cancel();
  });

  it('withdraws a document, after which no step is offered', async () => {
    const docs = new NormativePage(app.page);
    const form = await docs.add();
    await form.fillDate('登记日期', `${Y}-04-01`);
    await form.fill('文件标题', '双土镇集市管理规定');
    await form.submit();
    await form.waitClosed();
    const number = `双土府规〔${Y}〕2号`;
    await expect.poll(() => docs.nextStepButtons(number).allInnerTexts()).toEqual(['办理：合法性审核']);
    const withdraw = await docs.openWithdraw(number);
    await withdraw.submit('确认撤回');
    await expect.poll(() => withdraw.root.innerText()).toContain('请填写撤回原因');
    await withdraw.fill('撤回原因', '上位法已修改，暂缓制定');
    await screenshot(app.page, '19-withdraw-form');
    await withdraw.submit('确认撤回');
    await withdraw.waitClosed();
    await expect.poll(() => docs.row(number).innerText()).toContain('已撤回');
    expect(await docs.nextStepButtons(number).count()).toBe(0);
    expect(await docs.row(number).getByRole('button', { name: '撤回', exact: true }).count()).toBe(0);
    await screenshot(app.page, '20-normative-list');
  });

  it('首页 counts them', async () => {
    const home = new HomePage(app.page);
    await shell.open('首页');
    await home.waitCount('normativeDoc', 2);
    expect(await home.count('meeting')).toBe(0);
  });

  it('彻底删除 needs a ticked confirmation', async () => {
    const docs = new NormativePage(app.page);
    const number = `双土府规〔${Y}〕2号`;
    await shell.openKind('行政规范性文件');
    await docs.rowAction(number, '删除');
    await docs.confirmDialog.getByRole('button', { name: '删除', exact: true }).click();
    await docs.waitTotal(1, Y);

    const trash = new TrashPage(app.page);
    await shell.open('回收站');
    const dialog = await trash.openPurge('双土镇集市管理规定');
    const purge = dialog.getByRole('button', { name: '彻底删除', exact: true });
    expect(await purge.isDisabled()).toBe(true);
    await screenshot(app.page, '22-purge-confirm');
    await dialog.getByText('我已了解，确定永久删除这条记录').click();
    await purge.click();
    await shell.toast('已彻底删除').waitFor();
    await expect.poll(() => trash.rows.count()).toBe(0);
    await expect.poll(() => app.page.getByText('回收站是空的。').count()).toBe(1);
  });

  it('raised no page errors', () => {
    expect(app.pageErrors).toEqual([]);
  });
});
