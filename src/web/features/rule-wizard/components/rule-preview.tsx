import { explanationText, type CorsRule, type Explanation, type ExplanationField } from '../../../../core';
import { Table } from '../../../components/ui';
import { RULE_FIELD_LABELS, RULE_FIELDS } from '../../../lib/issue-location';

const FIELD_LABELS: Record<keyof CorsRule, string> = RULE_FIELD_LABELS;
const COLUMNS = ['Field', 'Value', 'Why'];
const FIELDS: readonly (keyof CorsRule)[] = RULE_FIELDS;

function valueText(rule: CorsRule, field: keyof CorsRule): string {
  const value = rule[field];
  if (value === undefined) return '(none)';
  if (Array.isArray(value)) return value.length ? value.join(', ') : '(none)';
  return field === 'maxAgeSeconds' ? `${value} s` : String(value);
}

/** A generated rule, field by field, each value beside the reasons the wizard chose it. */
export function RulePreview({ rule, explanations, caption }: { rule: CorsRule; explanations: Explanation[]; caption: string }) {
  const about = (field: ExplanationField) => explanations.filter((e) => e.field === field);
  const others = explanations.filter((e) => !FIELDS.includes(e.field as keyof CorsRule));
  return (
    <Table label={caption} caption={caption} columns={COLUMNS} className="rw-rule">
      {FIELDS.map((field) => (
        <tr key={field} data-field={field}>
          <th scope="row">{FIELD_LABELS[field]}</th>
          <td data-label="Value" className="rw-value">
            {valueText(rule, field)}
          </td>
          <td data-label="Why">
            <ul className="rw-why">
              {about(field).map((e, i) => (
                <li key={i}>{explanationText(e)}</li>
              ))}
            </ul>
          </td>
        </tr>
      ))}
      {others.length > 0 && (
        <tr data-field="rules">
          <th scope="row">Rule as a whole</th>
          <td data-label="Value" />
          <td data-label="Why">
            <ul className="rw-why">
              {others.map((e, i) => (
                <li key={i}>{explanationText(e)}</li>
              ))}
            </ul>
          </td>
        </tr>
      )}
    </Table>
  );
}
