import { useState } from 'preact/hooks';
import { t } from '../shared/i18n.ts';

type CopyState = 'idle' | 'copied' | 'failed';

/** The CDN's request id, with Copy: it is what the site's support (or the CDN's) asks for first. */
export function RayId({ rayId }: { rayId: string | null | undefined }) {
  const [copy, setCopy] = useState<CopyState>('idle');
  if (!rayId) return null;
  const onCopy = async () => {
    try {
      await navigator.clipboard.writeText(rayId);
      setCopy('copied');
    } catch {
      setCopy('failed');
    }
  };
  return (
    <div class="fact" data-fact="ray-id">
      <dt>{t('fact_rayId')}</dt>
      <dd class="ray">
        <code>{rayId}</code>
        <button
          type="button"
          class="small"
          data-action="copy-ray"
          aria-label={t('popup_copyRayId')}
          onClick={() => void onCopy()}
        >
          {t('popup_copy')}
        </button>
        <span role="status" class="copy-status">
          {copy === 'copied' ? t('popup_copied') : copy === 'failed' ? t('popup_copyFailed') : ''}
        </span>
      </dd>
    </div>
  );
}
