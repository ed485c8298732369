import { SERIES_POINTS, type VendorDetail, type VendorRadar } from '../../src/core/radar/radar-wire.ts';
import { vendorName } from '../../src/shared/vendor-names.ts';
import { ColoCells } from './ColoCells.tsx';
import { HourChart } from './HourChart.tsx';
import type { Messages } from './messages.ts';

/** A CDN with nothing published reads as zeros in the API, its hour included; drawn as the flat line it is. */
const QUIET_HOUR: readonly number[] = Array.from({ length: SERIES_POINTS }, () => 0);

/** One CDN: its state now, its failing sites, its last hour and its published data centres. */
export function VendorCard({
  vendor,
  detail,
  m,
}: {
  vendor: VendorRadar;
  detail: VendorDetail | undefined;
  m: Messages;
}) {
  const name = vendorName(vendor.vendor);
  const headingId = `vendor-${vendor.vendor}`;
  return (
    <article class="vendor" data-vendor={vendor.vendor} data-state={vendor.state} aria-labelledby={headingId}>
      <h2 id={headingId}>{name}</h2>
      <p class="state">
        <span class="badge">{m.state[vendor.state]}</span>
        <span>{detail ? m.sites15(vendor.sites.m15) : m.quiet}</span>
      </p>
      <HourChart series={detail?.series.map((point) => point.sites) ?? QUIET_HOUR} vendor={name} m={m} />
      {detail && <ColoCells cells={detail.cells} m={m} />}
    </article>
  );
}
