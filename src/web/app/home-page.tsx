import { useInfiniteQuery } from '@tanstack/react-query';
import { FlaskConical, History, ListOrdered } from 'lucide-react';
import { useMemo } from 'react';
import type { BucketSummary, ProfileSummary } from '../../contract/api';
import { bucketQueries } from '../api/buckets';
import { Link } from '../components/link';
import { Badge, type Tone } from '../components/ui/badge';
import { Card } from '../components/ui/card';
import { describeCors } from '../features/buckets/bucket-filter';
import { useBucketsWithDraft } from '../lib/draft-markers';

/** Buckets shown as shortcuts on the home page; the full list is the sidebar's. */
const SHORTCUTS = 12;

const TONE: Record<BucketSummary['cors']['status'], Tone> = { rules: 'success', none: 'neutral', 'not-supported': 'warning', error: 'danger' };

const WHAT_IT_DOES = [
  { icon: ListOrdered, title: 'Rules', text: 'Read and edit a bucket’s CORS rules in the order the provider evaluates them, with every issue explained, a diff before each save, and drafts that survive a reload.' },
  { icon: FlaskConical, title: 'Test', text: 'Send real requests from this browser to the bucket, see what the browser decides and why, and fix a refusal with the strictest rule that allows it.' },
  { icon: History, title: 'History', text: 'Every configuration the console saw or wrote, with the difference each change made, and any earlier one back in one click.' },
];

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
        <span>dialect {profile.dialect}</span>
        <span aria-hidden="true">·</span>
        <span>{profile.endpoint ?? 'default endpoint'}</span>
      </p>
      <p className="home-lead">cors-console shows and edits the CORS rules of this profile’s buckets and tests them from this browser. Choose a bucket to see its rules in the order the provider evaluates them.</p>

      <h3>Buckets</h3>
      {query.isPending ? (
        <p className="muted">Loading buckets…</p>
      ) : query.isError ? null : (
        <>
          <ul className="home-stats" aria-label="Buckets by CORS status">
            <li>
              <Badge tone="neutral">{total === 1 ? '1 bucket' : `${total} buckets`}</Badge>
            </li>
            {counts.rules > 0 && (
              <li>
                <Badge tone="success">{counts.rules} with rules</Badge>
              </li>
            )}
            {counts.none > 0 && (
              <li>
                <Badge tone="neutral">{counts.none} without CORS</Badge>
              </li>
            )}
            {counts['not-supported'] + counts.error > 0 && (
              <li>
                <Badge tone="warning">{counts['not-supported'] + counts.error} could not be read</Badge>
              </li>
            )}
            {drafts.size > 0 && (
              <li>
                <Badge tone="info">{drafts.size === 1 ? '1 unsaved draft' : `${drafts.size} unsaved drafts`}</Badge>
              </li>
            )}
          </ul>
          {shortcuts.length > 0 && (
            <ul className="home-buckets" aria-label="Open a bucket">
              {shortcuts.map((b) => (
                <li key={b.name}>
                  <Link to={{ name: 'bucket', profile: profile.id, bucket: b.name, tab: 'rules' }}>
                    <span className="bucket-name">{b.name}</span>
                    <span className="home-bucket-badges">
                      {drafts.has(b.name) && <Badge tone="info">draft</Badge>}
                      <Badge tone={TONE[b.cors.status]}>{describeCors(b.cors)}</Badge>
                    </span>
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </>
      )}

      <h3>What you can do with a bucket</h3>
      <div className="home-grid">
        {WHAT_IT_DOES.map(({ icon: Icon, title, text }) => (
          <Card key={title}>
            <h4>
              <Icon aria-hidden="true" className="ui-icon" />
              {title}
            </h4>
            <p>{text}</p>
          </Card>
        ))}
      </div>
    </section>
  );
}
