/** Text of DOM nodes (htmlparser2's domhandler), as the extractor and metadata reader need it. */
import type { ChildNode, Element } from 'domhandler';

/** Elements whose text is never page text. */
export const NO_TEXT = new Set(['script', 'style', 'noscript', 'template', 'svg', 'canvas', 'head']);

export function textOf(node: ChildNode): string {
  if (node.type === 'text') return node.data;
  if (node.type !== 'tag') return '';
  const el = node as Element;
  if (el.name === 'br') return '\n';
  if (NO_TEXT.has(el.name)) return '';
  return el.children.map(textOf).join('');
}

/** Whitespace-normalised text of a block, line breaks from `<br>` kept. */
export function blockText(el: Element): string {
  return normaliseSpace(textOf(el));
}

/**
 * Runs of spaces as one space, and any run of blank space that breaks a line as one line break:
 * "\n \n" (a `<br>`, an indented line, another `<br>`) is one break, not the paragraph break that
 * two in a row would be downstream.
 */
export function normaliseSpace(s: string): string {
  return s
    .replace(/[ \t\r\f\u00a0\u200b]+/g, ' ')
    .replace(/ *(\n *)+/g, '\n')
    .trim();
}
