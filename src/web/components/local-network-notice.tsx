import { LOCAL_NETWORK_FIX_CODES, localNetworkFixText, requestReasonText, type LocalNetworkFetch } from '../../core';
import { webText } from '../lib/i18n/feature-text';
import './local-network-notice.css';

/**
 * Chrome's Local Network Access, said where a public page meets a bucket on a private or loopback
 * address (the Test tab's verdict, the wizard): Chrome asks or refuses, no CORS rule changes it,
 * and what to do instead.
 */
export function LocalNetworkNotice({ access }: { access: LocalNetworkFetch }) {
  return (
    <aside className="local-network-notice" aria-label={webText('local-network.notice.title')} data-secure={String(access.secure)}>
      <strong>{webText('local-network.notice.title')}</strong>
      <p>{requestReasonText({ code: 'local-network-access', params: access })}</p>
      <p>{webText('local-network.notice.fixes')}</p>
      <ul>
        {LOCAL_NETWORK_FIX_CODES.map((code) => (
          <li key={code} data-fix={code}>
            {localNetworkFixText(code)}
          </li>
        ))}
      </ul>
    </aside>
  );
}
