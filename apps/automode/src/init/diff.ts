/**
 * A minimal line diff for `init --dry-run`: init only inserts, so the common head and tail
 * plus the changed middle is the whole story, and no diff library is needed.
 */
export function lineDiff(file: string, before: string | undefined, after: string): string {
  const a = before === undefined ? [] : before.split("\n");
  const b = after.split("\n");
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (
    tail < a.length - head &&
    tail < b.length - head &&
    a[a.length - 1 - tail] === b[b.length - 1 - tail]
  ) {
    tail++;
  }
  const out = [`--- ${before === undefined ? "/dev/null" : `a/${file}`}`, `+++ b/${file}`];
  const context = 2;
  for (const line of a.slice(Math.max(0, head - context), head)) out.push(`  ${line}`);
  for (const line of a.slice(head, a.length - tail)) out.push(`- ${line}`);
  for (const line of b.slice(head, b.length - tail)) out.push(`+ ${line}`);
  for (const line of a.slice(a.length - tail, a.length - tail + context)) out.push(`  ${line}`);
  return `${out.join("\n")}\n`;
}
