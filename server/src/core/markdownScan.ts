/**
 * @file A line-by-line reading of Markdown's block structure, just enough to say where a draft may
 * be cut into separately parsed chunks (markdownChunks): which list items and block quotes are
 * open, and whether a fence, comment, raw HTML, HTML block or front matter runs on. A construct
 * opened inside a container ends with it (CommonMark continues only a paragraph lazily), so only one
 * opened at the top level holds a cut back.
 */

interface Container {
  readonly kind: 'item' | 'quote';
  /** An item's content column: a line indented this far continues it. */
  readonly column: number;
  /** An item opened with nothing on its line: a blank line then ends it. */
  empty: boolean;
}

interface Construct {
  /** How many containers it sits in (0: the top level). */
  readonly depth: number;
  /** What ends it: a closing fence, a pattern on a line, or a blank line. */
  readonly end: RegExp | 'blank';
  readonly fence: boolean;
}

export class BlockScan {
  private readonly containers: Container[] = [];
  /** Where the quotes are among the containers, outermost first. */
  private readonly quotes: number[] = [];
  private construct: Construct | undefined;
  /**
   * The innermost open leaf block when it is a paragraph (a line its containers do not hold may then
   * continue it, and some blocks may not interrupt it) or a GFM table (which an HTML block may).
   */
  private leaf: 'paragraph' | 'table' | undefined;
  /** The paragraph's last line: a table's header row when a delimiter row follows. */
  private lastLine = '';
  /**
   * The last block was top-level indented code. micromark then reads a list item that could not
   * interrupt a paragraph ("2. two", a bare "-") as paragraph text, even after blank lines.
   */
  private afterIndentedCode = false;
  private first = true;

  /**
   * Whether a chunk parsed on its own may start at this line (read next): an unindented line after a
   * blank line, or a bullet item with text in the first column, ends every container and starts a
   * top-level block, unless a construct opened at the top level runs on over it.
   */
  startsChunk(line: string, previousBlank: boolean): boolean {
    if (this.construct?.depth === 0) return false;
    // (first-character tests first: this runs on every line of the draft after every keystroke)
    const c = line.charCodeAt(0);
    const bullet = (c === 0x2d || c === 0x2a || c === 0x2b) && /^[-*+][ \t]+\S/u.test(line) && !THEMATIC_BREAK.test(line);
    if (!bullet && !(previousBlank && c !== 0x20 && c !== 0x09 && line.length > 0)) return false;
    const item = this.afterIndentedCode ? LIST_ITEM.exec(line) : null;
    return !item || canInterruptParagraph(item[1]!, line.slice(item[0].length));
  }

  /** Reads the next line (without its line break); true when it is blank. */
  read(line: string): boolean {
    const first = this.first;
    this.first = false;
    if (first && FRONT_MATTER.test(line)) {
      this.construct = { depth: 0, end: FRONT_MATTER_END, fence: false };
      return false;
    }
    // Which open containers the line continues; `pos`/`col` end up where its content starts, and
    // `textPos`/`textCol` at its first character that is not a space or tab.
    let pos = 0;
    let col = 0;
    let { width: textCol, offset: textPos } = indentation(line, 0, 0);
    const lineBlank = textPos === line.length;
    let depth = 0;
    let quotes = 0;
    while (depth < this.containers.length) {
      // Blank from here: every item holds it, up to the next quote (a deep outline costs nothing per blank line).
      if (textPos === line.length) {
        depth = this.quotes[quotes] ?? this.containers.length;
        break;
      }
      const c = this.containers[depth]!;
      if (c.kind === 'item') {
        if (textCol < c.column) break;
        ({ pos, col } = advance(line, pos, col, c.column));
      } else {
        if (textCol - col > 3 || line[textPos] !== '>') break;
        pos = textPos + 1;
        col = textCol + 1;
        if (line[pos] === ' ' || line[pos] === '\t') (pos++, col++);
        const ws = indentation(line, pos, col);
        textCol = col + ws.width;
        textPos = pos + ws.offset;
        quotes++;
      }
      depth++;
    }
    const text = line.slice(pos);
    const blank = textPos === line.length;
    if (depth < this.containers.length) {
      const ws = indentation(text, 0, col);
      if (!blank && this.leaf === 'paragraph' && !this.construct && !this.interrupts(ws.width, text.slice(ws.offset))) return false;
      this.close(depth);
      this.leaf = undefined;
    }
    const open = this.construct;
    if (open && open.depth > depth) this.construct = undefined;
    else if (open) {
      if (blank ? open.end === 'blank' : open.end instanceof RegExp && (open.fence ? closesFence(open.end, text, col) : open.end.test(text))) this.construct = undefined;
      return lineBlank;
    }
    if (blank) {
      this.leaf = undefined;
      // An item may begin with at most one blank line.
      if (this.containers[depth - 1]?.empty && depth === this.containers.length) this.close(depth - 1);
      return lineBlank;
    }
    const innermost = this.containers[depth - 1];
    if (innermost && depth === this.containers.length) innermost.empty = false;
    this.startBlocks(text, col);
    return false;
  }

  /** Closes the containers from `depth` in. */
  private close(depth: number): void {
    this.containers.length = depth;
    while (this.quotes.length && this.quotes[this.quotes.length - 1]! >= depth) this.quotes.pop();
  }

  /**
   * A line its containers do not hold: does it start a block (ending them) or continue their
   * paragraph? Any list item or footnote definition ends them in micromark, even a list item that
   * could not interrupt a paragraph ("- a" then "2. b" is two lists, where CommonMark reads one
   * item "a 2. b").
   */
  private interrupts(indent: number, text: string): boolean {
    return indent < 4 && (text.startsWith('>') || LIST_ITEM.test(text) || FOOTNOTE.test(text) || startsLeafBlock(text));
  }

  /** The containers the line opens, then the block it starts inside the innermost. */
  private startBlocks(text: string, col: number): void {
    const wasAfterCode = this.afterIndentedCode;
    this.afterIndentedCode = false;
    for (let opened = 0; opened < MAX_OPENED; opened++) {
      const ws = indentation(text, 0, col);
      if (ws.width >= 4) {
        // Indented code, or the continuation of a paragraph: neither opens anything. It ends a table:
        // micromark reads no row indented four columns or more.
        if (this.leaf === 'table') this.leaf = undefined;
        if (this.leaf !== 'paragraph' && this.containers.length === 0) this.afterIndentedCode = true;
        return;
      }
      const at = col + ws.width;
      text = text.slice(ws.offset);
      if (text.startsWith('>')) {
        this.quotes.push(this.containers.length);
        this.containers.push({ kind: 'quote', column: 0, empty: false });
        this.leaf = undefined;
        col = at + 1;
        text = text.slice(1);
        if (text.startsWith(' ') || text.startsWith('\t')) (col++, (text = text.slice(1)));
        if (isBlank(text)) return;
        continue;
      }
      const footnote = FOOTNOTE.exec(text);
      if (footnote) {
        // A GFM footnote definition holds the lines indented 4 past its start, as an item does.
        const content = indentation(text, footnote[0].length, at + footnote[0].length);
        this.containers.push({ kind: 'item', column: at + 4, empty: isBlank(text.slice(footnote[0].length)) });
        this.leaf = undefined;
        col = at + footnote[0].length + content.width;
        text = text.slice(footnote[0].length + content.offset);
        if (isBlank(text)) return;
        continue;
      }
      const item = LIST_ITEM.exec(text);
      const interrupting = this.leaf === 'paragraph' || (wasAfterCode && this.containers.length === 0);
      if (!item || THEMATIC_BREAK.test(text) || (interrupting && !canInterruptParagraph(item[1]!, text.slice(item[0].length)))) break;
      const markerEnd = at + item[0].length;
      const space = indentation(text, item[0].length, markerEnd);
      const rest = text.slice(item[0].length + space.offset);
      const empty = isBlank(rest);
      // Five spaces or more after the marker: the content is indented code one column after it.
      const column = empty || space.width >= 5 ? markerEnd + 1 : markerEnd + space.width;
      this.containers.push({ kind: 'item', column, empty });
      this.leaf = undefined;
      if (empty) return;
      const content = advance(text, item[0].length, markerEnd, column);
      col = content.col;
      text = text.slice(content.pos);
    }
    this.startLeaf(text);
  }

  private startLeaf(text: string): void {
    const paragraph = this.leaf === 'paragraph';
    if (ATX_HEADING.test(text) || THEMATIC_BREAK.test(text) || (paragraph && SETEXT_UNDERLINE.test(text))) {
      this.leaf = undefined;
      return;
    }
    const fence = fenceEnd(text);
    const end = fence ?? htmlBlockEnd(text, paragraph);
    if (end) {
      if (end !== CLOSED) this.construct = { depth: this.containers.length, end, fence: fence !== undefined };
      this.leaf = undefined;
    } else if (paragraph && isDelimiterRow(text, this.lastLine)) this.leaf = 'table';
    else if (this.leaf !== 'table') {
      // Any other line after a table is one of its rows.
      this.leaf = 'paragraph';
      this.lastLine = text;
    }
  }
}

/**
 * Containers one line may open before the rest is read as text: each is checked against the rest of
 * the line ("- - - … a" 16,000 times took seconds), and the layout reads a line opening more than
 * 16 as plain text anyway (markdown.ts, MAX_LINE_NESTING).
 */
const MAX_OPENED = 32;
const FRONT_MATTER = /^\uFEFF?(?:---|\+\+\+)[ \t]*$/u;
const FRONT_MATTER_END = /^(?:---|\+\+\+|\.\.\.)[ \t]*$/u;
const ATX_HEADING = /^#{1,6}(?:[ \t]|$)/u;
const THEMATIC_BREAK = /^([-*_])(?:[ \t]*\1){2,}[ \t]*$/u;
const SETEXT_UNDERLINE = /^(?:=+|-+)[ \t]*$/u;
const LIST_ITEM = /^([-*+]|\d{1,9}[.)])(?=[ \t]|$)/u;
const FOOTNOTE = /^\[\^[^\]\s]+\]:/u;
/** An HTML construct that ends on the line it starts on. */
const CLOSED = /(?!)/u;

/** CommonMark's blank line: spaces and tabs only (a no-break space is paragraph text). */
const isBlank = (text: string): boolean => /^[ \t]*$/u.test(text);

/** Whether a list item may start where a paragraph would otherwise continue: not empty, and an ordered list only at 1. */
function canInterruptParagraph(marker: string, rest: string): boolean {
  return !isBlank(rest) && (!/^\d/u.test(marker) || /^0*1[.)]$/u.test(marker));
}

/** A GFM table's delimiter row ("| --- | :-: |") with as many cells as the header row above it. */
function isDelimiterRow(text: string, header: string): boolean {
  if (!/^[|:-]/u.test(text) || !text.includes('|') || !/^\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/u.test(text)) return false;
  const cells = (row: string): number => row.trim().replace(/^\|/u, '').replace(/(?<!\\)\|$/u, '').split(/(?<!\\)\|/u).length;
  return cells(text) === cells(header);
}

/** Whether a text starts a leaf block that may interrupt a paragraph. */
function startsLeafBlock(text: string): boolean {
  return ATX_HEADING.test(text) || THEMATIC_BREAK.test(text) || fenceEnd(text) !== undefined || htmlBlockEnd(text, true) !== undefined;
}

/** The closing line of the fence a text opens, or undefined. A backtick fence's info string has no backtick ("```js```" is inline code). */
function fenceEnd(text: string): RegExp | undefined {
  const open = /^(`{3,}|~{3,})/u.exec(text);
  if (!open || (open[1]![0] === '`' && text.includes('`', open[1]!.length))) return undefined;
  return new RegExp(`^${open[1]![0] === '`' ? '`' : '~'}{${open[1]!.length},}[ \\t]*$`, 'u');
}

/** Whether a line's content (at column `col`, its container's) closes a fence: indented at most 3 more. */
function closesFence(end: RegExp, text: string, col: number): boolean {
  const ws = indentation(text, 0, col);
  return ws.width <= 3 && end.test(text.slice(ws.offset));
}

/** HTML blocks of CommonMark type 6 (block-level tags, which may interrupt a paragraph) and type 7 (any tag alone on its line). */
const HTML_BLOCK_6 =
  /^<\/?(?:address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul)(?:\s|\/?>|$)/iu;
const HTML_BLOCK_7 = /^(?:<[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>|<\/[A-Za-z][A-Za-z0-9-]*\s*>)[ \t]*$/u;
/** HTML blocks of types 1–5: how each starts, what ends it, and where on its first line the end is looked for. */
const HTML_ENDS: readonly (readonly [RegExp, RegExp, number])[] = [
  [/^<(?:script|pre|style|textarea)(?:\s|>|$)/iu, /<\/(?:script|pre|style|textarea)>/iu, 1],
  [/^<!--/u, /-->/u, 4],
  [/^<\?/u, /\?>/u, 2],
  [/^<![A-Za-z]/u, />/u, 2],
  [/^<!\[CDATA\[/u, /\]\]>/u, 9],
];

/** What ends the HTML block a text starts (types 1–5: a marker; 6–7: a blank line), CLOSED when it ends on its first line, or undefined. */
function htmlBlockEnd(text: string, inParagraph: boolean): RegExp | 'blank' | undefined {
  if (!text.startsWith('<')) return undefined;
  for (const [start, end, from] of HTML_ENDS) if (start.test(text)) return end.test(text.slice(from)) ? CLOSED : end;
  if (HTML_BLOCK_6.test(text) || (!inParagraph && HTML_BLOCK_7.test(text))) return 'blank';
  return undefined;
}

/** The width in columns of the spaces and tabs at `from` (tabs to the next multiple of 4, counted from `column`), and how many characters they are. */
function indentation(line: string, from: number, column: number): { width: number; offset: number } {
  let i = from;
  let col = column;
  for (; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 0x20) col++;
    else if (c === 0x09) col += 4 - (col % 4);
    else break;
  }
  return { width: col - column, offset: i - from };
}

/** Past the whitespace at `pos` (column `col`) up to column `to`, or to the text if it starts before; a tab straddling `to` is taken whole. */
function advance(line: string, pos: number, col: number, to: number): { pos: number; col: number } {
  while (col < to && pos < line.length) {
    const c = line.charCodeAt(pos);
    if (c === 0x20) col++;
    else if (c === 0x09) col += 4 - (col % 4);
    else break;
    pos++;
  }
  return { pos, col };
}
