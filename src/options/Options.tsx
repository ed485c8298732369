import { useState } from 'preact/hooks';
import { ConfirmButton } from '../shared/ConfirmButton.tsx';
import { t } from '../shared/i18n.ts';
import { applyPageLanguage } from '../shared/page-language.ts';
import { requestPeerConsent, withdrawPeerConsent } from '../shared/peer-consent.ts';
import { LANGUAGES, NOTIFICATION_MODES, type Settings } from '../shared/settings.ts';
import { extensionStorage } from '../shared/storage/extension-storage.ts';
import { resetSettings, writeSettings } from '../shared/storage/settings-store.ts';
import { EndpointList } from './EndpointList.tsx';
import { HintedCheckbox } from './HintedCheckbox.tsx';
import { PrivacyStatement } from './PrivacyStatement.tsx';

/** The settings page. Every change is saved at once (no Save button to forget) and announced in a live region. */
export function Options({ initial }: { initial: Settings }) {
  const [settings, setSettings] = useState(initial);
  const [status, setStatus] = useState('');

  const save = async (change: Partial<Settings>) => {
    const next = await writeSettings(extensionStorage, change);
    if (!next) return setStatus(t('options_saveFailed'));
    if (change.language) await applyPageLanguage(change.language);
    setSettings(next);
    setStatus(t('options_saved'));
  };

  /** Firefox asks its own consent first; a refusal leaves the box unticked and the setting off. */
  const setPeerReports = async (box: HTMLInputElement) => {
    const on = box.checked;
    if (on && !(await requestPeerConsent())) {
      box.checked = false;
      return setStatus(t('options_peerConsentDenied'));
    }
    if (!on) await withdrawPeerConsent();
    await save({ peerReports: on });
  };

  const reset = async () => {
    const next = await resetSettings(extensionStorage);
    await withdrawPeerConsent();
    await applyPageLanguage(next.language);
    setSettings(next);
    setStatus(t('options_resetDone'));
  };

  return (
    <main>
      <h1>{t('options_title')}</h1>
      <fieldset>
        <legend>{t('options_notifications')}</legend>
        {NOTIFICATION_MODES.map((mode) => (
          <label key={mode}>
            <input
              type="radio"
              name="notifications"
              value={mode}
              checked={settings.notifications === mode}
              onChange={() => void save({ notifications: mode })}
            />
            <span>{t(`options_notify_${mode}`)}</span>
          </label>
        ))}
        <p class="hint">{t('options_notifyHint')}</p>
      </fieldset>

      <fieldset>
        <legend>{t('options_peer')}</legend>
        <HintedCheckbox
          hintId="peer-hint"
          label="options_peerReports"
          hint="options_peerHint"
          checked={settings.peerReports}
          onChange={(box) => void setPeerReports(box)}
        />
        <HintedCheckbox
          hintId="radar-hint"
          label="options_cdnRadar"
          hint="options_cdnRadarHint"
          checked={settings.cdnRadar}
          onChange={(box) => void save({ cdnRadar: box.checked })}
        />
        <EndpointList endpoints={settings.peerEndpoints} onChange={(peerEndpoints) => save({ peerEndpoints })} />
      </fieldset>

      <fieldset>
        <legend>{t('options_archive')}</legend>
        <HintedCheckbox
          hintId="archive-hint"
          label="options_archiveLookup"
          hint="options_archiveHint"
          checked={settings.archiveLookup}
          onChange={(box) => void save({ archiveLookup: box.checked })}
        />
      </fieldset>

      <section>
        <label class="stacked" for="language">
          <strong>{t('options_language')}</strong>
        </label>
        <select
          id="language"
          value={settings.language}
          onChange={(e) => void save({ language: e.currentTarget.value as Settings['language'] })}
        >
          {LANGUAGES.map((language) => (
            <option key={language} value={language} lang={language === 'auto' ? undefined : language}>
              {t(`options_language_${language}`)}
            </option>
          ))}
        </select>
      </section>

      <PrivacyStatement />

      <section aria-labelledby="reset-heading">
        <h2 id="reset-heading">{t('options_reset')}</h2>
        <ConfirmButton
          label={t('options_reset')}
          question={t('options_resetConfirm')}
          confirmLabel={t('options_resetYes')}
          cancelLabel={t('options_cancel')}
          onConfirm={reset}
        />
      </section>

      <p class="status" role="status">
        {status}
      </p>
      <p>
        <a href="/history.html">{t('options_historyLink')}</a>
      </p>
    </main>
  );
}
