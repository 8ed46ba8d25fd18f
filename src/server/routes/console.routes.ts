import { Hono } from 'hono';
import type { ConsoleInfo } from '../../contract/api';

export function consoleRoutes(info: ConsoleInfo) {
  return new Hono().get('/', (c) => c.json(info));
}
