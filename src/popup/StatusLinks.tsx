import { t } from '../shared/i18n.ts';
import type { StatusLinks as Links } from '../shared/messages.ts';
import { vendorName } from '../shared/vendor-names.ts';

interface Props {
  links: Links | undefined;
  vendor: string | null;
  host: string;
}

/** The public status pages a person can read for themselves: the CDN's and the site's own, when known. */
export function StatusLinks({ links, vendor, host }: Props) {
  if (!links || (!links.vendor && !links.site)) return null;
  return (
    <ul class="status-links" aria-label={t('popup_statusPages')}>
      {links.vendor && vendor && (
        <li>
          <a href={links.vendor} target="_blank" rel="noreferrer" data-link="vendor-status">
            {t('popup_vendorStatusPage', { vendor: vendorName(vendor) })}
          </a>
        </li>
      )}
      {links.site && (
        <li>
          <a href={links.site} target="_blank" rel="noreferrer" data-link="site-status">
            {t('popup_siteStatusPage', { host })}
          </a>
        </li>
      )}
    </ul>
  );
}
