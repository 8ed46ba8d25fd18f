/** One measured figure, with its goal when the issue sets one. */
export interface Figure {
  id: string;
  label: string;
  value: number;
  unit: string;
  /** Times and sizes are bounded above (`<`, `<=`); throughputs below (`>=`). */
  goal?: { op: '<=' | '<' | '>='; value: number };
  /** How it was measured (runs, what the ratio compares). */
  detail: string;
}

export function goalMet(figure: Figure): boolean | null {
  if (!figure.goal) return null;
  switch (figure.goal.op) {
    case '<=':
      return figure.value <= figure.goal.value;
    case '<':
      return figure.value < figure.goal.value;
    case '>=':
      return figure.value >= figure.goal.value;
  }
}

export function markdownTable(figures: readonly Figure[]): string {
  const rows = figures.map((f) => {
    const met = goalMet(f);
    const goal = f.goal ? `${f.goal.op} ${f.goal.value} ${f.unit}` : 'for the record';
    return `| ${f.label} | ${f.value} ${f.unit} | ${goal} | ${met === null ? '—' : met ? 'met' : '**missed**'} | ${f.detail} |`;
  });
  return ['| Figure | Value | Goal | Verdict | How |', '|---|---|---|---|---|', ...rows].join('\n');
}
