/**
 * @file The parts of a draft that are not the writer's own prose and that style and wording rules
 * leave alone: direct quotations and block quotes (someone else's words), and URLs and e-mail
 * addresses (not prose at all). Code is already blanked out of `prose` by the segmentation.
 * Memoised per view because every wording rule asks the same question of the same text.
 */
import { overlapsAny, SpanSet } from './spans';
import type { Span, SourceTextView } from './types';

/**
 * "https://…", "www.…", and addresses; a trailing full stop or bracket belongs to the sentence. An
 * address is tried from the first word start of a run of its characters only ("(?<!\w[.+-]*)"):
 * tried from every one, "a.a.a.…" with no '@' after it is rescanned to its end each time.
 */
const LINK = /\b(?:https?:\/\/|www\.)[^\s<>"“”]*[^\s<>"“”.,;:!?)\]'’]|\b(?<!\w[.+-]*)[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b/gu;

interface Protected {
  readonly quotations: SpanSet;
  readonly links: readonly Span[];
}

const memo = new WeakMap<SourceTextView, Protected>();

function protectedOf(view: SourceTextView): Protected {
  let p = memo.get(view);
  if (!p) {
    const quoted = [...view.quotes, ...view.blocks.filter((b) => b.kind === 'blockquote')].map((s) => s.span);
    p = { quotations: new SpanSet(quoted), links: linksIn(view.prose) };
    memo.set(view, p);
  }
  return p;
}

/** URLs and e-mail addresses in a piece of prose: they never run over a space, so never over a paragraph's end. */
export function linksIn(prose: string): Span[] {
  const links: Span[] = [];
  // Most paragraphs hold no link at all: three searches for what every link contains are much
  // cheaper than the pattern, which tries an address at every word.
  if (prose.indexOf('@') < 0 && prose.indexOf('://') < 0 && prose.indexOf('www.') < 0) return links;
  for (const m of prose.matchAll(LINK)) links.push({ start: m.index, end: m.index + m[0].length });
  return links;
}

/** Direct quotations (quote marks included) and block quotes. */
export const quotationsOf = (view: SourceTextView): SpanSet => protectedOf(view).quotations;
/** URLs and e-mail addresses in the prose. */
export const linksOf = (view: SourceTextView): readonly Span[] => protectedOf(view).links;
/** Quotations, block quotes, URLs and addresses: `isProtected(view, span)` says a rule should stay silent. */
export function isProtected(view: SourceTextView, span: Span): boolean {
  const p = protectedOf(view);
  return p.quotations.contains(span) || overlapsLink(p.links, span);
}

function overlapsLink(links: readonly Span[], span: Span): boolean {
  // Links are found in text order and never overlap; a span that only touches a URL ("see www.x.org.") is still prose.
  return overlapsAny(links, span);
}
