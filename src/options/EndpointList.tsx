import { useState } from 'preact/hooks';
import { t } from '../shared/i18n.ts';
import { isPeerEndpoint, MAX_PEER_ENDPOINTS, PLACEHOLDER_PEER_ENDPOINT } from '../shared/settings.ts';

interface Props {
  endpoints: string[];
  onChange: (next: string[]) => Promise<void>;
}

/** The peer-report servers: each removable, new ones added only as https URLs. */
export function EndpointList({ endpoints, onChange }: Props) {
  const [draft, setDraft] = useState('');
  const [error, setError] = useState('');

  const add = async (event: Event) => {
    event.preventDefault();
    const url = draft.trim();
    const problem = !isPeerEndpoint(url)
      ? t('options_endpointInvalid')
      : endpoints.includes(url)
        ? t('options_endpointDuplicate')
        : endpoints.length >= MAX_PEER_ENDPOINTS
          ? t('options_endpointMax', { max: MAX_PEER_ENDPOINTS })
          : '';
    setError(problem);
    if (problem) return;
    setDraft('');
    await onChange([...endpoints, url]);
  };

  return (
    <div>
      <h3 id="endpoints-heading">{t('options_endpoints')}</h3>
      {endpoints.length === 0 ? (
        <p class="hint">{t('options_endpointsNone')}</p>
      ) : (
        <ul class="plain" aria-labelledby="endpoints-heading">
          {endpoints.map((url) => (
            <li key={url}>
              <code>{url}</code>
              {url === PLACEHOLDER_PEER_ENDPOINT && <span class="hint">{t('options_endpointPlaceholder')}</span>}
              <button
                type="button"
                aria-label={t('options_endpointRemove', { url })}
                onClick={() => void onChange(endpoints.filter((e) => e !== url))}
              >
                {t('options_remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form class="row" onSubmit={(event) => void add(event)} noValidate>
        <label for="endpoint-new">{t('options_endpointAdd')}</label>
        <input
          id="endpoint-new"
          type="url"
          inputMode="url"
          placeholder="https://"
          value={draft}
          onInput={(event) => setDraft(event.currentTarget.value)}
          aria-invalid={error !== ''}
          aria-describedby={error ? 'endpoint-error' : undefined}
        />
        <button type="submit">{t('options_add')}</button>
      </form>
      {error && (
        <p id="endpoint-error" class="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
