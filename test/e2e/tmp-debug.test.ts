import { it } from 'vitest';
import { startApp } from './support/app';
import { SHUANGTU_2023 } from '../support/seed';
import { AppShell } from './pages/app-shell';
import { ReportPage } from './pages/report-page';
it('debug', async () => {
  const app = await startApp({ seed: { fixture: SHUANGTU_2023 } });
  const shell = new AppShell(app.page);
  const report = new ReportPage(app.page);
  await shell.yearSwitcher.waitFor();
  await shell.switchYear(2023);
  await shell.open('年度报告');
  await report.waitLoaded();
  await report.tab('预览');
  const g = () => report.preview.getAttribute('data-generation');
  for (let i = 0; i < 40 && (await g()) === '0'; i++) await app.page.waitForTimeout(1000);
  console.log('gen', await g());
  await report.tab('正文');
  await report.typeAtEnd(app.page.getByTestId('report-paragraph').first(), '第1次保存');
  await report.tab('预览');
  await app.page.keyboard.press('Control+s');
  await shell.toast('报告已保存').first().waitFor();
  for (let i = 0; i < 40; i++) {
    console.log(i, await g(), await report.preview.innerText().then((t) => t.slice(0, 200)));
    await app.page.waitForTimeout(1500);
    if ((await g()) !== '1') break;
  }
  console.log(app.pageErrors);
  await app.close();
}, 600000);
