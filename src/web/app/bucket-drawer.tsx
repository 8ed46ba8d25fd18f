import type { ProfileSummary } from '../../contract/api';
import { Dialog } from '../components/ui/dialog';
import { BucketList } from '../features/buckets/components/bucket-list';
import { webText } from '../lib/i18n/feature-text';

/** The bucket list below 1024 px: a drawer from the left edge; choosing a bucket closes it. */
export function BucketDrawer({ profile, selected, onClose }: { profile: ProfileSummary; selected?: string; onClose: () => void }) {
  return (
    <Dialog title={webText('buckets.title')} placement="drawer" onClose={onClose}>
      {/* A bucket link was followed: the drawer has done its job. */}
      <div className="drawer-body" onClick={(event) => (event.target as Element).closest('a[href]') && onClose()}>
        <BucketList profile={profile} {...(selected !== undefined ? { selected } : {})} />
      </div>
    </Dialog>
  );
}
