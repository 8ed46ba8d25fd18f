import type { Engine, EngineAvailability, EngineName, LaunchOptions } from '../engines/engine';
import { interimChromium } from './interim-chromium';

/** Pages of `origin` are to be fetched from 127.0.0.1:`port` (the command's page server). */
export interface PageRoute {
  origin: string;
  port: number;
}

/** How the command starts one engine: whether it is installed, and a launch that routes the tests' origins to the page server. */
export interface EngineDriver {
  readonly name: EngineName;
  availability(): EngineAvailability;
  launch(options: LaunchOptions & { routes: PageRoute[] }): Promise<Engine>;
}

/**
 * The engines the command can drive, by name. Until the engines slice's drivers (src/engines)
 * land, Chromium is a minimal driver of the command's own and Firefox and WebKit are reported
 * as not driven yet.
 */
export const ENGINE_DRIVERS: Partial<Record<EngineName, EngineDriver>> = { chromium: interimChromium };
