import { useQuery, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useRef, useState, type MouseEvent } from 'react';
import { ErrorMessage } from '../components/error-message';
import { BucketList } from '../features/buckets/components/bucket-list';
import { profileQueries, signOut } from '../api/console';
import { webText } from '../lib/i18n/text';
import { pageTitle } from '../lib/page-title';
import { navigate, useRoute } from '../lib/router';
import { useMediaQuery } from '../lib/use-media-query';
import { AppHeader } from './app-header';
import { HomePage } from './home-page';

// The bucket page (rule editor, test pane, the CORS core, XML parsing, drag and drop) is most of
// the app's code; the bucket list must not wait for it. It is fetched once the list is up.
const loadBucketPage = () => import('./bucket-page');
const BucketPage = lazy(async () => ({ default: (await loadBucketPage()).BucketPage }));
// The Audit page (the report's writers, the core's audit checks and their catalogue) only once opened.
const AuditPage = lazy(async () => ({ default: (await import('../features/audit/components/audit-page')).AuditPage }));
// The drawer (a Radix dialog) only below 1024 px, and only once opened.
const loadDrawer = () => import('./bucket-drawer');
const BucketDrawer = lazy(async () => ({ default: (await loadDrawer()).BucketDrawer }));

/** Where the sidebar stops fitting beside the bucket (app.css's 64rem breakpoint). */
const WIDE = '(min-width: 64rem)';

export function Layout({ onSignedOut }: { onSignedOut?: () => void }) {
  const route = useRoute();
  const profiles = useQuery(profileQueries.list());
  const queryClient = useQueryClient();
  const wide = useMediaQuery(WIDE);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const bucketsButton = useRef<HTMLButtonElement>(null);
  const main = useRef<HTMLElement>(null);
  const profileId = route.name === 'profile' || route.name === 'bucket' || route.name === 'audit' ? route.profile : undefined;
  const profile = profiles.data?.find((p) => p.id === profileId);
  const first = profiles.data?.[0];

  useEffect(() => {
    if (route.name === 'home' && first) navigate({ name: 'profile', profile: first.id }, { replace: true });
  }, [route.name, first]);

  const title = pageTitle(route, profile?.label);
  useEffect(() => {
    document.title = title;
  }, [title]);

  useEffect(() => {
    if (!profiles.data) return;
    const idle = window.setTimeout(() => void loadBucketPage(), 0);
    return () => window.clearTimeout(idle);
  }, [profiles.data]);

  const skipToContent = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    main.current?.focus();
  };

  const signOutNow = async () => {
    await signOut();
    queryClient.clear();
    onSignedOut?.();
  };

  const selected = route.name === 'bucket' ? { selected: route.bucket } : {};
  const mainProps = { id: 'main-content', ref: main, tabIndex: -1, className: 'content' } as const;

  return (
    <div className="layout">
      <a className="skip-link" href="#main-content" onClick={skipToContent}>
        {webText('layout.skip-to-content')}
      </a>
      <AppHeader
        {...(profiles.data ? { profiles: profiles.data } : {})}
        {...(profileId !== undefined ? { profileId } : {})}
        {...(profile && !wide ? { onOpenBuckets: () => setDrawerOpen(true), bucketsButton } : {})}
        {...(onSignedOut ? { onSignOut: () => void signOutNow() } : {})}
        auditing={route.name === 'audit'}
      />
      {profiles.isPending ? (
        <main {...mainProps}>
          <p className="muted">{webText('layout.loading-profiles')}</p>
        </main>
      ) : profiles.isError ? (
        <main {...mainProps}>
          <ErrorMessage error={profiles.error} title={webText('layout.profiles-failed')} />
        </main>
      ) : route.name === 'not-found' || (profileId !== undefined && !profile) ? (
        <main {...mainProps}>
          <h2>{webText('layout.not-found')}</h2>
          <p>{profileId && !profile ? webText('layout.no-profile', { profile: profileId }) : webText('layout.nothing-at', { path: route.name === 'not-found' ? route.path : '' })}</p>
        </main>
      ) : profile ? (
        <div className="workspace">
          {wide && (
            <aside className="sidebar">
              <BucketList key={profile.id} profile={profile} {...selected} />
            </aside>
          )}
          {!wide && drawerOpen && (
            <Suspense fallback={null}>
              <BucketDrawer profile={profile} {...selected} onClose={() => setDrawerOpen(false)} />
            </Suspense>
          )}
          <main {...mainProps}>
            {route.name === 'bucket' ? (
              <Suspense fallback={<p className="muted">{webText('layout.loading-bucket-page')}</p>}>
                <BucketPage profile={profile} bucket={route.bucket} tab={route.tab} />
              </Suspense>
            ) : route.name === 'audit' ? (
              <Suspense fallback={<p className="muted">{webText('layout.loading-audit-page')}</p>}>
                <AuditPage key={profile.id} profile={profile} />
              </Suspense>
            ) : (
              <HomePage profile={profile} />
            )}
          </main>
        </div>
      ) : null}
    </div>
  );
}
