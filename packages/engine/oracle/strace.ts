/**
 * A parser for `strace -f -qq -y -xx` output. Every string argument is hex (`"\x2f\x65"`), so
 * no path character can confuse the splitting; descriptors carry their path (`3<\x2f…>`,
 * `AT_FDCWD<\x2f…>`). Calls that another process interrupted (`<unfinished ...>`, later
 * `<... name resumed>`) are joined. Lines it cannot read are counted, never guessed.
 */

export interface Syscall {
  pid: number;
  name: string;
  /** Raw argument texts, split at top-level commas. */
  args: string[];
  /** The return value as printed: `0`, `-1`, `3`, `?`. */
  ret: string;
  /** The descriptor path of the return value (`= 3<\x2f…>`), decoded. */
  retPath?: string;
  /** `ENOENT`, `EROFS`… when the call failed. */
  errno?: string;
}

export interface ParsedTrace {
  calls: Syscall[];
  /** Lines that were neither a call, a signal nor an exit notice. */
  unreadable: string[];
}

const linePattern = /^(\d+)\s+(.*)$/;

export function parseTrace(text: string): ParsedTrace {
  const calls: Syscall[] = [];
  const unreadable: string[] = [];
  const pending = new Map<number, string>();
  for (const raw of text.split("\n")) {
    if (raw.trim() === "") continue;
    const match = linePattern.exec(raw);
    if (match === null) {
      unreadable.push(raw);
      continue;
    }
    const pid = Number(match[1]);
    let body = match[2]!;
    if (body.startsWith("+++") || body.startsWith("---")) continue;
    const unfinished = body.lastIndexOf(" <unfinished ...>");
    if (unfinished !== -1 && body.endsWith("<unfinished ...>")) {
      pending.set(pid, body.slice(0, unfinished));
      continue;
    }
    const resumed = /^<\.\.\. ([a-z0-9_]+) resumed>\s?/.exec(body);
    if (resumed !== null) {
      const head = pending.get(pid);
      pending.delete(pid);
      if (head === undefined) {
        unreadable.push(raw);
        continue;
      }
      body = joinResumed(head, body.slice(resumed[0].length));
    }
    const call = parseCall(pid, body);
    if (call === undefined) unreadable.push(raw);
    else calls.push(call);
  }
  for (const [pid, head] of pending) {
    // A call still running when the process died (killed, or the trace cut by a time limit):
    // its arguments are known, its result is not.
    const call = parseCall(pid, `${head}) = ?`);
    if (call !== undefined) calls.push(call);
  }
  return { calls, unreadable };
}

function joinResumed(head: string, rest: string): string {
  if (head.endsWith("(") || rest.startsWith(")")) return head + rest;
  if (rest.startsWith("=>")) return `${head} ${rest}`;
  return head.endsWith(", ") || rest.startsWith(",") ? head + rest : `${head}, ${rest}`;
}

function parseCall(pid: number, body: string): Syscall | undefined {
  const open = body.indexOf("(");
  if (open <= 0) return undefined;
  const name = body.slice(0, open);
  if (!/^[a-z0-9_]+$/.test(name)) return undefined;
  const close = findClose(body, open);
  if (close === -1) return undefined;
  const after = body.slice(close + 1);
  const result = /^\s*=\s*(\S+)(?:\s+([A-Z][A-Z0-9_]+)\b)?/.exec(after);
  if (result === null) return undefined;
  const retText = result[1]!;
  const call: Syscall = { pid, name, args: splitArgs(body.slice(open + 1, close)), ret: retText };
  const fd = /^(-?\d+)<(.*)>$/.exec(retText);
  if (fd !== null) {
    call.ret = fd[1]!;
    call.retPath = decodeText(fd[2]!);
  }
  if (call.ret.startsWith("-") && result[2] !== undefined) call.errno = result[2];
  return call;
}

/** The index of the parenthesis closing the one at `open`, skipping strings and nesting. */
function findClose(text: string, open: number): number {
  let depth = 0;
  let quoted = false;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === "\\") i++;
      else if (c === '"') quoted = false;
      continue;
    }
    if (c === '"') quoted = true;
    else if (c === "(" || c === "[" || c === "{" || c === "<") depth++;
    else if (c === ")" || c === "]" || c === "}" || (c === ">" && text[i - 1] !== "=")) {
      depth--;
      if (depth === 0) return c === ")" ? i : -1;
    }
  }
  return -1;
}

function splitArgs(text: string): string[] {
  const args: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === "\\") i++;
      else if (c === '"') quoted = false;
      continue;
    }
    if (c === '"') quoted = true;
    else if (c === "(" || c === "[" || c === "{" || c === "<") depth++;
    // `=>` (the value a call wrote back: `clone3({…} => {parent_tid=[8]}, 88)`) closes nothing.
    else if (c === ")" || c === "]" || c === "}" || (c === ">" && text[i - 1] !== "=")) depth--;
    else if (c === "," && depth === 0) {
      args.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  const last = text.slice(start).trim();
  if (last !== "" || args.length > 0) args.push(last);
  return args;
}

/** Decodes strace's C escapes (`\x2f`, `\n`, `\\`) into a string (UTF-8 bytes). */
export function decodeText(text: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (text[i] !== "\\") {
      bytes.push(c & 0xff);
      continue;
    }
    const next = text[i + 1];
    if (next === "x") {
      bytes.push(Number.parseInt(text.slice(i + 2, i + 4), 16));
      i += 3;
    } else if (next !== undefined && /[0-7]/.test(next)) {
      const octal = /^[0-7]{1,3}/.exec(text.slice(i + 1))![0];
      bytes.push(Number.parseInt(octal, 8));
      i += octal.length;
    } else {
      const escapes: Record<string, number> = { n: 10, t: 9, r: 13, v: 11, f: 12, '"': 34 };
      bytes.push(next === undefined ? 92 : (escapes[next] ?? next.charCodeAt(0)));
      i++;
    }
  }
  return Buffer.from(bytes).toString("utf8");
}

/** A quoted string argument (`"\x2f…"`), decoded; undefined for NULL or anything else. */
export function stringArg(arg: string | undefined): string | undefined {
  if (arg === undefined) return undefined;
  const match = /^"(.*)"(\.\.\.)?$/s.exec(arg);
  return match === null ? undefined : decodeText(match[1]!);
}

/** The path of a descriptor argument (`3<\x2f…>`, `AT_FDCWD<\x2f…>`), decoded. */
export function descriptorPath(arg: string | undefined): string | undefined {
  if (arg === undefined) return undefined;
  const match = /^[A-Z_0-9-]+<(.*)>$/s.exec(arg);
  return match === null ? undefined : decodeText(match[1]!);
}

/** The strings of an argv argument (`["\x62…", "\x2d…"]`). */
export function stringList(arg: string | undefined): string[] {
  if (arg === undefined || !arg.startsWith("[")) return [];
  return splitArgs(arg.slice(1, -1))
    .map((item) => stringArg(item))
    .filter((s): s is string => s !== undefined);
}
