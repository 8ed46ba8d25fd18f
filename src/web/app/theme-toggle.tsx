import * as ToggleGroup from '@radix-ui/react-toggle-group';
import { Monitor, Moon, Sun } from 'lucide-react';
import { webText } from '../lib/i18n/text';
import { useThemeChoice, type ThemeChoice } from '../lib/theme';

const CHOICES = [
  { value: 'system', label: 'theme.system', icon: Monitor },
  { value: 'light', label: 'theme.light', icon: Sun },
  { value: 'dark', label: 'theme.dark', icon: Moon },
] as const;

/** System, light or dark; remembered across visits (public/theme.js applies it before first paint). */
export function ThemeToggle() {
  const [choice, choose] = useThemeChoice();
  return (
    <ToggleGroup.Root type="single" className="theme-toggle" aria-label={webText('theme.label')} value={choice} onValueChange={(value) => value && choose(value as ThemeChoice)}>
      {CHOICES.map(({ value, label, icon: Icon }) => (
        <ToggleGroup.Item key={value} value={value} aria-label={webText(label)} title={webText(label)} className="theme-toggle-item">
          <Icon aria-hidden="true" className="ui-icon" />
        </ToggleGroup.Item>
      ))}
    </ToggleGroup.Root>
  );
}
