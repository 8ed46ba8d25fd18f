import { explanationText, type CorsRule, type Explanation, type ExplanationField } from '../../../../core';
import { Table } from '../../../components/ui';
import { listText } from '../../../../core/messages/words';
import { webText } from '../../../lib/i18n/feature-text';
import { RULE_FIELD_LABELS, RULE_FIELDS } from '../../../lib/issue-location';

const FIELD_LABELS: Record<keyof CorsRule, string> = RULE_FIELD_LABELS;
const FIELDS: readonly (keyof CorsRule)[] = RULE_FIELDS;

function valueText(rule: CorsRule, field: keyof CorsRule): string {
  const value = rule[field];
  if (value === undefined) return webText('wizard.preview.none');
  if (Array.isArray(value)) return value.length ? listText(value) : webText('wizard.preview.none');
  return field === 'maxAgeSeconds' ? webText('wizard.preview.seconds', { seconds: String(value) }) : String(value);
}

/** A generated rule, field by field, each value beside the reasons the wizard chose it. */
export function RulePreview({ rule, explanations, caption }: { rule: CorsRule; explanations: Explanation[]; caption: string }) {
  const about = (field: ExplanationField) => explanations.filter((e) => e.field === field);
  const others = explanations.filter((e) => !FIELDS.includes(e.field as keyof CorsRule));
  const [field, value, why] = [webText('wizard.preview.field'), webText('wizard.preview.value'), webText('wizard.preview.why')];
  return (
    <Table label={caption} caption={caption} columns={[field, value, why]} className="rw-rule">
      {FIELDS.map((name) => (
        <tr key={name} data-field={name}>
          <th scope="row">{FIELD_LABELS[name]}</th>
          <td data-label={value} className="rw-value">
            {valueText(rule, name)}
          </td>
          <td data-label={why}>
            <ul className="rw-why">
              {about(name).map((e, i) => (
                <li key={i}>{explanationText(e)}</li>
              ))}
            </ul>
          </td>
        </tr>
      ))}
      {others.length > 0 && (
        <tr data-field="rules">
          <th scope="row">{webText('wizard.preview.whole-rule')}</th>
          <td data-label={value} />
          <td data-label={why}>
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
