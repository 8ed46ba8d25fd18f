import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { Table } from '../../../src/web/components/ui';

function Rows() {
  return (
    <Table label="Buckets" columns={['Bucket', 'Rules', { label: 'Actions', hidden: true }]}>
      <tr>
        <th scope="row">photos</th>
        <td data-label="Rules">2 rules</td>
        <td>
          <a href="#photos">Open</a>
        </td>
      </tr>
    </Table>
  );
}

const sizes = ['scrollWidth', 'clientWidth'] as const;
const saved = sizes.map((name) => [name, Object.getOwnPropertyDescriptor(HTMLElement.prototype, name)] as const);
const savedObserver = globalThis.ResizeObserver;

afterEach(() => {
  cleanup();
  for (const [name, descriptor] of saved) if (descriptor) Object.defineProperty(HTMLElement.prototype, name, descriptor);
  globalThis.ResizeObserver = savedObserver;
});

describe('Table', () => {
  it('is a named table whose header cells have their scope, with a column named for screen readers only', () => {
    render(<Rows />);
    const table = screen.getByRole('table', { name: 'Buckets' });
    expect(within(table).getAllByRole('columnheader').map((th) => [th.textContent, th.getAttribute('scope')])).toEqual([
      ['Bucket', 'col'],
      ['Rules', 'col'],
      ['Actions', 'col'],
    ]);
    expect(within(table).getByText('Actions').className).toBe('sr-only');
    expect(within(table).getByRole('rowheader', { name: 'photos' })).toBeTruthy();
    // No scrolling, no extra tab stop and no landmark.
    expect(table.parentElement!.getAttribute('tabindex')).toBeNull();
    expect(screen.queryByRole('region')).toBeNull();
  });

  it('takes a visible caption as its name', () => {
    render(
      <Table label="unused" caption="What each bucket holds" columns={['Bucket']}>
        <tr>
          <th scope="row">photos</th>
        </tr>
      </Table>,
    );
    expect(screen.getByRole('table', { name: 'What each bucket holds' })).toBeTruthy();
  });

  it('becomes a named, focusable region when its content is wider than its box, so a keyboard can scroll it', () => {
    // jsdom has no layout: the wrapper reports 800 px of content in 360 px, as a phone would.
    Object.defineProperty(HTMLElement.prototype, 'scrollWidth', { configurable: true, get: () => 800 });
    Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 360 });
    globalThis.ResizeObserver = class {
      observe() {}
      unobserve() {}
      disconnect() {}
    };
    render(<Rows />);
    const region = screen.getByRole('region', { name: 'Buckets' });
    expect(region.tabIndex).toBe(0);
    expect(within(region).getByRole('table', { name: 'Buckets' })).toBeTruthy();
  });
});
