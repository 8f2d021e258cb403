/**
 * The README's TypeScript blocks as test programs.
 *
 * Convention: the line before every ```ts block is an HTML comment (invisible on the rendered page) that says what
 * the block is:
 *
 *   <!-- readme-test: complete -->            the block is a whole program (imports, App, stacks, app.synth())
 *   <!-- readme-test: preamble=aws-stack -->  the block continues test/readme/preambles/aws-stack.ts
 *
 * A preamble is a TypeScript file with one line `// README BLOCK`: the block is inserted there, so the preamble sets
 * up what the block assumes (an App, a stack, a provider, the resources the block refers to) and can finish the
 * program after it (app.synth()). Imports in the block and in its preamble must not name the same identifier.
 * Blocks import what a user imports: the package names (`cdktf-firewall-requirements`, `.../azure`, ...), `cdktf`,
 * `constructs` and provider submodules, never a relative path.
 */
import * as fs from 'fs';
import * as path from 'path';
import { ErrorCode, FirewallRequirementsError } from '../lib/model/errors';

/** The line of a preamble where the block goes. */
export const BLOCK_MARKER = '// README BLOCK';

const DIRECTIVE = /^<!--\s*readme-test:\s*(.*?)\s*-->$/;
const FENCE_OPEN = /^```(ts|typescript)\s*$/;
const PREAMBLE_NAME = /^[a-z0-9][a-z0-9-]*$/;

/** One TypeScript block of a Markdown file. */
export interface ReadmeBlock {
  /** 1-based position among the file's TypeScript blocks. */
  readonly index: number;
  /** 1-based line of the opening fence. */
  readonly fenceLine: number;
  /** The code between the fences. */
  readonly code: string;
  /** The preamble the block continues; undefined for a complete program. */
  readonly preamble?: string;
}

function blockError(code: ErrorCode, problem: string, value: string, origin: string, hint: string): FirewallRequirementsError {
  return new FirewallRequirementsError(code, problem, value, origin, hint);
}

/** Every ```ts / ```typescript block of `markdown`, with its directive; `file` names the source in errors. */
export function extractTsBlocks(markdown: string, file = 'README.md'): ReadmeBlock[] {
  const lines = markdown.split(/\r?\n/);
  const blocks: ReadmeBlock[] = [];
  let fence: string | undefined; // the opening fence of a block being skipped (any language)
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (fence !== undefined) {
      if (line.trim() === '```') fence = undefined;
      continue;
    }
    if (!line.startsWith('```')) continue;
    if (!FENCE_OPEN.test(line)) {
      fence = line;
      continue;
    }
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && lines[i].trim() !== '```'; i++) body.push(lines[i]);
    if (i >= lines.length) {
      throw blockError('readme-block', `Unclosed TypeScript block`, line, `${file}:${start + 1}`, 'Close it with a line of three backticks.');
    }
    blocks.push({ index: blocks.length + 1, fenceLine: start + 1, code: body.join('\n'), ...directiveBefore(lines, start, file) });
  }
  return blocks;
}

function directiveBefore(lines: string[], fenceIndex: number, file: string): { preamble?: string } {
  let j = fenceIndex - 1;
  while (j >= 0 && lines[j].trim() === '') j--;
  const origin = `${file}:${fenceIndex + 1}`;
  const match = j >= 0 ? DIRECTIVE.exec(lines[j].trim()) : null;
  if (!match) {
    throw blockError(
      'readme-block',
      'TypeScript block without a readme-test directive',
      j >= 0 ? lines[j].trim() : '',
      origin,
      'Put `<!-- readme-test: complete -->` (a whole program) or `<!-- readme-test: preamble=NAME -->` ' +
        '(continues test/readme/preambles/NAME.ts) on the line before the block.',
    );
  }
  const value = match[1];
  if (value === 'complete') return {};
  const preamble = /^preamble=(.*)$/.exec(value)?.[1];
  if (preamble === undefined || !PREAMBLE_NAME.test(preamble)) {
    throw blockError(
      'readme-block',
      `Unknown readme-test directive "${value}"`,
      value,
      origin,
      'Use "complete" or "preamble=NAME" with NAME in lower-case letters, digits and dashes.',
    );
  }
  return { preamble };
}

/** A block made into a program: the file to write and where the block's lines are in it. */
export interface AssembledBlock {
  readonly block: ReadmeBlock;
  /** File name for the program, e.g. `block-03-line-118.ts`. */
  readonly fileName: string;
  readonly text: string;
  /** 1-based line of the program where the block's first line is. */
  readonly firstBlockLine: number;
  readonly blockLineCount: number;
}

/** The program for `block`: the block itself, or its preamble with the block at the marker. */
export function assembleBlock(block: ReadmeBlock, preambleDir: string, file = 'README.md'): AssembledBlock {
  const fileName = `block-${String(block.index).padStart(2, '0')}-line-${block.fenceLine}.ts`;
  const header = `// ${file} line ${block.fenceLine}${block.preamble ? `, preamble ${block.preamble}` : ''}: generated, edit the README.\n`;
  const blockLineCount = block.code.split('\n').length;
  if (block.preamble === undefined) {
    return { block, fileName, text: `${header}${block.code}\n`, firstBlockLine: 2, blockLineCount };
  }
  const preambleFile = path.join(preambleDir, `${block.preamble}.ts`);
  const origin = `${file}:${block.fenceLine}`;
  if (!fs.existsSync(preambleFile)) {
    const known = fs.existsSync(preambleDir) ? fs.readdirSync(preambleDir).filter((f) => f.endsWith('.ts')).map((f) => f.slice(0, -3)) : [];
    throw blockError(
      'readme-block',
      `Preamble "${block.preamble}" does not exist`,
      block.preamble,
      origin,
      `Create ${preambleFile} or use one of: ${known.sort().join(', ') || '(none)'}.`,
    );
  }
  const preambleLines = fs.readFileSync(preambleFile, 'utf8').replace(/\n$/, '').split('\n');
  const markers = preambleLines.flatMap((l, i) => (l.trim() === BLOCK_MARKER ? [i] : []));
  if (markers.length !== 1) {
    throw blockError(
      'readme-block',
      `Preamble "${block.preamble}" has ${markers.length} "${BLOCK_MARKER}" lines`,
      preambleFile,
      origin,
      `Mark the one place where the README block goes with a line "${BLOCK_MARKER}".`,
    );
  }
  const before = preambleLines.slice(0, markers[0]);
  const after = preambleLines.slice(markers[0] + 1);
  const text = [header.trimEnd(), ...before, block.code, ...after].join('\n') + '\n';
  return { block, fileName, text, firstBlockLine: before.length + 2, blockLineCount };
}

/** The README line of a 1-based line of an assembled program, or undefined when it is in the preamble. */
export function readmeLineOf(assembled: AssembledBlock, programLine: number): number | undefined {
  const offset = programLine - assembled.firstBlockLine;
  if (offset < 0 || offset >= assembled.blockLineCount) return undefined;
  return assembled.block.fenceLine + 1 + offset;
}

/** Module specifiers a block imports. */
export function importsOf(code: string): string[] {
  return [...code.matchAll(/(?:\bfrom\s+|\brequire\(\s*|\bimport\(\s*|^\s*import\s+)['"]([^'"]+)['"]/gm)].map((m) => m[1]);
}

/** What a user may import in a README block; undefined when `specifier` is fine, else why not. */
export function disallowedImport(specifier: string): string | undefined {
  if (specifier.startsWith('.') || specifier.startsWith('/')) return 'a relative path: import the package names a user has';
  if (/^@cdktf\/provider-[a-z]+$/.test(specifier)) return 'a provider package root: import the resource submodule (@cdktf/provider-x/lib/<resource>)';
  if (/^cdktf-firewall-requirements\/(?!(azure|google|aws|ibm|export)$)/.test(specifier)) return 'not an entry point of the package';
  return undefined;
}

/** One row of the README's export spec table: a target and the spec printed for it. */
export interface ReadmeSpecRow {
  readonly cloud: string;
  readonly target: string;
  /** The spec as printed (JSON text). */
  readonly spec: string;
  /** 1-based README line of the row. */
  readonly line: number;
}

/** The rows of the table whose header is `| cloud | target | spec |`. */
export function readmeSpecRows(markdown: string): ReadmeSpecRow[] {
  const lines = markdown.split(/\r?\n/);
  const header = lines.findIndex((l) => /^\|\s*cloud\s*\|\s*target\s*\|\s*spec\s*\|$/.test(l.trim()));
  if (header === -1) return [];
  const rows: ReadmeSpecRow[] = [];
  for (let i = header + 2; i < lines.length && lines[i].startsWith('|'); i++) {
    const m = /^\|\s*([^|]+?)\s*\|\s*`([^`]+)`\s*\|\s*`(.+)`\s*\|$/.exec(lines[i].trim());
    if (!m) throw blockError('readme-block', 'Spec table row not of the form | cloud | `target` | `{ spec }` |', lines[i], `README.md:${i + 1}`, 'Write one target and its whole spec per row.');
    rows.push({ cloud: m[1], target: m[2], spec: m[3], line: i + 1 });
  }
  return rows;
}

/**
 * The shell lines of the block after `<!-- install-commands -->` (the README's install commands), in order.
 */
export function readmeInstallCommands(markdown: string): string[] {
  const lines = markdown.split(/\r?\n/);
  const marker = lines.findIndex((l) => l.trim() === '<!-- install-commands -->');
  if (marker === -1 || !/^```(sh|bash)\s*$/.test(lines[marker + 1] ?? '')) {
    throw blockError('readme-block', 'No install commands block', '', 'README.md', 'Put `<!-- install-commands -->` on the line before the ```sh block of the install commands.');
  }
  const commands: string[] = [];
  for (let i = marker + 2; i < lines.length && lines[i].trim() !== '```'; i++) if (lines[i].trim() !== '') commands.push(lines[i].trim());
  return commands;
}
