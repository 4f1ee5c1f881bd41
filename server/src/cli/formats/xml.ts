/**
 * @file Text for XML reports (checkstyle, junit). A draft can hold characters XML 1.0 cannot carry
 * at all (control characters, a lone surrogate from a broken paste): they become U+FFFD, so one odd
 * byte never makes a CI server reject the whole report.
 */

const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
// Line breaks and tabs as character references: in an attribute a parser would turn them into spaces.
const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;', '\n': '&#10;', '\r': '&#13;', '\t': '&#9;' };

/** Escapes text for an attribute value or element content. */
export function xmlText(s: string): string {
  // \p{Cs} catches a lone surrogate, which the `u` flag reads as one code point of its own.
  return s.replace(NOT_XML_CHAR, '\uFFFD').replace(/\p{Cs}/gu, '\uFFFD').replace(/[&<>"'\n\r\t]/g, (c) => ENTITIES[c]!);
}

export const XML_DECLARATION = '<?xml version="1.0" encoding="utf-8"?>';
