/**
 * Remembers the main window's size, position and maximized state in userData/window-state.json
 * (written atomically), and puts a window back on screen when the saved place is no longer on
 * any display (a projector unplugged, a laptop undocked).
 */
import fs from 'node:fs';
import { writeFileAtomic } from '@core/fs/atomic';

interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}
interface WindowState {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

export const DEFAULT_WINDOW_STATE: WindowState = { width: 1280, height: 800, maximized: false };
export const MIN_SIZE = { width: 960, height: 600 };

const isInt = (v: unknown): v is number => Number.isInteger(v);

/** Reads the saved state; anything missing or malformed gives the default. */
export function loadWindowState(file: string): WindowState {
  try {
    const raw = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
    if (!isInt(raw.width) || !isInt(raw.height)) return { ...DEFAULT_WINDOW_STATE };
    const state: WindowState = { width: raw.width, height: raw.height, maximized: raw.maximized === true };
    if (isInt(raw.x) && isInt(raw.y)) Object.assign(state, { x: raw.x, y: raw.y });
    return state;
  } catch {
    return { ...DEFAULT_WINDOW_STATE };
  }
}

export function saveWindowState(file: string, state: WindowState): void {
  writeFileAtomic(file, `${JSON.stringify(state, null, 2)}\n`);
}

/** Title-bar strip that must be visible for the clerk to grab and move the window. */
const GRAB = 40;

/**
 * Clamps the size to the largest work area and keeps the position only when the top strip of
 * the window lies on some display; otherwise the position is dropped and Electron centres it.
 */
export function fitToDisplays(state: WindowState, workAreas: Rect[]): WindowState {
  if (!workAreas.length) return state;
  const maxW = Math.max(...workAreas.map((a) => a.width));
  const maxH = Math.max(...workAreas.map((a) => a.height));
  const width = Math.max(MIN_SIZE.width, Math.min(state.width, maxW));
  const height = Math.max(MIN_SIZE.height, Math.min(state.height, maxH));
  const fitted: WindowState = { width, height, maximized: state.maximized };
  if (state.x === undefined || state.y === undefined) return fitted;
  const { x, y } = state;
  const visible = workAreas.some((a) => x + width - GRAB >= a.x && x + GRAB <= a.x + a.width && y >= a.y && y + GRAB <= a.y + a.height);
  return visible ? { ...fitted, x, y } : fitted;
}
