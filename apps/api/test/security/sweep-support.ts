/** Shared pieces of the security sweep: attack payloads, response checks and per-class tallies. */

export const OPERATOR_PAYLOADS: Record<string, unknown> = {
  $gt: { $gt: '' },
  $ne: { $ne: null },
  $where: { $where: 'sleep(1000)' },
  $regex: { $regex: '^(a+)+$' },
  $expr: { $expr: { $eq: [1, 1] } },
};

/** A pattern that backtracks exponentially if anything ever compiled it as a regular expression. */
export const CATASTROPHIC = `${'a'.repeat(40)}!(a+)+$`;
export const OVERSIZED = 'x'.repeat(200_000);

/** Text that must never reach a response: stack frames, driver errors, file paths. */
const LEAK =
  /MongoServerError|MongoError|MongoNetworkError|E11000|CastError|BSONError|BSONTypeError|ValidationError:|\bat [\w.<>$]+ \(|node_modules|\.ts:\d+|\.js:\d+/;

export interface Probe {
  status: number;
  body: unknown;
  text: string;
}

/** Problems with one response, or [] when it is an acceptable answer to a hostile request. */
export function checkResponse(res: Probe, opts: { allow2xx: boolean }): string[] {
  const problems: string[] = [];
  if (res.status >= 500) problems.push(`status ${res.status}`);
  else if (res.status < 400 && !opts.allow2xx) problems.push(`accepted with ${res.status}`);
  if (res.status >= 400) {
    const b = res.body as { statusCode?: unknown; code?: unknown; message?: unknown } | null;
    if (!b || typeof b !== 'object' || b.statusCode !== res.status || typeof b.code !== 'string' || typeof b.message !== 'string') {
      problems.push(`error shape ${res.text.slice(0, 120)}`);
    }
  }
  if (LEAK.test(res.text)) problems.push(`leaks internals: ${res.text.match(LEAK)?.[0]}`);
  if (res.text.includes('"stack"')) problems.push('leaks a stack');
  return problems;
}

/** Counts cases per attack class and prints them (the issue asks for how many cases were tried). */
export class Tally {
  private readonly counts = new Map<string, { tried: number; failed: number }>();

  add(cls: string, failed: boolean): void {
    const c = this.counts.get(cls) ?? { tried: 0, failed: 0 };
    c.tried++;
    if (failed) c.failed++;
    this.counts.set(cls, c);
  }

  print(title: string): void {
    const rows = [...this.counts.entries()].map(
      ([cls, c]) => `  ${cls.padEnd(28)} ${String(c.tried).padStart(6)} tried  ${String(c.failed).padStart(4)} failed`,
    );
    process.stdout.write(`\n${title}\n${rows.join('\n')}\n`);
  }
}
