/** One line of a gitignore-syntax file, with its 1-based line number. */
export interface IgnoreLine {
  line: number;
  /** The line as written, without its line ending. */
  text: string;
  /** The pattern as git reads it: unescaped trailing spaces removed; undefined for blanks and comments. */
  pattern: string | undefined;
}

/** Splits an ignore file into lines; git drops a trailing CR of a CRLF file too. */
export function ignoreLines(text: string): IgnoreLine[] {
  return text.split("\n").map((raw, index) => {
    const text = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
    const pattern = gitPattern(text);
    return { line: index + 1, text, pattern };
  });
}

/** The pattern git reads from a line: trailing spaces are dropped unless escaped with a backslash. */
function gitPattern(text: string): string | undefined {
  if (text.trim() === "" || text.startsWith("#")) return undefined;
  let end = text.length;
  while (end > 0 && text[end - 1] === " " && !escaped(text, end - 1)) end--;
  const pattern = text.slice(0, end);
  return pattern === "" ? undefined : pattern;
}

/** Whether the character at `index` is preceded by an odd number of backslashes. */
export function escaped(text: string, index: number): boolean {
  let count = 0;
  for (let i = index - 1; i >= 0 && text[i] === "\\"; i--) count++;
  return count % 2 === 1;
}
