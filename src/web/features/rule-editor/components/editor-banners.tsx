import { Button } from '../../../components/ui';
import { webText } from '../../../lib/i18n/feature-text';
import { formatDraftTime } from '../draft-storage';

/** The draft kept from an earlier visit; "Discard changes" in the toolbar is the one way to drop it. */
export function DraftBanner({ savedAt, onReview }: { savedAt: string; onReview: () => void }) {
  return (
    <div className="re-banner" role="region" aria-label={webText('editor.draft-banner.label')}>
      <p>{webText('editor.draft-banner.text', { time: formatDraftTime(savedAt) })}</p>
      <Button size="sm" onClick={onReview}>
        {webText('editor.draft-banner.review')}
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
          <p>{webText('editor.provider-changed.with-draft', { holds })}</p>
          <Button size="sm" onClick={onCompare}>
            {webText('editor.provider-changed.compare')}
          </Button>
        </>
      ) : (
        <>
          <p>{webText('editor.provider-changed.text', { holds })}</p>
          <Button size="sm" onClick={onLoad}>
            {webText('editor.provider-changed.load')}
          </Button>
        </>
      )}
    </div>
  );
}
