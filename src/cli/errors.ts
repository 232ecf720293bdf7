// CLI failures and their exit codes: 1 the command failed, 2 it was called wrongly.

/** Bad command line: the message is printed with the usage text, exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;
/** Same as the server: EX_CONFIG from sysexits.h. */
export const EXIT_CONFIG = 78;
