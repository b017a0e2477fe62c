/**
 * What a program in another language does, as far as automode cares: the files it reads
 * and writes, the reasons it runs code automode cannot see (`dynamic`), and the reasons it
 * destroys data (`destructive`). `understood` is false when any part of the program or of
 * the command's own options is not known; then `dynamic` always holds at least one reason,
 * so a caller that only maps `dynamic` to hazards still fails closed.
 */
export interface ProgramAnalysis {
  reads: string[];
  writes: string[];
  dynamic: string[];
  destructive: string[];
  understood: boolean;
  /**
   * Files whose contents are program text (`sed -f`, `awk -f`, `psql -f`, `.read`): each is
   * also in `reads`. Without its text (see `ProgramFiles`) the program is not understood;
   * a caller may read these files and analyse again with their texts.
   */
  scripts: string[];
}

/** Texts of script files the caller has read (path as written → contents). */
export type ProgramFiles = ReadonlyMap<string, string>;

/** An argument after shell expansion; `undefined` when the word is not a literal. */
export type ProgramArg = string | undefined;

/** Paths that never name a file on disk worth judging. */
const HARMLESS = new Set([
  "/dev/stdout",
  "/dev/stderr",
  "/dev/stdin",
  "/dev/null",
  "/dev/tty",
  "-",
]);

export function isHarmlessTarget(path: string): boolean {
  return HARMLESS.has(path) || /^\/dev\/fd\/[0-2]$/.test(path);
}

/** Collects one analysis; every language's analyser fills one of these. */
export class Analysis {
  readonly reads: string[] = [];
  readonly writes: string[] = [];
  readonly dynamic: string[] = [];
  readonly destructive: string[] = [];
  readonly scripts: string[] = [];
  private unknown: string[] = [];

  read(path: string): void {
    if (!isHarmlessTarget(path) && !this.reads.includes(path)) this.reads.push(path);
  }
  write(path: string): void {
    if (!isHarmlessTarget(path) && !this.writes.includes(path)) this.writes.push(path);
  }
  runs(reason: string): void {
    if (!this.dynamic.includes(reason)) this.dynamic.push(reason);
  }
  destroys(reason: string): void {
    if (!this.destructive.includes(reason)) this.destructive.push(reason);
  }
  /** Something automode does not know: the whole program is then not understood. */
  fail(reason: string): void {
    if (!this.unknown.includes(reason)) this.unknown.push(reason);
  }
  script(path: string): void {
    this.read(path);
    if (!this.scripts.includes(path)) this.scripts.push(path);
  }
  get failed(): boolean {
    return this.unknown.length > 0;
  }

  done(): ProgramAnalysis {
    const dynamic = [...this.dynamic, ...this.unknown];
    return {
      reads: [...this.reads],
      writes: [...this.writes],
      dynamic,
      destructive: [...this.destructive],
      understood: this.unknown.length === 0,
      scripts: [...this.scripts],
    };
  }
}

/** Text for a reason: control characters escaped, long values cut. */
export function show(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: escaping them is the point
  const t = text.replace(/[\u0000-\u001f\u007f]/g, (c) =>
    c === "\n" ? "\\n" : c === "\t" ? "\\t" : `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`,
  );
  return t.length > 80 ? `${t.slice(0, 77)}…` : t;
}
