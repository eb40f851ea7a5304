/**
 * Long jobs the core runs in its worker (import, backup, restore, verify, report rendering), as
 * the screen shows them. Electron pushes progress events (window.apiProgress, the preload's only
 * other bridge); the browser harness is polled (POST /host/progress) while someone listens.
 */
import type { Progress } from '@rules/api/protocol';
import type { ProgressBridge, Result } from '../../electron/preload/contract';

declare global {
  interface Window {
    readonly apiProgress?: ProgressBridge;
  }
}

const POLL_MS = 800;

/** Calls `listener` with the jobs running now whenever that changes; returns the unsubscribe. */
export function subscribeJobs(listener: (running: Progress[]) => void): () => void {
  const bridge = typeof window !== 'undefined' ? window.apiProgress : undefined;
  if (bridge) {
    const running = new Map<string, Progress>();
    return bridge.subscribe((p) => {
      if (p.finished) running.delete(p.method);
      else running.set(p.method, p);
      listener([...running.values()]);
    });
  }
  const token = document.querySelector<HTMLMetaElement>('meta[name="harness-token"]')?.content ?? '';
  let last = '[]';
  let stopped = false;
  const poll = async () => {
    try {
      const res = await fetch('/host/progress', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-harness-token': token },
        body: '{}',
      });
      const r = (await res.json()) as Result<Progress[]>;
      const now = r.ok ? JSON.stringify(r.value) : '[]';
      if (!stopped && now !== last) {
        last = now;
        listener(r.ok ? r.value : []);
      }
    } catch {
      // The harness is gone; the calls themselves report that.
    }
  };
  const timer = setInterval(() => void poll(), POLL_MS);
  return () => {
    stopped = true;
    clearInterval(timer);
  };
}

export type { Progress };
