/**
 * Whether a story's edge has a direction, apart from the story module (and typed by shape) so that
 * the web UI's bundle reads it without the story model.
 */

/**
 * An edge read as derived → source: reuse whose direction is known. Other reports of the event,
 * and reuse whose direction is unknown or from a common source, have none.
 */
export const isDirected = (e: { type: string; direction: string }): boolean =>
  e.type !== 'same-story' && e.direction === 'a-from-b';
