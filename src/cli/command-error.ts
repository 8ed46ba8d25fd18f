import { EXIT } from './run-report';

/** A failure that ends the command with its exit code: 2 for bad arguments or suite, 3 for infrastructure. */
export class CommandError extends Error {
  constructor(
    message: string,
    readonly exitCode: (typeof EXIT)['usage'] | (typeof EXIT)['infrastructure'],
  ) {
    super(message);
  }
}

export const usageError = (message: string) => new CommandError(message, EXIT.usage);
export const infrastructureError = (message: string) => new CommandError(message, EXIT.infrastructure);
