import { invalidValue } from '../model/errors';

// A reader for the Markdown the vendors publish their tables in: GitHub-flavoured pipe tables under ATX headings,
// with the extensions each documentation site adds (Microsoft Learn `[!INCLUDE ...]` and `> [!NOTE]` blocks, IBM Cloud
// `{: #anchor}` attribute lines and `{{site.data.keyword.x}}` keywords, Hugo `{{< shortcode >}}` calls). It keeps only
// what a drift check compares: the front matter, the heading path of each table, and the table cells as text.

/** One pipe table of a Markdown document. */
export interface MarkdownTable {
  /** The headings above the table, outermost first (the document title included when it is a heading). */
  readonly headingPath: readonly string[];
  /** The header cells, as written (markup kept; see `cellText`). */
  readonly header: readonly string[];
  /** The body rows: cells as written, with the 1-based line number of the row. */
  readonly rows: ReadonlyArray<{ readonly cells: readonly string[]; readonly line: number }>;
  /** 1-based line number of the header row. */
  readonly line: number;
}

/** A heading of a Markdown document. */
export interface MarkdownHeading {
  readonly level: number;
  readonly text: string;
  /** The headings above it and itself, outermost first. */
  readonly path: readonly string[];
  readonly line: number;
  /** Whether its content (up to the next heading) pulls text in from elsewhere (an include or shortcode). */
  readonly includes: boolean;
}

/** Include directives: Hugo shortcodes, Microsoft Learn `[!INCLUDE ...]`, AsciiDoc `include::`, Jekyll `{% include %}`. */
const INCLUDE = /\{\{[<%]|\[!INCLUDE|^include::|\{%\s*include/i;

/** A parsed Markdown document. */
export interface MarkdownDocument {
  /** Front matter keys to their scalar values (quotes removed); nested keys and lists are left out. */
  readonly frontMatter: Readonly<Record<string, string>>;
  /** Every heading, outermost first per branch, with its level and line. */
  readonly headings: ReadonlyArray<MarkdownHeading>;
  readonly tables: readonly MarkdownTable[];
}

const HEADING = /^ {0,3}(#{1,6})[ \t]+(.*?)[ \t]*#*[ \t]*$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const SEPARATOR_CELL = /^:?-{1,}:?$/;

/**
 * Parses a Markdown document. HTML comments and fenced code blocks are skipped (a table inside a code block is an
 * example, not data); a table is a row of pipe-separated cells followed by a separator row (`|---|:---:|`).
 * @param file named in errors
 */
export function parseMarkdown(text: string, file: string): MarkdownDocument {
  const lines = stripComments(text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n')).split('\n');
  const { frontMatter, bodyStart } = readFrontMatter(lines);
  const headings: Array<{ level: number; text: string; path: string[]; line: number; includes: boolean }> = [];
  const tables: MarkdownTable[] = [];
  const stack: Array<{ level: number; text: string }> = [];
  let fence: string | undefined;

  for (let i = bodyStart; i < lines.length; i++) {
    const line = lines[i];
    const fenceMatch = FENCE.exec(line);
    if (fence !== undefined) {
      if (fenceMatch && fenceMatch[1][0] === fence[0] && fenceMatch[1].length >= fence.length) fence = undefined;
      continue;
    }
    if (fenceMatch) {
      fence = fenceMatch[1];
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      const level = heading[1].length;
      const textOfHeading = headingText(heading[2]);
      while (stack.length > 0 && stack[stack.length - 1].level >= level) stack.pop();
      stack.push({ level, text: textOfHeading });
      headings.push({ level, text: textOfHeading, path: stack.map((h) => h.text), line: i + 1, includes: false });
      continue;
    }
    if (INCLUDE.test(line.trim()) && headings.length > 0) headings[headings.length - 1].includes = true;
    if (isTableRow(line) && i + 1 < lines.length && isSeparator(lines[i + 1])) {
      const header = splitRow(line);
      const width = splitRow(lines[i + 1]).length;
      if (width !== header.length) {
        throw invalidValue(
          'Markdown table',
          line.trim(),
          `${file} line ${i + 1}`,
          `The header has ${header.length} cells but the separator row below it has ${width}: the table cannot be read.`,
          'invalid-upstream',
        );
      }
      const rows: Array<{ cells: string[]; line: number }> = [];
      let j = i + 2;
      for (; j < lines.length && isTableRow(lines[j]); j++) {
        rows.push({ cells: splitRow(lines[j]), line: j + 1 });
      }
      tables.push({ headingPath: stack.map((h) => h.text), header, rows, line: i + 1 });
      i = j - 1;
    }
  }
  return { frontMatter, headings, tables };
}

/** Removes `<!-- ... -->` comments, keeping the line breaks inside them so that line numbers stay right. */
function stripComments(text: string): string {
  return text.replace(/<!--[\s\S]*?-->/g, (c) => c.replace(/[^\n]/g, ''));
}

function readFrontMatter(lines: readonly string[]): { frontMatter: Record<string, string>; bodyStart: number } {
  const frontMatter: Record<string, string> = {};
  if (lines[0]?.trim() !== '---') return { frontMatter, bodyStart: 0 };
  for (let i = 1; i < lines.length; i++) {
    if (lines[i].trim() === '---' || lines[i].trim() === '...') return { frontMatter, bodyStart: i + 1 };
    const m = /^([A-Za-z_][A-Za-z0-9_.-]*)\s*:\s*(.*?)\s*$/.exec(lines[i]);
    if (m && m[2] !== '' && !m[2].startsWith('#')) frontMatter[m[1]] = m[2].replace(/^(['"])(.*)\1$/, '$2');
  }
  // No closing line: not front matter (a thematic break that opens the document).
  return { frontMatter: {}, bodyStart: 0 };
}

/** Heading text without trailing attribute lists (`{: #id}`, `{#id}`) and inline markup. */
function headingText(raw: string): string {
  return cellText(raw.replace(/\{:?\s*#[^}]*\}\s*$/, ''));
}

function isTableRow(line: string): boolean {
  const t = line.trim();
  return t.startsWith('|') && t.length > 1;
}

function isSeparator(line: string): boolean {
  if (!isTableRow(line)) return false;
  const cells = splitRow(line);
  return cells.length > 0 && cells.every((c) => SEPARATOR_CELL.test(c.replace(/\s+/g, '')));
}

/**
 * Splits a table row into cells at unescaped pipes outside code spans; the leading pipe and an optional trailing
 * pipe are not cells.
 */
export function splitRow(line: string): string[] {
  const t = line.trim();
  const cells: string[] = [];
  let current = '';
  let tick = 0;
  for (let i = t.startsWith('|') ? 1 : 0; i < t.length; i++) {
    const c = t[i];
    if (c === '\\' && t[i + 1] === '|') {
      current += '|';
      i++;
    } else if (c === '`') {
      let run = 1;
      while (t[i + run] === '`') run++;
      tick = tick === 0 ? run : tick === run ? 0 : tick;
      current += '`'.repeat(run);
      i += run - 1;
    } else if (c === '|' && tick === 0) {
      cells.push(current.trim());
      current = '';
    } else {
      current += c;
    }
  }
  if (current.trim() !== '') cells.push(current.trim());
  return cells;
}

/**
 * The plain text of a cell or heading: links become their text, footnote references (`[^1]`, `<sup>1</sup>`),
 * HTML tags, emphasis markers, IBM attribute lists and Hugo shortcodes are dropped, `<br>` becomes a line break,
 * and IBM keywords (`{{site.data.keyword.cloud_notm}}`) become their name. Code spans keep their backticks
 * (see `codeSpans`).
 */
export function cellText(raw: string): string {
  // Code spans are set aside first: `*` and `_` inside them are content, not emphasis.
  const spans: string[] = [];
  const protectedText = raw.replace(/(`+)([\s\S]*?[^`])\1(?!`)/g, (m) => {
    spans.push(m);
    return `\u0000${spans.length - 1}\u0000`;
  });
  return protectedText
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<sup>[^<]*<\/sup>/gi, '')
    .replace(/\[\^[^\]]*\]/g, '')
    .replace(/\{\{<[^>]*>\}\}|\{\{%[^%]*%\}\}/g, '')
    .replace(/\{\{\s*site\.data\.keyword\.([A-Za-z0-9_]+)\s*\}\}/g, '$1')
    .replace(/\{:[^}]*\}/g, '')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1')
    .replace(/<\/?[A-Za-z][^>]*>/g, '')
    .replace(/\\n/g, '\n')
    .replace(/\*\*([^*]+?)\*\*/g, '$1')
    .replace(/\*(\S(?:[^*]*?\S)?)\*/g, '$1')
    .replace(/(^|[^A-Za-z0-9])__?([^_\s](?:[^_]*?[^_\s])?)__?(?=[^A-Za-z0-9]|$)/g, '$1$2')
    .replace(/\\([<>*_\\[\]()#.|-])/g, '$1')
    .replace(/\u0000(\d+)\u0000/g, (_, i: string) => spans[Number(i)])
    .replace(/[ \t]+/g, ' ')
    .replace(/ ?\n ?/g, '\n')
    .trim();
}

/** The contents of the code spans of a text, in order. */
export function codeSpans(text: string): string[] {
  return [...text.matchAll(/(`+)([\s\S]*?[^`])\1(?!`)/g)].map((m) => m[2].trim());
}

/** Heading or title text for comparison: case, punctuation other than `/` and spacing are ignored. */
export function normalizeTitle(text: string): string {
  return text
    .toLowerCase()
    .replace(/`/g, '')
    .replace(/[^a-z0-9/ ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
