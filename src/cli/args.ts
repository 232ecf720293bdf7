// parseArgs with the CLI's conventions: strict, --json on every command, errors as UsageError.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { isUuid } from '../core/ids.ts';
import { UsageError } from './errors.ts';

const COMMON = { json: { type: 'boolean' } } as const;

interface CommandSpec<O extends NonNullable<ParseArgsConfig['options']>> {
  options: O;
  /** Names of the positional arguments the command takes, all required. */
  positionals?: string[];
}

export function parseCommand<const O extends NonNullable<ParseArgsConfig['options']>>(command: string, args: string[], spec: CommandSpec<O>) {
  const options: O & typeof COMMON = { ...spec.options, ...COMMON };
  let parsed;
  try {
    parsed = parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (err) {
    if (err instanceof TypeError && String((err as { code?: unknown }).code).startsWith('ERR_PARSE_ARGS')) throw new UsageError(`${command}: ${err.message}`);
    throw err;
  }
  const expected = spec.positionals ?? [];
  if (parsed.positionals.length < expected.length) throw new UsageError(`${command}: missing ${expected.slice(parsed.positionals.length).join(' ')}`);
  if (parsed.positionals.length > expected.length) throw new UsageError(`${command}: unexpected argument "${parsed.positionals[expected.length]}"`);
  return { values: parsed.values, positionals: parsed.positionals, json: (parsed.values as { json?: boolean }).json === true };
}

/** A required string option, trimmed and non-empty. */
export function required(command: string, name: string, value: string | undefined): string {
  if (value === undefined) throw new UsageError(`${command}: --${name} is required`);
  return text(command, name, value);
}

/** A name-like option: 1 to 128 characters, as the API accepts. */
export function text(command: string, name: string, value: string): string {
  const trimmed = value.trim();
  if (trimmed.length < 1 || trimmed.length > 128) throw new UsageError(`${command}: --${name} must be 1 to 128 characters`);
  return trimmed;
}

/** An object id (UUID). */
export function id(command: string, name: string, value: string): string {
  const trimmed = value.trim();
  if (!isUuid(trimmed)) throw new UsageError(`${command}: ${name} must be an id such as 0190a5c4-7b1e-7c3a-9f00-2b6c1d4e5f60, got "${value}"`);
  return trimmed.toLowerCase();
}
