import { describe, expect, it } from 'vitest';
import { classifyNetworkError, isRefusedByBrowser } from './network-error.ts';

describe('classifyNetworkError', () => {
  it.each([
    ['net::ERR_NAME_NOT_RESOLVED', 'dns'],
    ['NS_ERROR_UNKNOWN_HOST', 'dns'],
    ['net::ERR_CONNECTION_REFUSED', 'refused'],
    ['NS_ERROR_CONNECTION_REFUSED', 'refused'],
    ['net::ERR_CONNECTION_TIMED_OUT', 'timeout'],
    ['NS_ERROR_NET_TIMEOUT', 'timeout'],
    ['net::ERR_CERT_AUTHORITY_INVALID', 'tls'],
    ['SEC_ERROR_UNKNOWN_ISSUER', 'tls'],
    ['MOZILLA_PKIX_ERROR_SELF_SIGNED_CERT', 'tls'],
    ['net::ERR_INTERNET_DISCONNECTED', 'offline'],
    ['NS_ERROR_OFFLINE', 'offline'],
    ['net::ERR_CONNECTION_RESET', 'reset'],
    ['NS_ERROR_NET_RESET', 'reset'],
    ['net::ERR_SOMETHING_NEW', 'other'],
  ])('%s → %s', (error, category) => {
    expect(classifyNetworkError(error)).toEqual({ error, category });
  });

  it.each(['net::ERR_ABORTED', 'NS_BINDING_ABORTED'])('ignores %s (the person stopped the load)', (error) => {
    expect(classifyNetworkError(error)).toBeNull();
  });

  it.each([
    'net::ERR_BLOCKED_BY_CLIENT',
    'net::ERR_BLOCKED_BY_ADMINISTRATOR',
    'net::ERR_BLOCKED_BY_CSP',
    'NS_ERROR_BLOCKED_BY_POLICY',
    'NS_ERROR_CONTENT_BLOCKED',
    'NS_ERROR_CONTENT_BLOCKED_SHOW_ALT',
    'NS_ERROR_PHISHING_URI',
    'NS_ERROR_MALWARE_URI',
    'NS_ERROR_TRACKING_URI',
    'NS_ERROR_FINGERPRINTING_URI',
  ])('%s is this browser refusing the request, not a failure', (error) => {
    expect(classifyNetworkError(error)).toBeNull();
    expect(isRefusedByBrowser(error)).toBe(true);
  });

  it.each(['net::ERR_CONNECTION_REFUSED', 'net::ERR_ABORTED', 'NS_ERROR_ABORT', 'net::ERR_BLOCKED_BY_RESPONSE'])(
    '%s is not this browser refusing the request',
    (error) => expect(isRefusedByBrowser(error)).toBe(false),
  );

  it('cuts a hostile, huge error string', () => {
    expect(classifyNetworkError('x'.repeat(10_000))?.error).toHaveLength(120);
  });
});
