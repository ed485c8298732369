import type { ColoRadar } from '../../src/core/radar/radar-wire.ts';
import type { Messages } from './messages.ts';

/** Enough to see where a CDN fails; the API keeps the rest for whoever wants every data centre. */
const MAX_SHOWN = 24;

/**
 * A CDN's published data centres, most failing sites first (the API's order). Only cells above the privacy floor
 * reach the page at all; the state is written out, not only coloured.
 */
export function ColoCells({ cells, m }: { cells: readonly ColoRadar[]; m: Messages }) {
  return (
    <section class="colos">
      <h3>{m.colosHeading}</h3>
      {cells.length === 0 ? (
        <p>{m.noColos}</p>
      ) : (
        <ul>
          {cells.slice(0, MAX_SHOWN).map((cell) => (
            <li key={cell.colo} data-state={cell.state}>
              {m.colo(cell.colo, m.state[cell.state], cell.sites.m15)}
            </li>
          ))}
          {cells.length > MAX_SHOWN && <li class="more">{m.moreColos(cells.length - MAX_SHOWN)}</li>}
        </ul>
      )}
    </section>
  );
}
