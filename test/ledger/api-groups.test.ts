/** The API table is joined from groups; two groups naming the same method must stop the app, not shadow. */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { joinGroups, method } from '@core/api/define';
import { API_METHODS, APP_VERSION } from '@core/api';
import pkg from '../../package.json';

describe('API groups', () => {
  it('joins distinct groups and refuses a method defined twice', () => {
    const a = { 'x.one': method(z.object({}), () => 1) };
    const b = { 'x.two': method(z.object({}), () => 'two') };
    expect(Object.keys(joinGroups(a, b))).toEqual(['x.one', 'x.two']);
    expect(() => joinGroups(a, b, { 'x.one': method(z.object({}), () => 3) })).toThrow(/x\.one/);
  });

  it('the real table has every method once, and the version is package.json’s', () => {
    expect(new Set(API_METHODS).size).toBe(API_METHODS.length);
    expect(APP_VERSION).toBe(pkg.version);
  });
});
