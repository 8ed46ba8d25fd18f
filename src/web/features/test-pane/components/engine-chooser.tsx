import type { HostEngine } from '../../../../contract/api';
import type { BrowserEngine } from '../../../../core';
import { Checkbox } from '../../../components/ui/choice';
import { engineMissingText, engineText } from '../../../lib/messages';
import { webText } from '../../../lib/i18n/feature-text';

/** The engines to run in: installed ones can be chosen; missing ones are shown disabled, with the command that installs them. */
export function EngineChooser({ engines, chosen, onChange, disabled }: { engines: readonly HostEngine[]; chosen: readonly BrowserEngine[]; onChange: (chosen: BrowserEngine[]) => void; disabled: boolean }) {
  return (
    <fieldset className="tp-engine-chooser" disabled={disabled}>
      <legend className="tp-label">{webText('test-pane.engines.legend')}</legend>
      {engines.map((host) => (
        <div key={host.engine} className="tp-engine-choice">
          <Checkbox
            label={engineText(host.engine)}
            checked={host.available && chosen.includes(host.engine)}
            disabled={!host.available}
            onChange={(event) => onChange(event.target.checked ? [...chosen, host.engine] : chosen.filter((engine) => engine !== host.engine))}
          />
          {!host.available && (
            <p className="tp-muted tp-engine-missing">
              {engineMissingText(host.missing)} <code className="tp-mono">{host.installCommand}</code>
            </p>
          )}
        </div>
      ))}
    </fieldset>
  );
}
