import { Writable } from 'stream';
import { main } from '../../lib/cli/main';

/** What one CLI run wrote and returned. */
export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the CLI in-process (much faster than spawning node) and captures what it writes. */
export function runCli(...argv: string[]): CliRun {
  let stdout = '';
  let stderr = '';
  const sink = (append: (s: string) => void) =>
    new Writable({
      write(chunk, _encoding, done) {
        append(String(chunk));
        done();
      },
    });
  const code = main(argv, { out: sink((s) => (stdout += s)), err: sink((s) => (stderr += s)) });
  return { code, stdout, stderr };
}
