import { useInfiniteQuery } from '@tanstack/react-query';
import { FlaskConical, History, ListOrdered } from 'lucide-react';
import { useMemo } from 'react';
import type { BucketSummary, ProfileSummary } from '../../contract/api';
import { bucketQueries } from '../api/buckets';
import { Link } from '../components/link';
import { Badge, type Tone } from '../components/ui/badge';
import { Card } from '../components/ui/card';
import { describeCors } from '../features/buckets/bucket-filter';
import { formatNumber } from '../lib/i18n/format';
import { webText } from '../lib/i18n/text';
import { useBucketsWithDraft } from '../lib/draft-markers';

/** Buckets shown as shortcuts on the home page; the full list is the sidebar's. */
const SHORTCUTS = 12;

const TONE: Record<BucketSummary['cors']['status'], Tone> = { rules: 'success', none: 'neutral', 'not-supported': 'warning', error: 'danger' };

const WHAT_IT_DOES = [
  { icon: ListOrdered, title: 'home.rules.title', text: 'home.rules.text' },
  { icon: FlaskConical, title: 'home.test.title', text: 'home.test.text' },
  { icon: History, title: 'home.history.title', text: 'home.history.text' },
] as const;

/** A profile's home: what the console does, its buckets at a glance, shortcuts into them. */
export function HomePage({ profile }: { profile: ProfileSummary }) {
  const query = useInfiniteQuery(bucketQueries.list(profile.id));
  const drafts = useBucketsWithDraft(profile.id);
  const listed = useMemo(() => query.data?.pages.flatMap((p) => p.buckets) ?? [], [query.data]);
  const total = query.data?.pages[0]?.total ?? 0;
  const counts = useMemo(() => {
    const by = { rules: 0, none: 0, 'not-supported': 0, error: 0 };
    for (const b of listed) by[b.cors.status]++;
    return by;
  }, [listed]);
  const shortcuts = useMemo(() => [...listed.filter((b) => drafts.has(b.name)), ...listed.filter((b) => !drafts.has(b.name))].slice(0, SHORTCUTS), [listed, drafts]);

  return (
    <section className="home" aria-labelledby="home-title">
      <h2 id="home-title">{profile.label}</h2>
      <p className="home-profile">
        <Badge tone="info">{profile.kind.toUpperCase()}</Badge>
        <span>{webText('home.dialect', { dialect: profile.dialect })}</span>
        <span aria-hidden="true">·</span>
        <span>{profile.endpoint ?? webText('home.default-endpoint')}</span>
      </p>
      <p className="home-lead">{webText('home.lead')}</p>

      <h3>{webText('buckets.title')}</h3>
      {query.isPending ? (
        <p className="muted">{webText('buckets.loading')}</p>
      ) : query.isError ? null : (
        <>
          <ul className="home-stats" aria-label={webText('home.stats-label')}>
            <li>
              <Badge tone="neutral">{webText('home.bucket-count', { count: total })}</Badge>
            </li>
            {counts.rules > 0 && (
              <li>
                <Badge tone="success">{webText('home.with-rules', { count: formatNumber(counts.rules) })}</Badge>
              </li>
            )}
            {counts.none > 0 && (
              <li>
                <Badge tone="neutral">{webText('home.without-cors', { count: formatNumber(counts.none) })}</Badge>
              </li>
            )}
            {counts['not-supported'] + counts.error > 0 && (
              <li>
                <Badge tone="warning">{webText('home.unreadable', { count: formatNumber(counts['not-supported'] + counts.error) })}</Badge>
              </li>
            )}
            {drafts.size > 0 && (
              <li>
                <Badge tone="info">{webText('home.draft-count', { count: drafts.size })}</Badge>
              </li>
            )}
          </ul>
          {shortcuts.length > 0 && (
            <ul className="home-buckets" aria-label={webText('home.open-bucket')}>
              {shortcuts.map((b) => (
                <li key={b.name}>
                  <Link to={{ name: 'bucket', profile: profile.id, bucket: b.name, tab: 'rules' }}>
                    <span className="bucket-name">{b.name}</span>
                    <span className="home-bucket-badges">
                      {drafts.has(b.name) && <Badge tone="info">{webText('home.draft')}</Badge>}
                      <Badge tone={TONE[b.cors.status]}>{describeCors(b.cors)}</Badge>
                    </span>
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </>
      )}

      <h3>{webText('home.what-you-can-do')}</h3>
      <div className="home-grid">
        {WHAT_IT_DOES.map(({ icon: Icon, title, text }) => (
          <Card key={title}>
            <h4>
              <Icon aria-hidden="true" className="ui-icon" />
              {webText(title)}
            </h4>
            <p>{webText(text)}</p>
          </Card>
        ))}
      </div>
    </section>
  );
}
