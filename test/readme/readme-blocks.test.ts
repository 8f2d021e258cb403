import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as ts from 'typescript';
import { FirewallRequirementsError } from '../../lib/model/errors';
import { CDKTF_INIT_TSCONFIG } from '../../tools/cdktf-init-template';
import { assembleBlock, AssembledBlock, BLOCK_MARKER, disallowedImport, extractTsBlocks, importsOf, readmeLineOf } from '../../tools/readme-blocks';

const ROOT = path.join(__dirname, '..', '..');
const PREAMBLES = path.join(__dirname, 'preambles');
const README = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');

/** Type-checks the programs as the consumer project would, with the package names mapped to the sources. */
function typeCheck(programs: readonly AssembledBlock[]): string[] {
  const dir = path.join(ROOT, '.cache', 'readme-blocks');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const files = programs.map((p) => {
    const file = path.join(dir, p.fileName);
    fs.writeFileSync(file, p.text);
    return file;
  });
  const entry = (sub: string) => [path.join(ROOT, 'lib', sub, 'index.ts')];
  const { options, errors } = ts.convertCompilerOptionsFromJson(
    { ...CDKTF_INIT_TSCONFIG.compilerOptions, incremental: false, declaration: false, noEmit: true },
    dir,
  );
  expect(errors).toEqual([]);
  options.paths = {
    'cdktf-firewall-requirements': entry(''),
    ...Object.fromEntries(['azure', 'google', 'aws', 'ibm'].map((c) => [`cdktf-firewall-requirements/${c}`, entry(`targets/${c}`)])),
    'cdktf-firewall-requirements/export': entry('export'),
  };
  const program = ts.createProgram(files, options);
  return programs.flatMap((p, i) => {
    const sourceFile = program.getSourceFile(files[i])!;
    const diagnostics = [...program.getSyntacticDiagnostics(sourceFile), ...program.getSemanticDiagnostics(sourceFile)];
    return diagnostics.map((d) => {
      const line = sourceFile.getLineAndCharacterOfPosition(d.start ?? 0).line + 1;
      const readmeLine = readmeLineOf(p, line);
      const where = readmeLine !== undefined ? `README.md:${readmeLine}` : `${p.fileName}:${line} (preamble ${p.block.preamble})`;
      return `${where}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
    });
  });
}

describe('README TypeScript blocks', () => {
  const blocks = extractTsBlocks(README);

  test('every block declares what it is: a complete program or the preamble it continues', () => {
    // GIVEN the README WHEN its blocks are extracted THEN there are blocks of both kinds, each with a known preamble
    expect(blocks.length).toBeGreaterThanOrEqual(5);
    expect(blocks.some((b) => b.preamble === undefined)).toBe(true);
    for (const b of blocks.filter((b) => b.preamble)) expect(fs.existsSync(path.join(PREAMBLES, `${b.preamble}.ts`))).toBe(true);
  });

  test('blocks import only what a user can import: the package names, cdktf, constructs, provider submodules', () => {
    const problems = blocks.flatMap((b) =>
      importsOf(b.code).flatMap((i) => (disallowedImport(i) ? [`README.md:${b.fenceLine} imports ${i}: ${disallowedImport(i)}`] : [])),
    );
    expect(problems).toEqual([]);
    expect(blocks.flatMap((b) => importsOf(b.code))).toEqual(expect.arrayContaining(['cdktf-firewall-requirements', 'cdktf-firewall-requirements/azure']));
  });

  test('every block type-checks with the compiler options of a cdktf init project', () => {
    const programs = blocks.map((b) => assembleBlock(b, PREAMBLES));
    expect(typeCheck(programs)).toEqual([]);
  });

  test('a block that does not compile is reported with its README line', () => {
    // GIVEN a block that uses a value its preamble does not define
    const markdown = ['# x', '', '<!-- readme-test: preamble=aws-stack -->', '```ts', 'console.log(enforce.size);', 'console.log(undefinedThing);', '```'].join('\n');
    const [block] = extractTsBlocks(markdown, 'BROKEN.md');
    // WHEN it is type-checked THEN the error names the README line of the offending statement
    const problems = typeCheck([assembleBlock(block, PREAMBLES)]);
    expect(problems).toContainEqual(expect.stringMatching(/^README\.md:6: Cannot find name 'undefinedThing'/));
    // AND a preamble value the block leaves unused is reported in the preamble (the template sets noUnusedLocals)
    expect(problems).toContainEqual(expect.stringMatching(/^block-01-line-4\.ts:\d+ \(preamble aws-stack\): 'subnetIds' is declared but its value is never read/));
  });
});

describe('README block extraction', () => {
  const md = (...lines: string[]) => lines.join('\n');

  test('blocks of other languages are skipped, even when they contain ts fences', () => {
    const blocks = extractTsBlocks(md('```sh', 'npm test', '```', '', '<!-- readme-test: complete -->', '```ts', 'const a = 1;', 'console.log(a);', '```'));
    expect(blocks).toEqual([{ index: 1, fenceLine: 6, code: 'const a = 1;\nconsole.log(a);' }]);
  });

  test('a preamble block is inserted at the marker and its lines map back to the README', () => {
    const [block] = extractTsBlocks(md('<!-- readme-test: preamble=aws-stack -->', '', '```typescript', 'console.log(enforce.size);', '```'));
    expect(block.preamble).toBe('aws-stack');
    const program = assembleBlock(block, PREAMBLES);
    const lines = program.text.split('\n');
    expect(lines[program.firstBlockLine - 1]).toBe('console.log(enforce.size);');
    expect(lines).not.toContain(BLOCK_MARKER);
    expect(lines.slice(program.firstBlockLine).join('\n')).toContain('app.synth();');
    expect(readmeLineOf(program, program.firstBlockLine)).toBe(4);
    expect(readmeLineOf(program, program.firstBlockLine - 1)).toBeUndefined();
    expect(readmeLineOf(program, program.firstBlockLine + 1)).toBeUndefined();
  });

  test('a block without a directive is refused with its line and the two directives', () => {
    expect(() => extractTsBlocks(md('Some text', '```ts', 'x', '```'), 'DOC.md')).toThrow(FirewallRequirementsError);
    expect(() => extractTsBlocks(md('Some text', '```ts', 'x', '```'), 'DOC.md')).toThrow(/DOC\.md:2.*readme-test: complete.*preamble=NAME/);
  });

  test('an unknown directive is refused', () => {
    expect(() => extractTsBlocks(md('<!-- readme-test: skip -->', '```ts', 'x', '```'))).toThrow(/Unknown readme-test directive "skip"/);
    expect(() => extractTsBlocks(md('<!-- readme-test: preamble=../etc -->', '```ts', 'x', '```'))).toThrow(/Unknown readme-test directive/);
  });

  test('an unclosed block is refused', () => {
    expect(() => extractTsBlocks(md('<!-- readme-test: complete -->', '```ts', 'x'))).toThrow(/Unclosed TypeScript block.*README\.md:2/);
  });

  test('a missing preamble is refused with the existing ones', () => {
    const [block] = extractTsBlocks(md('<!-- readme-test: preamble=nope -->', '```ts', 'x', '```'));
    expect(() => assembleBlock(block, PREAMBLES)).toThrow(/Preamble "nope" does not exist.*aws-stack, azure-stack, google-stack/);
  });

  test('a preamble without exactly one marker is refused', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'preambles-'));
    try {
      fs.writeFileSync(path.join(dir, 'none.ts'), 'const app = 1;\n');
      fs.writeFileSync(path.join(dir, 'two.ts'), `${BLOCK_MARKER}\n${BLOCK_MARKER}\n`);
      const [none, two] = extractTsBlocks(md('<!-- readme-test: preamble=none -->', '```ts', 'x', '```', '<!-- readme-test: preamble=two -->', '```ts', 'y', '```'));
      expect(() => assembleBlock(none, dir)).toThrow(/Preamble "none" has 0 "\/\/ README BLOCK" lines/);
      expect(() => assembleBlock(two, dir)).toThrow(/Preamble "two" has 2/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('relative imports, provider roots and deep imports into the package are disallowed', () => {
    expect(disallowedImport('../../lib')).toMatch(/relative/);
    expect(disallowedImport('@cdktf/provider-aws')).toMatch(/submodule/);
    expect(disallowedImport('cdktf-firewall-requirements/dist/lib/model')).toMatch(/not an entry point/);
    for (const ok of ['cdktf-firewall-requirements', 'cdktf-firewall-requirements/ibm', 'cdktf', 'constructs', '@cdktf/provider-aws/lib/eks-cluster']) {
      expect(disallowedImport(ok)).toBeUndefined();
    }
    expect(importsOf("import { a } from 'x';\nimport 'side-effect';\nconst b = require('y');")).toEqual(['x', 'side-effect', 'y']);
  });
});
