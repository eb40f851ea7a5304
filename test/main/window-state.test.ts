/** Window bounds: saved atomically, malformed files tolerated, and a window never restored off screen. */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_WINDOW_STATE, fitToDisplays, loadWindowState, saveWindowState } from '../../electron/main/window-state';
import { removeTempDirs, tempDir } from './support/temp';

afterAll(removeTempDirs);

const screen = { x: 0, y: 0, width: 1920, height: 1040 };
const second = { x: 1920, y: 0, width: 1280, height: 984 };

describe('load and save', () => {
  it('round-trips through an atomic write and leaves no temp file', () => {
    const dir = tempDir();
    const file = path.join(dir, 'window-state.json');
    saveWindowState(file, { x: 100, y: 50, width: 1400, height: 900, maximized: true });
    expect(loadWindowState(file)).toEqual({ x: 100, y: 50, width: 1400, height: 900, maximized: true });
    expect(fs.readdirSync(dir)).toEqual(['window-state.json']);
  });

  it.each([
    ['missing', null],
    ['not JSON', '{oops'],
    ['wrong types', '{"width":"big","height":800}'],
    ['an array', '[]'],
  ])('falls back to the default when the file is %s', (_l, content) => {
    const file = path.join(tempDir(), 'window-state.json');
    if (content !== null) fs.writeFileSync(file, content);
    expect(loadWindowState(file)).toEqual(DEFAULT_WINDOW_STATE);
  });
});

describe('fitToDisplays', () => {
  it('keeps a position that is on a display', () => {
    expect(fitToDisplays({ x: 2000, y: 10, width: 1200, height: 800, maximized: false }, [screen, second])).toEqual({
      x: 2000,
      y: 10,
      width: 1200,
      height: 800,
      maximized: false,
    });
  });

  it('drops a position left on an unplugged monitor, so the window is centred', () => {
    const r = fitToDisplays({ x: 2000, y: 10, width: 1200, height: 800, maximized: true }, [screen]);
    expect(r).toEqual({ width: 1200, height: 800, maximized: true });
  });

  it('drops a position whose title bar is above the screen', () => {
    expect(fitToDisplays({ x: 100, y: -300, width: 1200, height: 800, maximized: false }, [screen]).x).toBeUndefined();
  });

  it('shrinks a window larger than every display and never below the minimum', () => {
    expect(fitToDisplays({ width: 5000, height: 3000, maximized: false }, [screen])).toMatchObject({ width: 1920, height: 1040 });
    expect(fitToDisplays({ width: 200, height: 100, maximized: false }, [screen])).toMatchObject({ width: 960, height: 600 });
  });
});
