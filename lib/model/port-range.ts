import { invalidPort } from './errors';

/**
 * A port or an inclusive range of ports, 1-65535.
 *
 * @example PortRange.single(443); PortRange.range(30000, 32767); PortRange.parse('30000-32767')
 */
export class PortRange {
  /** A single port. @param origin where the value came from, named in errors */
  public static single(port: number, origin = ''): PortRange {
    return PortRange.range(port, port, origin);
  }

  /** An inclusive range `from`-`to`. @param origin where the values came from, named in errors */
  public static range(from: number, to: number, origin = ''): PortRange {
    checkPort(from, from === to ? String(from) : `${from}-${to}`, origin);
    checkPort(to, `${from}-${to}`, origin);
    if (from > to) {
      throw invalidPort(`${from}-${to}`, origin, `the range is reversed; write it as ${to}-${from}`);
    }
    return new PortRange(from, to);
  }

  /** Parses `"443"` or `"30000-32767"`. */
  public static parse(text: string, origin = ''): PortRange {
    const trimmed = String(text).trim();
    const match = /^(\d+)(?:\s*-\s*(\d+))?$/.exec(trimmed);
    if (!match) {
      throw invalidPort(trimmed, origin, 'it is not a port number or a low-high range');
    }
    const from = Number(match[1]);
    const to = match[2] === undefined ? from : Number(match[2]);
    return PortRange.range(from, to, origin);
  }

  /**
   * Merges overlapping and adjacent ranges; the result covers exactly the same ports, sorted.
   */
  public static merge(ranges: readonly PortRange[]): PortRange[] {
    const sorted = [...ranges].sort((a, b) => a.from - b.from || a.to - b.to);
    const out: Array<{ from: number; to: number }> = [];
    for (const r of sorted) {
      const last = out[out.length - 1];
      if (last && r.from <= last.to + 1) {
        last.to = Math.max(last.to, r.to);
      } else {
        out.push({ from: r.from, to: r.to });
      }
    }
    return out.map((r) => new PortRange(r.from, r.to));
  }

  private constructor(
    /** First port of the range. */
    public readonly from: number,
    /** Last port of the range (equal to `from` for a single port). */
    public readonly to: number,
  ) {}

  /** Whether this is a single port. */
  public get isSingle(): boolean {
    return this.from === this.to;
  }

  /** Number of ports in the range. */
  public get count(): number {
    return this.to - this.from + 1;
  }

  /** `"443"` or `"30000-32767"`. */
  public toString(): string {
    return this.isSingle ? String(this.from) : `${this.from}-${this.to}`;
  }
}

function checkPort(port: number, text: string, origin: string): void {
  if (!Number.isInteger(port)) {
    throw invalidPort(text, origin, 'a port must be a whole number');
  }
  if (port < 1 || port > 65535) {
    throw invalidPort(text, origin, `${port} is outside 1-65535`);
  }
}
