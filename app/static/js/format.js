// Small pure helpers: time labels and binary search.

/** ms -> "m:ss" (or "h:mm:ss" from one hour on). */
export function mmss(ms) {
  const total = Math.max(0, Math.floor((ms || 0) / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, "0");
  return h ? `${h}:${String(m).padStart(2, "0")}:${s}` : `${m}:${s}`;
}

/** Index of the last element <= t in the ascending array, or -1. */
export function lastLE(arr, t) {
  let lo = 0;
  let hi = arr.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (arr[mid] <= t) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}

export function clamp(v, lo, hi) {
  return Math.min(hi, Math.max(lo, v));
}

export function reducedMotion() {
  return window.matchMedia("(prefers-reduced-motion: reduce)").matches;
}

/** Bytes -> "812 Byte", "512 kB", "2,1 MB" (decimal units, as the server's labels). */
export function sizeLabel(n) {
  const v = Math.max(0, Number(n) || 0);
  if (v < 1000) return `${v} Byte`;
  if (Math.round(v / 1000) < 1000) return `${Math.round(v / 1000)} kB`;
  return `${(v / 1e6).toFixed(1).replace(".", ",")} MB`;
}
