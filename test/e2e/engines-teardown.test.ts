import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINE_NAMES, type Engine } from '../../src/engines/engine';
import { engineAvailability } from '../../src/engines/availability';
import { EngineUnavailableError, launch } from '../../src/engines/launch';
import { markedProcesses, markerOf } from '../../src/engines/processes';
import { startPageServer, type PageServer } from '../support/page-server';

// Every launch and teardown leaves no process behind (browser, renderers, content processes,
// WebKitWebDriver, MiniBrowser and its web processes, Xvfb), also when the test using it fails.

const LAUNCH_MS = 120_000;

let page: PageServer;
beforeAll(async () => {
  page = await startPageServer('app');
});
afterAll(async () => {
  await page?.stop();
});

/** Runs `body` with a launched engine as a failing test would: it throws, and the engine is closed in `finally`. */
async function failingRun(engine: Engine, body: (engine: Engine) => Promise<void>): Promise<unknown> {
  try {
    await body(engine);
    return undefined;
  } catch (error) {
    return error;
  } finally {
    await engine.close();
  }
}

describe('availability', () => {
  it('finds the three engines installed here, with their executables', () => {
    expect(engineAvailability('chromium')).toMatchObject({ available: true, executable: '/usr/bin/chromium' });
    expect(engineAvailability('firefox')).toMatchObject({ available: true, executable: '/usr/bin/firefox-esr' });
    expect(engineAvailability('webkit')).toMatchObject({ available: true, executable: '/usr/bin/WebKitWebDriver' });
  });

  it('names the Debian packages and the install command for what is missing', () => {
    expect(engineAvailability('webkit', (path) => !path.includes('Xvfb') && !path.includes('WebKit'))).toEqual({
      engine: 'webkit', available: false, missing: ['webkit2gtk-driver', 'xvfb'], installCommand: 'sudo apt-get install -y webkit2gtk-driver xvfb',
    });
    expect(engineAvailability('firefox', () => false)).toEqual({ engine: 'firefox', available: false, missing: ['firefox-esr'], installCommand: 'sudo apt-get install -y firefox-esr' });
  });

  it('refuses to launch a missing engine with the install command', async () => {
    const saved = process.env['FIREFOX_PATH'];
    process.env['FIREFOX_PATH'] = '/nonexistent/firefox-esr';
    try {
      await expect(launch('firefox', { timeoutMs: LAUNCH_MS })).rejects.toThrow(EngineUnavailableError);
      await expect(launch('firefox', { timeoutMs: LAUNCH_MS })).rejects.toThrow('sudo apt-get install -y firefox-esr');
    } finally {
      if (saved === undefined) delete process.env['FIREFOX_PATH'];
      else process.env['FIREFOX_PATH'] = saved;
    }
  });
});

for (const name of ENGINE_NAMES) {
  describe(name, () => {
    it('leaves no process behind after a test that fails with a page still open', { timeout: LAUNCH_MS * 3 }, async () => {
      const engine = await launch(name, { timeoutMs: LAUNCH_MS });
      const marker = markerOf(engine)!;
      expect(marker).toBeTruthy();
      const error = await failingRun(engine, async (running) => {
        await running.open(`${page.origin}/`, { timeoutMs: LAUNCH_MS });
        // Running: the browser and its children carry the marker.
        expect(markedProcesses(marker).length).toBeGreaterThan(name === 'webkit' ? 2 : 1);
        throw new Error('the test failed here');
      });
      expect(String(error)).toContain('the test failed here');
      expect(markedProcesses(marker)).toEqual([]);
    });

    it('leaves no process behind when a page cannot be opened', { timeout: LAUNCH_MS * 3 }, async () => {
      const engine = await launch(name, { timeoutMs: LAUNCH_MS });
      const marker = markerOf(engine)!;
      // A loopback port nobody listens on (the page server, stopped).
      const gone = await startPageServer('gone');
      await gone.stop();
      const error = await failingRun(engine, async (running) => {
        await running.open(`${gone.origin}/`, { timeoutMs: 30_000 });
      });
      expect(error).toBeInstanceOf(Error);
      expect(markedProcesses(marker)).toEqual([]);
    });
  });
}
