/**
 * A small hash router (react-router is not installed, and the packaged app is served from a
 * custom protocol, so routes live in location.hash): #/, #/kind/<id>, #/kind/<id>/<recordId> (the
 * kind's page with that record's form open), #/trash, #/settings, #/report, #/figures, #/backup, #/data.
 */
import { useSyncExternalStore } from 'react';
import { confirmLeave } from './state/unsaved-guard';

export type Route =
  | { name: 'home' }
  | { name: 'kind'; kind: string; record?: string }
  | { name: 'trash' }
  | { name: 'settings' }
  | { name: 'report' }
  | { name: 'figures' }
  | { name: 'backup' }
  | { name: 'data' };

export function parseHash(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] === 'kind' && parts[1]) return parts[2] ? { name: 'kind', kind: parts[1], record: parts[2] } : { name: 'kind', kind: parts[1] };
  if (parts[0] === 'trash') return { name: 'trash' };
  if (parts[0] === 'settings') return { name: 'settings' };
  if (parts[0] === 'report') return { name: 'report' };
  if (parts[0] === 'figures') return { name: 'figures' };
  if (parts[0] === 'backup') return { name: 'backup' };
  if (parts[0] === 'data') return { name: 'data' };
  return { name: 'home' };
}

export function hrefFor(route: Route): string {
  switch (route.name) {
    case 'kind':
      return `#/kind/${encodeURIComponent(route.kind)}${route.record ? `/${encodeURIComponent(route.record)}` : ''}`;
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
    default:
      return '#/';
  }
}

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
