/**
 * Draws the app icon — a red seal with 法 — in headless Chromium and writes icon.png (256 px)
 * and icon.ico (16–256 px, PNG entries). Run by hand after changing the design:
 *   node resources/make-icon.mjs
 * Needs /usr/bin/chromium and the Noto Serif CJK font; the outputs are committed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const SIZES = [16, 24, 32, 48, 64, 128, 256];

// Sizes in vmin so one drawing scales to every icon size; small sizes drop the inner ring.
const html = (size) => `<!doctype html><html><head><style>
  html, body { margin: 0; width: 100vw; height: 100vh; background: transparent; }
  .seal { position: absolute; inset: 3vmin; border-radius: 50%; background: #c8161d;
          display: flex; align-items: center; justify-content: center; }
  .ring { position: absolute; inset: 6vmin; border-radius: 50%; border: ${size >= 48 ? '2.5vmin solid #fff5f0' : 'none'}; }
  .char { font-family: 'Noto Serif CJK SC', serif; font-weight: 900; color: #fff8f2;
          font-size: ${size >= 48 ? 58 : 66}vmin; line-height: 1; margin-top: -4vmin; }
</style></head><body><div class="seal"><div class="ring"></div><div class="char">法</div></div></body></html>`;

function ico(pngs) {
  const header = Buffer.alloc(6 + 16 * pngs.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // type 1 = icon
  header.writeUInt16LE(pngs.length, 4);
  let offset = header.length;
  pngs.forEach(({ size, data }, i) => {
    const e = 6 + 16 * i;
    header.writeUInt8(size >= 256 ? 0 : size, e); // 0 means 256
    header.writeUInt8(size >= 256 ? 0 : size, e + 1);
    header.writeUInt8(0, e + 2); // no palette
    header.writeUInt8(0, e + 3);
    header.writeUInt16LE(1, e + 4); // planes
    header.writeUInt16LE(32, e + 6); // bits per pixel
    header.writeUInt32LE(data.length, e + 8);
    header.writeUInt32LE(offset, e + 12);
    offset += data.length;
  });
  return Buffer.concat([header, ...pngs.map((p) => p.data)]);
}

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  const pngs = [];
  for (const size of SIZES) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    await page.setContent(html(size));
    await page.evaluate(() => document.fonts.ready);
    pngs.push({ size, data: await page.screenshot({ omitBackground: true }) });
    await page.close();
  }
  fs.writeFileSync(path.join(here, 'icon.png'), pngs.at(-1).data);
  fs.writeFileSync(path.join(here, 'icon.ico'), ico(pngs));
  console.log(`icon.png, icon.ico (${SIZES.join(', ')} px)`);
} finally {
  await browser.close();
}
