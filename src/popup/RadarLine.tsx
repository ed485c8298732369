import type { RadarFacts } from '../core/radar/radar-client.ts';
import { sparkPoints } from '../core/radar/sparkline.ts';
import { formatMessage } from '../shared/i18n.ts';

const WIDTH = 120;
const HEIGHT = 24;

/**
 * "Cloudflare right now": the CDN radar's state for the page's CDN and its last hour, when the radar answered. The
 * chart is an image with its numbers as its text alternative, so a screen reader hears the same hour.
 */
export function RadarLine({ radar }: { radar: RadarFacts | null }) {
  if (!radar) return null;
  const vendor = radar.vendor;
  return (
    <section
      class="radar"
      data-radar-state={radar.state}
      aria-label={formatMessage({ key: 'radar_title', params: { vendor } })}
    >
      <p>
        {formatMessage({ key: `radar_${radar.state}`, params: { vendor, count: radar.sites15 } })}
        {radar.colos.length > 0 && <span class="colos"> ({radar.colos.join(', ')})</span>}
      </p>
      {radar.series.length > 1 && (
        <svg
          role="img"
          aria-label={formatMessage({ key: 'radar_chart', params: { vendor, points: radar.series.join(', ') } })}
          viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
          width={WIDTH}
          height={HEIGHT}
        >
          <polyline
            points={sparkPoints(radar.series, WIDTH, HEIGHT)}
            fill="none"
            stroke="currentColor"
            stroke-width="1.5"
          />
        </svg>
      )}
    </section>
  );
}
