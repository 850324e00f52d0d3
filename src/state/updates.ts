/**
 * The service worker's side in the page: registers it (production builds only), and when a new version
 * has installed and is waiting, offers "reload to update". Reloading waits for every queued write first,
 * so nothing the planner did is lost; the new version takes over and the page reloads once.
 */
import { signal, type ReadonlySignal } from '@preact/signals';

export interface UpdateState {
  /** A new version is installed and waiting. */
  readonly ready: ReadonlySignal<boolean>;
  /** Saving before the reload. */
  readonly applying: ReadonlySignal<boolean>;
  readonly dismissed: ReadonlySignal<boolean>;
}

/**
 * Whether the app opens with the network off (the service worker holds the build): 'ready' only then.
 * 'insecure': plain HTTP on a non-localhost address is not a secure context, so the browser offers no
 * service worker (nor the origin-private file system): deploy over HTTPS.
 */
export type OfflineReason =
  'checking' | 'installing' | 'ready' | 'insecure' | 'unsupported' | 'blocked' | 'failed' | 'dev';
export interface OfflineStatus {
  readonly reason: OfflineReason;
  readonly available: boolean;
  /** The browser's words when registration failed. */
  readonly detail?: string;
}
const initialOffline = (): OfflineStatus => {
  if (typeof window === 'undefined') return { reason: 'dev', available: false };
  if (!window.isSecureContext) return { reason: 'insecure', available: false };
  if (!('serviceWorker' in navigator)) return { reason: 'unsupported', available: false };
  return { reason: 'checking', available: false };
};
const offline = signal<OfflineStatus>(initialOffline());
export const offlineStatus: ReadonlySignal<OfflineStatus> = offline;

const ready = signal(false);
const applying = signal(false);
const dismissed = signal(false);
let waiting: ServiceWorker | null = null;
let flushFirst: () => Promise<unknown> = () => Promise.resolve();

export const updates: UpdateState = { ready, applying, dismissed };

function watch(reg: ServiceWorkerRegistration): void {
  const offer = (w: ServiceWorker | null): void => {
    // the first install has no page to update: only a worker replacing a running one is an update
    if (!w || !navigator.serviceWorker.controller) return;
    waiting = w;
    dismissed.value = false;
    ready.value = true;
  };
  if (reg.waiting) offer(reg.waiting);
  reg.addEventListener('updatefound', () => {
    const w = reg.installing;
    w?.addEventListener('statechange', () => {
      if (w.state === 'installed') offer(w);
    });
  });
}

/** Registers the service worker; `flush` resolves once every queued write has committed. */
export function registerServiceWorker(swUrl: string, flush: () => Promise<unknown>): void {
  if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
  flushFirst = flush;
  const activeOrWait = (reg: ServiceWorkerRegistration): void => {
    if (reg.active) {
      offline.value = { reason: 'ready', available: true };
      return;
    }
    offline.value = { reason: 'installing', available: false };
    const w = reg.installing ?? reg.waiting;
    w?.addEventListener('statechange', () => {
      if (w.state === 'activated') offline.value = { reason: 'ready', available: true };
      if (w.state === 'redundant') offline.value = { reason: 'failed', available: false, detail: 'redundant' };
    });
  };
  let reloading = false;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    // only a takeover the planner asked for reloads the page
    if (!applying.peek() || reloading) return;
    reloading = true;
    location.reload();
  });
  navigator.serviceWorker.register(swUrl, { scope: './' }).then(
    (registration) => {
      // a browser that blocks service workers (policy, automation) may resolve without one
      const reg = registration as ServiceWorkerRegistration | undefined;
      if (!reg) {
        offline.value = { reason: 'blocked', available: false };
        return;
      }
      activeOrWait(reg);
      watch(reg);
      // look for a new version now and then while the app stays open
      setInterval(() => void reg.update().catch(() => undefined), 60 * 60 * 1000);
    },
    (e: unknown) => {
      const detail = e instanceof Error ? e.message : String(e);
      // Chromium's policy or automation refusing service workers says so in its message
      offline.value = /disabled|blocked|denied|not allowed/i.test(detail)
        ? { reason: 'blocked', available: false, detail }
        : { reason: 'failed', available: false, detail };
    },
  );
}

/** A development build registers no service worker. */
export function markDevelopment(): void {
  if (offline.peek().reason === 'checking') offline.value = { reason: 'dev', available: false };
}

export async function applyUpdate(): Promise<void> {
  if (!waiting) return;
  applying.value = true;
  await flushFirst();
  waiting.postMessage('skipWaiting');
}

export function dismissUpdate(): void {
  dismissed.value = true;
}
