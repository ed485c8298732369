import { t } from '../shared/i18n.ts';

/** PRIVACY.md in short: what leaves the browser, to whom, and when. Kept in step with that file. */
export function PrivacyStatement() {
  return (
    <section aria-labelledby="privacy-heading">
      <h2 id="privacy-heading">{t('privacy_heading')}</h2>
      <p>{t('privacy_intro')}</p>
      <ul class="privacy">
        <li>{t('privacy_normal')}</li>
        <li>{t('privacy_failed')}</li>
        <li>{t('privacy_network')}</li>
        <li>{t('privacy_watch')}</li>
        <li>{t('privacy_peers')}</li>
        <li>{t('privacy_radar')}</li>
        <li>{t('privacy_archive')}</li>
        <li>{t('privacy_local')}</li>
        <li>{t('privacy_never')}</li>
      </ul>
    </section>
  );
}
