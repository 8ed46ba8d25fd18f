import { useCallback, useSyncExternalStore } from 'react';

/** The bucket page's tabs; `rules` has the bucket's own path. */
export type BucketTab = 'rules' | 'test' | 'history';

/** The console's pages; each has a deep link that survives a reload. */
export type Route =
  | { name: 'home' }
  | { name: 'profile'; profile: string }
  /** The profile's fleet audit (issue 20). */
  | { name: 'audit'; profile: string }
  | { name: 'bucket'; profile: string; bucket: string; tab: BucketTab }
  | { name: 'not-found'; path: string };

const segment = (value: string) => encodeURIComponent(value);

export function hrefOf(route: Route): string {
  switch (route.name) {
    case 'home':
      return '/';
    case 'profile':
      return `/p/${segment(route.profile)}`;
    case 'audit':
      return `/p/${segment(route.profile)}/audit`;
    case 'bucket':
      return `/p/${segment(route.profile)}/b/${segment(route.bucket)}${route.tab === 'rules' ? '' : `/${route.tab}`}`;
    case 'not-found':
      return route.path;
  }
}

export function parseRoute(pathname: string): Route {
  const parts = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts.length === 0) return { name: 'home' };
  const [p, profile, b, bucket, tab, ...rest] = parts;
  if (p !== 'p' || !profile) return { name: 'not-found', path: pathname };
  if (b === undefined) return { name: 'profile', profile };
  if (b === 'audit' && bucket === undefined) return { name: 'audit', profile };
  if (b !== 'b' || !bucket || rest.length) return { name: 'not-found', path: pathname };
  if (tab === undefined || tab === 'rules') return { name: 'bucket', profile, bucket, tab: 'rules' };
  if (tab === 'test' || tab === 'history') return { name: 'bucket', profile, bucket, tab };
  return { name: 'not-found', path: pathname };
}

const NAVIGATE = 'cors-console:navigate';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(NAVIGATE, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(NAVIGATE, onChange);
  };
}

export function navigate(route: Route, options: { replace?: boolean } = {}): void {
  const href = hrefOf(route);
  if (href === window.location.pathname) return;
  if (options.replace) window.history.replaceState(null, '', href);
  else window.history.pushState(null, '', href);
  window.dispatchEvent(new Event(NAVIGATE));
}

/** The current route, following the History API; no router library needed for five pages. */
export function useRoute(): Route {
  const pathname = useSyncExternalStore(subscribe, () => window.location.pathname);
  return parseRoute(pathname);
}

/** A link that navigates without a reload but stays a real link (open in new tab, copy). */
export function useLinkHandler(route: Route) {
  return useCallback(
    (event: React.MouseEvent<HTMLAnchorElement>) => {
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      event.preventDefault();
      navigate(route);
    },
    [route],
  );
}
