import { useEffect, useRef, useState, type ReactNode } from 'react';
import { cx } from './cx';
import './ui.css';

/** A header cell: its text, or text only screen readers hear (a column of row actions). */
export type TableColumn = string | { label: string; hidden: true };

export interface TableProps {
  /** Names the table (and its scroll region when it scrolls): a table without a name is one more grid to guess at. */
  label: string;
  /** A visible caption; without one the label names the table unseen. */
  caption?: ReactNode;
  columns: readonly TableColumn[];
  /**
   * The body rows (`<tr>`). A row's first cell may be `<th scope="row">`; other cells carry
   * `data-label` (their column's name), shown before the value when a narrow container reflows
   * each row into label/value lines.
   */
  children: ReactNode;
  className?: string;
}

/**
 * Whether the element is wider than its box. Only then is the wrapper a named, focusable region
 * (axe's scrollable-region-focusable): a tab stop on a table that does not scroll would be noise.
 */
function useOverflows() {
  const ref = useRef<HTMLDivElement>(null);
  const [overflows, setOverflows] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const measure = () => setOverflows(element.scrollWidth > element.clientWidth + 1);
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    if (element.firstElementChild) observer.observe(element.firstElementChild);
    measure();
    return () => observer.disconnect();
  }, []);
  return { ref, overflows };
}

/**
 * A data table: header cells with scope, zebra rows, a hover mark. In a container narrower than
 * 36rem each row becomes a card of label/value lines, so a phone never scrolls sideways; what still
 * cannot fit (a long unbroken value) scrolls inside the table's own region, not the page.
 */
export function Table({ label, caption, columns, children, className }: TableProps) {
  const { ref, overflows } = useOverflows();
  return (
    <div ref={ref} className={cx('ui-table-wrap', className)} {...(overflows ? { role: 'region', 'aria-label': label, tabIndex: 0 } : {})}>
      <table className="ui-table" {...(caption ? {} : { 'aria-label': label })}>
        {caption && <caption className="ui-table-caption">{caption}</caption>}
        <thead>
          <tr>
            {columns.map((column) => {
              const text = typeof column === 'string' ? column : column.label;
              return (
                <th key={text} scope="col">
                  {typeof column === 'string' ? column : <span className="sr-only">{column.label}</span>}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
