/** Month names and their abbreviations ("oct", "sept"), lower case, each with its month's number (1-12). */
export const MONTH_NUMBERS: ReadonlyMap<string, number> = new Map<string, number>(
  'january february march april may june july august september october november december'
    .split(' ')
    .flatMap((name, m) => [
      [name, m + 1] as const,
      [name.slice(0, 3), m + 1] as const,
      ...(name === 'september' ? [['sept', 9] as const] : []),
    ]),
);
