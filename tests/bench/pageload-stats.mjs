// Paired ratios and their spread for bench:pageload: a median, and a percentile-bootstrap 95 % interval of it.

/** @param {number[]} xs */
export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** A small seeded generator, so a rerun over the same samples prints the same interval. */
function mulberry32(seed) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The median of `xs` and a 95 % percentile-bootstrap interval for it.
 * @param {number[]} xs @param {number} [resamples]
 */
export function bootstrapMedian(xs, resamples = 2000) {
  const random = mulberry32(0x5eed);
  const medians = [];
  for (let r = 0; r < resamples; r++) medians.push(median(xs.map(() => xs[Math.floor(random() * xs.length)])));
  medians.sort((a, b) => a - b);
  return {
    median: median(xs),
    low: medians[Math.floor(0.025 * resamples)],
    high: medians[Math.ceil(0.975 * resamples) - 1],
  };
}
