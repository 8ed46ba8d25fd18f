// The one way to start an engine by name; an engine not installed is refused with what to install.
import { engineAvailability } from './availability';
import type { Engine, EngineName, LaunchOptions } from './engine';
import { launchChromium, type ChromiumLaunchOptions } from './chromium';
import { launchFirefox } from './firefox';
import { launchWebKit } from './webkit';

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

/** Launches `name`; Chromium alone takes extra command-line `args`. */
export async function launch(name: EngineName, options: LaunchOptions & Pick<ChromiumLaunchOptions, 'args'>): Promise<Engine> {
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
