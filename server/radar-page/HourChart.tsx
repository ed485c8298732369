import { sparkPoints } from '../../src/core/radar/sparkline.ts';
import type { Messages } from './messages.ts';

const WIDTH = 240;
const HEIGHT = 48;

/**
 * A CDN's last hour as a line, 5 minutes a point. The image's text alternative carries the numbers themselves, so a
 * screen reader hears the same hour a sighted reader sees.
 */
export function HourChart({ series, vendor, m }: { series: readonly number[]; vendor: string; m: Messages }) {
  return (
    <figure class="hour">
      <svg
        role="img"
        aria-label={m.chart(vendor, series.join(', '))}
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        preserveAspectRatio="none"
      >
        <line class="floor" x1="0" y1={HEIGHT - 1} x2={WIDTH} y2={HEIGHT - 1} />
        <polyline points={sparkPoints(series, WIDTH, HEIGHT)} />
      </svg>
      <figcaption aria-hidden="true">
        <span>{m.hourAgo}</span>
        <span>{m.now}</span>
      </figcaption>
    </figure>
  );
}
