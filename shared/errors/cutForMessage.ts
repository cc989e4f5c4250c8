/** Longest value a message quotes whole: a path or a title fits, a pasted document does not. */
export const MESSAGE_VALUE_MAX = 300;

/**
 * A value as a message may quote it: whole when short, else its start and end around an
 * ellipsis with the count of characters left out (no words: it reads in every language) (a 20 MB id must not fill a terminal or a log).
 */
export function cutForMessage(value: string, max = MESSAGE_VALUE_MAX): string {
  if (value.length <= max) return value;
  const head = value.slice(0, Math.ceil(max * 0.7));
  const tail = value.slice(value.length - Math.floor(max * 0.2));
  return `${head}…(+${value.length - head.length - tail.length})…${tail}`;
}
