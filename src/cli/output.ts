// Human text by default, JSON with --json. Everything a command prints goes through here.

export interface Output {
  json: boolean;
  /** Prints `text` lines, or `data` as JSON with --json. */
  result(data: unknown, text: () => string[]): void;
}

export function createOutput(json: boolean, write: (s: string) => void = (s) => process.stdout.write(s)): Output {
  return {
    json,
    result(data, text) {
      write(json ? `${JSON.stringify(data, null, 2)}\n` : text().map((line) => `${line}\n`).join(''));
    },
  };
}

/** Left-aligned columns, for lists. */
export function table(header: string[], rows: string[][]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join('  ');
  return [line(header), ...rows.map(line)];
}
