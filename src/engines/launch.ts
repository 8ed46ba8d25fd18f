// The one way to start an engine by name; an engine not installed is refused with what to install.
import { engineAvailability } from './availability';
import type { Engine, EngineName, LaunchOptions } from './engine';
import { launchChromium, type ChromiumLaunchOptions } from './chromium';
import { launchFirefox, type FirefoxLaunchOptions } from './firefox';
import { launchWebKit, type WebKitLaunchOptions } from './webkit';

/** An engine that is not installed on this host; `installCommand` installs it on Debian. */
export class EngineUnavailableError extends Error {
  constructor(
    readonly engine: EngineName,
    readonly missing: string[],
    readonly installCommand: string,
  ) {
    super(`${engine} is not installed (missing Debian packages: ${missing.join(', ')}); install it with: ${installCommand}`);
  }
}

/** Each engine's own extra options (Chromium's `args`, Firefox's `prefs`, MiniBrowser's `browserArgs`); the others ignore them. */
export type AnyLaunchOptions = LaunchOptions & Pick<ChromiumLaunchOptions, 'args' | 'permissions'> & Pick<FirefoxLaunchOptions, 'prefs' | 'acceptInsecureCerts'> & Pick<WebKitLaunchOptions, 'browserArgs'>;

/** Launches `name` with the options it takes. */
export async function launch(name: EngineName, options: AnyLaunchOptions): Promise<Engine> {
  const availability = engineAvailability(name);
  if (!availability.available) throw new EngineUnavailableError(name, availability.missing, availability.installCommand);
  switch (name) {
    case 'chromium':
      return launchChromium(options);
    case 'firefox':
      return launchFirefox(options);
    case 'webkit':
      return launchWebKit(options);
  }
}
