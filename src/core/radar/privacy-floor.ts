/**
 * What the radar may publish. A count of failing sites at one data centre, or for one small CDN, could otherwise
 * single someone out: a colo that serves a small town, with one report, says that someone there had a particular
 * kind of failure a few minutes ago, and joined with a site's public outage it can name the site. So a vendor's
 * figures and a colo's cell are published only when, over the last hour, at least MIN_PUBLISHED_SITES distinct sites
 * from at least MIN_PUBLISHED_NETWORKS distinct networks stand behind them. Five sites is the smallest group in which
 * no one site's reports decide the figure (the rule's own floors are at or above it); three networks keep one
 * household or office from being the whole cell.
 */
import type { Breadth } from './breadth.ts';

export const MIN_PUBLISHED_SITES = 5;
const MIN_PUBLISHED_NETWORKS = 3;

export const isPublishable = (hour: Pick<Breadth, 'rawSites' | 'networks'>) =>
  hour.rawSites >= MIN_PUBLISHED_SITES && hour.networks >= MIN_PUBLISHED_NETWORKS;
