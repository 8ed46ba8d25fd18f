import { configure } from '@testing-library/react';
// English active from the start, as src/web/main.tsx makes it before the first render: a
// component that only speaks through the web catalogue (the theme toggle) renders on its own.
import '../../src/web/lib/i18n/activate';

// The component tests render against the real console API and s3rver. `findBy*` and `waitFor`
// give up after 1 s by default, which a loaded machine exceeds (CI, stop 14: the bulk-apply picker
// still said "Loading buckets…" at 1 s). They wait for conditions, so a longer bound costs nothing
// when things are quick; the test's own 30 s timeout stays the outer limit.
configure({ asyncUtilTimeout: 15_000 });
