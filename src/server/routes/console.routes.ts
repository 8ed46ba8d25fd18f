import { routes, type ConsoleInfo } from '../../contract/api';
import type { ProfileRegistry } from '../profiles/registry';
import { answer, type Register } from '../http/register';

/** What the SPA learns about its console, and the profiles it serves. */
export function registerConsoleRoutes(register: Register, info: ConsoleInfo, registry: ProfileRegistry) {
  register(routes.getConsoleInfo, () => answer(info));
  register(routes.listProfiles, () => answer({ profiles: registry.list() }));
}
