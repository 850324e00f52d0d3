/** Whether a file of `size` bytes fits what the browser still grants this origin (navigator.storage.estimate). */
export interface StorageEstimateLike {
  readonly quota?: number | undefined;
  readonly usage?: number | undefined;
}

/** Room kept free for the scenarios and their history, so a large basemap never starves them. */
export const RESERVED_BYTES = 50 * 1024 * 1024;

export type QuotaCheck = { readonly fits: true } | { readonly fits: false; readonly available: number };

export function checkQuota(size: number, estimate: StorageEstimateLike | null): QuotaCheck {
  // no estimate (an old browser): try, and let a failed write say so
  if (!estimate || estimate.quota === undefined) return { fits: true };
  const available = Math.max(0, estimate.quota - (estimate.usage ?? 0) - RESERVED_BYTES);
  return size <= available ? { fits: true } : { fits: false, available };
}

/** 1.2 GB / 350 MB / 12 KB: sizes as a planner reads them. */
export function formatBytes(n: number): string {
  if (n >= 1e9) return `${(n / 1e9).toFixed(1)} GB`;
  if (n >= 1e6) return `${(n / 1e6).toFixed(n >= 1e8 ? 0 : 1)} MB`;
  if (n >= 1e3) return `${Math.round(n / 1e3)} KB`;
  return `${n} B`;
}
