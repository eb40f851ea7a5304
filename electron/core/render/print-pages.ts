import os from 'node:os';

/**
 * Documents printing at once: one per core, at most two. Each print job pays a fixed cost per CJK
 * face it uses (about half a second each for the Noto CJK collections) in its page's renderer
 * process, so the 档案袋's dozen jobs overlap on two pages (the fixture year's in 0.82× the
 * one-page time, bench/dossier.ts). More than one per core only take turns, and each holds its
 * own copy of the faces: in Electron each is a hidden window, a renderer process of its own.
 */
export const printPages = (): number => Math.max(1, Math.min(2, os.availableParallelism()));
