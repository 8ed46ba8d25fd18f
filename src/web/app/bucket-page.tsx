import { useEffect, useRef } from 'react';
import type { ProfileSummary } from '../../contract/api';
import { Tab, TabList, TabPanel, Tabs } from '../components/ui/tabs';
import { BucketWorkspaceProvider } from '../lib/bucket-workspace';
import { webText } from '../lib/i18n/feature-text';
import { HISTORY_TEXT } from '../lib/messages';
import { navigate, type BucketTab } from '../lib/router';
import { DriftBanner } from '../features/history/components/drift-banner';
import { HistoryView } from '../features/history/components/history-view';
import { BulkApplyButton } from '../features/bulk-apply/components/bulk-apply-button';
import { ImportExportButtons } from '../features/import-export/components/import-export-buttons';
import { RuleEditor } from '../features/rule-editor/components/rule-editor';
import { RuleWizard } from '../features/rule-wizard/components/rule-wizard';
import { TestPane } from '../features/test-pane/components/test-pane';

const TAB_IDS: readonly BucketTab[] = ['rules', 'test', 'history'];

/** Each tab's label in the active locale (read at render: the locale can change). */
const tabLabel = (tab: BucketTab): string => (tab === 'rules' ? webText('bucket-page.tab.rules') : tab === 'test' ? webText('bucket-page.tab.test') : HISTORY_TEXT.tab);

const isBucketTab = (value: string): value is BucketTab => (TAB_IDS as readonly string[]).includes(value);

/**
 * A bucket: its rules, its test pane and its history, as tabs (arrow keys move between them) with
 * a deep link each. The rules and test panels stay mounted, so the draft, the test pane's request
 * and its last result survive switching tabs.
 */
export function BucketPage({ profile, bucket, tab }: { profile: ProfileSummary; bucket: string; tab: BucketTab }) {
  const heading = useRef<HTMLHeadingElement>(null);
  // A bucket was chosen: focus goes to its page, not left behind in the list.
  useEffect(() => {
    heading.current?.focus();
  }, [profile.id, bucket]);

  const select = (value: string) => {
    if (isBucketTab(value)) navigate({ name: 'bucket', profile: profile.id, bucket, tab: value });
  };

  return (
    <article className="bucket-page" aria-labelledby="bucket-title">
      <div className="bucket-page-header">
        <h2 id="bucket-title" ref={heading} tabIndex={-1}>
          {bucket}
        </h2>
      </div>
      <Tabs value={tab} onValueChange={select}>
        <TabList aria-label={webText('bucket-page.views')}>
          {TAB_IDS.map((t) => (
            <Tab key={t} value={t}>
              {tabLabel(t)}
            </Tab>
          ))}
        </TabList>
        {profile.capabilities.bucketCors && <DriftBanner profile={profile} bucket={bucket} />}
        <BucketWorkspaceProvider key={`${profile.id}/${bucket}`}>
          <TabPanel value="rules" keepMountedWhile={tab}>
            {profile.capabilities.bucketCors && (
              <div className="rules-tools" role="group" aria-label={webText('bucket-page.draft-tools')}>
                <RuleWizard profile={profile} />
                <ImportExportButtons profile={profile} bucket={bucket} />
                <BulkApplyButton profile={profile} bucket={bucket} />
              </div>
            )}
            <RuleEditor profile={profile} bucket={bucket} />
          </TabPanel>
          <TabPanel value="test" keepMountedWhile={tab}>
            <TestPane profile={profile} bucket={bucket} />
          </TabPanel>
          <TabPanel value="history">{tab === 'history' && <HistoryView profile={profile} bucket={bucket} />}</TabPanel>
        </BucketWorkspaceProvider>
      </Tabs>
    </article>
  );
}
