import { useQuery } from '@tanstack/react-query';
import { ClipboardCheck, LogOut, Menu as MenuIcon, ShieldCheck } from 'lucide-react';
import type { Ref } from 'react';
import type { ProfileSummary } from '../../contract/api';
import { consoleQueries } from '../api/console';
// Each widget from its own module: the header is in the initial bundle, and the index would bring the rest.
import { Button } from '../components/ui/button';
import { Select } from '../components/ui/field';
import { Link } from '../components/link';
import { LocaleSwitcher } from '../components/locale-switcher';
import { webText } from '../lib/i18n/text';
import { navigate } from '../lib/router';
import { ThemeToggle } from './theme-toggle';

export interface AppHeaderProps {
  profiles?: ProfileSummary[];
  profileId?: string;
  /** Shown below 1024 px, where the bucket list is a drawer. */
  onOpenBuckets?: () => void;
  bucketsButton?: Ref<HTMLButtonElement>;
  onSignOut?: () => void;
  /** The Audit page is open: its link in the header is the current page. */
  auditing?: boolean;
}

/** The product's name, the profile, the language, the theme and the session: the same on every page. */
export function AppHeader({ profiles, profileId, onOpenBuckets, bucketsButton, onSignOut, auditing = false }: AppHeaderProps) {
  const session = useQuery({ ...consoleQueries.session(), enabled: onSignOut !== undefined });
  return (
    <header className="app-header">
      {onOpenBuckets && (
        <Button ref={bucketsButton} className="drawer-only" variant="ghost" icon={MenuIcon} onClick={onOpenBuckets}>
          {webText('buckets.title')}
        </Button>
      )}
      <h1>
        <Link to={{ name: 'home' }}>
          <ShieldCheck aria-hidden="true" className="app-header-logo" />
          cors-console
        </Link>
      </h1>
      <span className="app-header-spacer" />
      <div className="app-header-tools">
        {profileId !== undefined && (
          <Link to={{ name: 'audit', profile: profileId }} className="app-header-link" current={auditing}>
            <ClipboardCheck aria-hidden="true" className="ui-icon" />
            {webText('app-header.audit')}
          </Link>
        )}
        {profiles && profiles.length > 0 && (
          <Select label={webText('app-header.profile')} className="profile-switcher" value={profileId ?? ''} onChange={(e) => navigate({ name: 'profile', profile: e.target.value })}>
            {profileId === undefined && <option value="">{webText('app-header.choose-profile')}</option>}
            {profiles.map((p) => (
              <option key={p.id} value={p.id}>
                {p.label} ({p.dialect})
              </option>
            ))}
          </Select>
        )}
        <LocaleSwitcher />
        <ThemeToggle />
        {onSignOut && session.data?.required && session.data.authenticated && (
          <Button variant="ghost" size="sm" icon={LogOut} onClick={onSignOut}>
            {webText('app-header.sign-out')}
          </Button>
        )}
      </div>
    </header>
  );
}
