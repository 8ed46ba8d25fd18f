import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useId } from 'react';
import { ErrorMessage } from '../components/error-message';
import { BucketList } from '../features/buckets/components/bucket-list';
import { profileQueries } from '../api/console';
import { pageTitle } from '../lib/page-title';
import { navigate, useRoute } from '../lib/router';
import { ThemeToggle } from './theme-toggle';

// The bucket page (rule editor, test pane, the CORS core, XML parsing, drag and drop) is most of
// the app's code; the bucket list must not wait for it. It is fetched once the list is up.
const loadBucketPage = () => import('./bucket-page');
const BucketPage = lazy(async () => ({ default: (await loadBucketPage()).BucketPage }));

export function Layout() {
  const route = useRoute();
  const profiles = useQuery(profileQueries.list());
  const switcherId = useId();
  const profileId = route.name === 'profile' || route.name === 'bucket' ? route.profile : undefined;
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

  return (
    <div className="layout">
      <header className="app-header">
        <h1>cors-console</h1>
        {profiles.data && profiles.data.length > 0 && (
          <div className="profile-switcher">
            <label htmlFor={switcherId}>Profile</label>
            <select id={switcherId} value={profileId ?? ''} onChange={(e) => navigate({ name: 'profile', profile: e.target.value })}>
              {profileId === undefined && <option value="">Choose…</option>}
              {profiles.data.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.label} ({p.dialect})
                </option>
              ))}
            </select>
          </div>
        )}
        <ThemeToggle />
      </header>
      {profiles.isPending ? (
        <main className="content">
          <p className="muted">Loading profiles…</p>
        </main>
      ) : profiles.isError ? (
        <main className="content">
          <ErrorMessage error={profiles.error} title="The console server could not list its profiles." />
        </main>
      ) : route.name === 'not-found' || (profileId !== undefined && !profile) ? (
        <main className="content">
          <h2>Not found</h2>
          <p>{profileId && !profile ? `There is no profile "${profileId}".` : `Nothing lives at ${route.name === 'not-found' ? route.path : ''}.`}</p>
        </main>
      ) : profile ? (
        <div className="workspace">
          <aside className="sidebar">
            <BucketList key={profile.id} profile={profile} {...(route.name === 'bucket' ? { selected: route.bucket } : {})} />
          </aside>
          <main className="content">
            {route.name === 'bucket' ? (
              <Suspense fallback={<p className="muted">Loading the bucket page…</p>}>
                <BucketPage profile={profile} bucket={route.bucket} tab={route.tab} />
              </Suspense>
            ) : (
              <section>
                <h2>{profile.label}</h2>
                <p>
                  {profile.kind.toUpperCase()} · dialect {profile.dialect} · {profile.endpoint ?? 'default endpoint'}
                </p>
                <p>Choose a bucket to see its CORS rules in the order the provider evaluates them.</p>
              </section>
            )}
          </main>
        </div>
      ) : null}
    </div>
  );
}
