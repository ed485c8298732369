/**
 * The radar's last hour drawn as a line, shared by the popup's "right now" line and the public radar page. The shape
 * is what matters (a cliff at the onset), so the line is scaled to its own peak; the exact numbers go in the chart's
 * text alternative.
 */

/**
 * SVG `points` for a polyline `width` × `height` user units, leaving a unit at the top and bottom so the stroke is
 * not clipped.
 * @example sparkPoints([0, 2, 4], 120, 24) // '0,23 60,12 120,1'
 */
export function sparkPoints(series: readonly number[], width: number, height: number): string {
  const peak = Math.max(1, ...series);
  const step = series.length > 1 ? width / (series.length - 1) : 0;
  return series
    .map((value, index) => `${Math.round(index * step)},${Math.round(height - 1 - (value / peak) * (height - 2))}`)
    .join(' ');
}
