import * as ToggleGroup from '@radix-ui/react-toggle-group';
import { Monitor, Moon, Sun } from 'lucide-react';
import { useThemeChoice, type ThemeChoice } from '../lib/theme';

const CHOICES = [
  { value: 'system', label: 'System theme', icon: Monitor },
  { value: 'light', label: 'Light theme', icon: Sun },
  { value: 'dark', label: 'Dark theme', icon: Moon },
] as const;

/** System, light or dark; remembered across visits (public/theme.js applies it before first paint). */
export function ThemeToggle() {
  const [choice, choose] = useThemeChoice();
  return (
    <ToggleGroup.Root type="single" className="theme-toggle" aria-label="Theme" value={choice} onValueChange={(value) => value && choose(value as ThemeChoice)}>
      {CHOICES.map(({ value, label, icon: Icon }) => (
        <ToggleGroup.Item key={value} value={value} aria-label={label} title={label} className="theme-toggle-item">
          <Icon aria-hidden="true" className="ui-icon" />
        </ToggleGroup.Item>
      ))}
    </ToggleGroup.Root>
  );
}
