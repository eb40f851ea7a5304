/**
 * A small hash router (react-router is not installed, and the packaged app is served from a
 * custom protocol, so routes live in location.hash): #/, #/kind/<id>, #/kind/<id>/<recordId> (the
 * kind's page with that record's form open), #/kind/<id>?search=<text> (the page with that search in
 * force, from the header's 全局搜索), #/trash, #/settings, #/report, #/figures, #/backup, #/data, #/help, #/about (关于与诊断).
 */
import { useSyncExternalStore } from 'react';
import { confirmLeave } from './state/unsaved-guard';
import type { FixValue, RecordFix } from '@rules/record-fix';

export type Route =
  | { name: 'home' }
  | {
      name: 'kind';
      kind: string;
      record?: string;
      search?: string;
      /** Filters the page opens with (?filters=<json>), e.g. from a report problem's fix. */
      filters?: Record<string, FixValue>;
      /** Opens 新增 with these values (?new=<json>). */
      prefill?: Record<string, FixValue>;
      /** With prefill: the month (1–12) the new record belongs to (?month=3), its date left to pick. */
      month?: number;
    }
  | { name: 'trash' }
  | { name: 'settings' }
  | { name: 'report' }
  | { name: 'figures' }
  | { name: 'backup' }
  | { name: 'data' }
  | { name: 'help' }
  | { name: 'about' };

export function parseHash(hash: string): Route {
  const [path, query = ''] = hash.replace(/^#\/?/, '').split('?', 2);
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] === 'kind' && parts[1]) {
    const q = new URLSearchParams(query);
    const search = q.get('search') ?? undefined;
    const filters = jsonValues(q.get('filters'));
    const prefill = jsonValues(q.get('new'));
    const month = Number(q.get('month'));
    return {
      name: 'kind',
      kind: parts[1],
      ...(parts[2] ? { record: parts[2] } : {}),
      ...(search ? { search } : {}),
      ...(filters ? { filters } : {}),
      ...(prefill ? { prefill } : {}),
      ...(prefill && Number.isInteger(month) && month >= 1 && month <= 12 ? { month } : {}),
    };
  }
  if (parts[0] === 'trash') return { name: 'trash' };
  if (parts[0] === 'settings') return { name: 'settings' };
  if (parts[0] === 'report') return { name: 'report' };
  if (parts[0] === 'figures') return { name: 'figures' };
  if (parts[0] === 'backup') return { name: 'backup' };
  if (parts[0] === 'data') return { name: 'data' };
  if (parts[0] === 'help') return { name: 'help' };
  if (parts[0] === 'about') return { name: 'about' };
  return { name: 'home' };
}

export function hrefFor(route: Route): string {
  switch (route.name) {
    case 'kind': {
      const q = new URLSearchParams();
      if (route.search) q.set('search', route.search);
      if (route.filters) q.set('filters', JSON.stringify(route.filters));
      if (route.prefill) q.set('new', JSON.stringify(route.prefill));
      if (route.prefill && route.month) q.set('month', String(route.month));
      const query = q.toString();
      return `#/kind/${encodeURIComponent(route.kind)}${route.record ? `/${encodeURIComponent(route.record)}` : ''}${query ? `?${query}` : ''}`;
    }
    case 'trash':
      return '#/trash';
    case 'settings':
      return '#/settings';
    case 'report':
      return '#/report';
    case 'figures':
      return '#/figures';
    case 'backup':
      return '#/backup';
    case 'data':
      return '#/data';
    case 'help':
      return '#/help';
    case 'about':
      return '#/about';
    default:
      return '#/';
  }
}

/** A flat object of strings, numbers and booleans from the address, else nothing (the hash is typed by anyone). */
function jsonValues(text: string | null): Record<string, FixValue> | undefined {
  if (!text) return undefined;
  try {
    const v: unknown = JSON.parse(text);
    if (!v || typeof v !== 'object' || Array.isArray(v)) return undefined;
    const entries = Object.entries(v).filter((e): e is [string, FixValue] => ['string', 'number', 'boolean'].includes(typeof e[1]));
    return Object.fromEntries(entries);
  } catch {
    return undefined;
  }
}

/** The kind page a fix leads to: filtered to the records concerned, or 新增 prefilled when `register`. */
export const fixRoute = (fix: RecordFix, register: boolean): Route =>
  register
    ? { name: 'kind', kind: fix.kind, prefill: fix.prefill ?? {}, ...(fix.month ? { month: fix.month } : {}) }
    : { name: 'kind', kind: fix.kind, ...(fix.filters ? { filters: fix.filters } : {}) };

/** Goes to `route`, after asking when a page holds unsaved changes; resolves whether it went. */
export async function navigate(route: Route): Promise<boolean> {
  if (!(await confirmLeave())) return false;
  window.location.hash = hrefFor(route);
  return true;
}

const subscribe = (onChange: () => void) => {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
};
const snapshot = () => window.location.hash;

/** The current route; re-renders on every hash change. */
export function useRoute(): Route {
  return parseHash(useSyncExternalStore(subscribe, snapshot));
}
