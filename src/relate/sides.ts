/**
 * A relation's evidence names its two articles "A" and "B" (`relation.a`, `relation.b`). A view
 * that numbers a story's articles ("[3] ← [1]") names them as it numbers them, and a story edge
 * that points the other way round swaps them: a line that says "A's words" where the reader sees
 * "[1]" and "[3]" does not say which one it means.
 */
import type { Direction } from './relate.js';

/**
 * `line` with the side letters as `a` and `b`: "A" and "B" standing alone ("of A", "B's", "A is"),
 * not inside a word or an acronym ("AP", "BBC"), and never in the credits a line quotes ("B
 * credits A B Press"), which are names as written.
 */
export function nameSides(line: string, a: string, b: string): string {
  const credits = line.search(/\bcredits? /);
  const head = credits < 0 ? line : line.slice(0, credits);
  const named = head.replace(/(?<![\w&.-])[AB](?![\w&-]|\.\w)/g, (side) => (side === 'A' ? a : b));
  return credits < 0 ? named : named + line.slice(credits);
}

/**
 * Who took from whom, the relation's side A called `a` and side B `b` ("it derives from this");
 * nothing where that is not known.
 */
export function whoFromWhom(direction: Direction, a: string, b: string): string {
  if (direction === 'a-from-b') return `${a} derives from ${b}`;
  if (direction === 'b-from-a') return `${b} derives from ${a}`;
  return direction === 'common-source' ? 'both from a common source' : '';
}

/** `line` as the other side would say it: A for B and B for A. */
export const swapSides = (line: string): string => nameSides(line, 'B', 'A');

/**
 * A relation's direction as a report heads it: who took from whom, or that it is not known;
 * nothing for a pair that reuses nothing (the same story, related, unrelated).
 */
export function directionInWords(r: { type: string; direction: Direction }, a: string, b: string): string {
  if (r.type === 'same-story' || r.type === 'related' || r.type === 'unrelated') return '';
  return whoFromWhom(r.direction, a, b) || 'who took from whom is not known';
}
