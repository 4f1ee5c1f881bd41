/**
 * @file What every evaluation script does with its findings: print Markdown as it goes, keep it, and
 * replace only its own marked section of docs/evaluation.md (other scripts own the other sections).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const EVALUATION_PAGE = path.resolve(typeof __dirname === 'string' ? path.join(__dirname, '..', '..') : process.cwd(), 'docs', 'evaluation.md');

/** The lines of a report, printed as they are added. */
export interface Report {
  lines: string[];
}

export const out = (r: Report, ...xs: string[]): void => {
  for (const x of xs) {
    console.log(x);
    r.lines.push(x);
  }
};

/** Prose lines wrapped at 100 columns like the rest of the page; tables, headings and code stay as they are. */
export function wrapMarkdown(text: string, width = 100): string {
  let fenced = false;
  const lines: string[] = [];
  for (const line of text.split('\n')) {
    if (line.startsWith('```')) fenced = !fenced;
    if (fenced || line.length <= width || line.startsWith('|') || line.startsWith('#') || line.startsWith('```')) {
      lines.push(line);
      continue;
    }
    const indent = /^(\s*)([-*] |\d+\. )?/u.exec(line)![0].replace(/\S/gu, ' ');
    let current = '';
    for (const word of line.split(' ')) {
      if (current && current.length + 1 + word.length > width) {
        lines.push(current);
        current = indent + word;
      } else current = current ? `${current} ${word}` : word;
    }
    lines.push(current);
  }
  return lines.join('\n');
}

/**
 * Replaces the section between `<!-- id:start -->` and `<!-- id:end -->` (appending it when both are
 * missing), reading the page just before writing. Returns what it did, for the console.
 */
export function writeSection(id: string, section: string, docFile = EVALUATION_PAGE): string {
  const startMark = `<!-- ${id}:start -->`;
  const endMark = `<!-- ${id}:end -->`;
  if (!existsSync(docFile)) return `not written: ${docFile} not found`;
  const doc = readFileSync(docFile, 'utf8');
  const block = `${startMark}\n${wrapMarkdown(section.trim())}\n${endMark}`;
  const s = doc.indexOf(startMark);
  const e = doc.indexOf(endMark);
  let next: string;
  if (s >= 0 && e > s) next = doc.slice(0, s) + block + doc.slice(e + endMark.length);
  else if (s < 0 && e < 0) next = `${doc.replace(/\s*$/u, '')}\n\n${block}\n`;
  else return `not written: ${docFile} has only one of the markers ${startMark} / ${endMark}, or they are out of order`;
  const rel = path.relative(process.cwd(), docFile);
  if (next === doc) return `${rel} already up to date`;
  writeFileSync(docFile, next);
  return `wrote the ${id} section of ${rel}`;
}
