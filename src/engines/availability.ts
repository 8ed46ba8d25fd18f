// Which engines this host can run: each needs its Debian packages' binaries (no browser download).
// shared/design/browser-engines.md, "Packages and drivers".
import { existsSync, readdirSync } from 'node:fs';
import { ENGINE_NAMES, type EngineAvailability, type EngineName } from './engine';

/** A binary an engine needs and the Debian package that installs it. */
export interface EngineBinary {
  path: string;
  debianPackage: string;
}

/** MiniBrowser lives under the multiarch directory (x86_64-linux-gnu, aarch64-linux-gnu…). */
export function miniBrowserPath(): string {
  const fallback = '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
  if (existsSync(fallback)) return fallback;
  try {
    for (const dir of readdirSync('/usr/lib')) {
      const candidate = `/usr/lib/${dir}/webkit2gtk-4.1/MiniBrowser`;
      if (dir.endsWith('-linux-gnu') && existsSync(candidate)) return candidate;
    }
  } catch {
    // No /usr/lib: the fallback path is reported missing.
  }
  return fallback;
}

/** The binaries each engine needs, the first being the one reported as its executable. */
export function engineBinaries(engine: EngineName): EngineBinary[] {
  switch (engine) {
    case 'chromium':
      return [{ path: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium', debianPackage: 'chromium' }];
    case 'firefox':
      return [{ path: process.env['FIREFOX_PATH'] ?? '/usr/bin/firefox-esr', debianPackage: 'firefox-esr' }];
    case 'webkit':
      // MiniBrowser comes with libwebkit2gtk-4.1-0, which webkit2gtk-driver depends on.
      return [
        { path: '/usr/bin/WebKitWebDriver', debianPackage: 'webkit2gtk-driver' },
        { path: miniBrowserPath(), debianPackage: 'webkit2gtk-driver' },
        { path: '/usr/bin/Xvfb', debianPackage: 'xvfb' },
      ];
  }
}

/** Whether `engine` can run here; when not, the packages to install and the command that does it. */
export function engineAvailability(engine: EngineName, exists: (path: string) => boolean = existsSync): EngineAvailability {
  const binaries = engineBinaries(engine);
  const missing = [...new Set(binaries.filter((binary) => !exists(binary.path)).map((binary) => binary.debianPackage))];
  if (missing.length === 0) return { engine, available: true, executable: binaries[0]!.path };
  return { engine, available: false, missing, installCommand: `sudo apt-get install -y ${missing.join(' ')}` };
}

/** Every engine's availability, in ENGINE_NAMES order. */
export function enginesAvailability(): EngineAvailability[] {
  return ENGINE_NAMES.map((engine) => engineAvailability(engine));
}
