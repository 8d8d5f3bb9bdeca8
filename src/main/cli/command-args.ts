import { parseArgs, type ParseArgsConfig } from 'node:util';
import { AppError } from '../engine/errors';

type Options = NonNullable<ParseArgsConfig['options']>;

export interface ParsedCommand<O extends Options> {
  help: boolean;
  values: { [K in keyof O]?: O[K]['type'] extends 'boolean' ? boolean : string };
  positionals: string[];
}

/** node:util parseArgs with our usage errors: one line, and where to read more. */
export function parseCommandArgs<O extends Options>(command: string, argv: string[], options: O): ParsedCommand<O> {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
    const { help, ...rest } = values as Record<string, unknown>;
    return { help: help === true, values: rest as ParsedCommand<O>['values'], positionals };
  } catch (error) {
    const message = error instanceof Error ? error.message.replace(/\. To specify a positional.*$/s, '') : String(error);
    throw new AppError('USAGE', message, { hint: `see: follower-pulse ${command} --help` });
  }
}

export function usageError(command: string, message: string): AppError {
  return new AppError('USAGE', message, { hint: `see: follower-pulse ${command} --help` });
}
