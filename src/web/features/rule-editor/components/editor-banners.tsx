import { Button } from '../../../components/ui';
import { formatDraftTime } from '../draft-storage';

/** The draft kept from an earlier visit; "Discard changes" in the toolbar is the one way to drop it. */
export function DraftBanner({ savedAt, onReview }: { savedAt: string; onReview: () => void }) {
  return (
    <div className="re-banner" role="region" aria-label="Unsaved draft">
      <p>Unsaved draft from {formatDraftTime(savedAt)}. It is kept in this browser until you save it or use Discard changes.</p>
      <Button size="sm" onClick={onReview}>
        Review
      </Button>
    </div>
  );
}

/** The provider now holds another version than the draft started from: compare with a draft, else offer to load it. */
export function ProviderChangedBanner({ holds, hasDraft, onCompare, onLoad }: { holds: string; hasDraft: boolean; onCompare: () => void; onLoad: () => void }) {
  return (
    <div className="re-banner re-banner-info">
      {hasDraft ? (
        <>
          <p>The provider&apos;s configuration changed since this draft started; it now holds {holds}.</p>
          <Button size="sm" onClick={onCompare}>
            Compare
          </Button>
        </>
      ) : (
        <>
          <p>The provider&apos;s configuration changed; it now holds {holds}.</p>
          <Button size="sm" onClick={onLoad}>
            Load it
          </Button>
        </>
      )}
    </div>
  );
}
