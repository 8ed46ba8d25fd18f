import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ConfigDiff } from '../../../src/web/components/config-diff';
import { rule } from '../../support/builders';

const app = rule({ id: 'app', allowedMethods: ['PUT', 'GET'], exposeHeaders: ['ETag'] });
const everyone = rule({ id: 'everyone', allowedOrigins: ['*'] });

describe('ConfigDiff', () => {
  it('lists the edits first, then the document lines, each labelled', () => {
    render(<ConfigDiff before={{ rules: [everyone, { ...app, exposeHeaders: [] }] }} after={{ rules: [app, everyone] }} format="s3-xml" label="What the save changes" />);
    const edits = within(screen.getByRole('list', { name: 'What the save changes' })).getAllByRole('listitem');
    expect(edits.map((item) => item.textContent)).toEqual(['Rule 2 (app) moved to position 1.', "ETag added to Rule 1 (app)'s expose headers."]);
    expect(screen.getByRole('figure').textContent).toMatch(/^As S3 XML: \d+ lines added, \d+ removed\./);
  });

  it('says so when nothing changes', () => {
    render(<ConfigDiff before={{ rules: [app] }} after={{ rules: [app] }} format="aws-json" label="What the fix changes" />);
    expect(within(screen.getByRole('list', { name: 'What the fix changes' })).getByRole('listitem').textContent).toBe('Nothing changes.');
    expect(screen.getByRole('figure').textContent).toMatch(/0 lines added, 0 removed\./);
  });
});
