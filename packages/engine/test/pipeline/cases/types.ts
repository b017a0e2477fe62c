import type { Action, Check, Verdict } from "../../../src/types.js";

/** Verdicts in permissive, balanced, restrictive, one letter each: A approve, E escalate, D deny. */
export type Expect = `${"A" | "E" | "D"}${"A" | "E" | "D"}${"A" | "E" | "D"}`;

/** Which policy a case runs under; `rules` also runs with the rule list reversed. */
export type PolicyName = "default" | "rules";

export interface Case {
  name: string;
  /**
   * The action; paths and commands may use `@ROOT@` (the project root), `@TMP@` (the temp
   * folder holding it, the home folder, `outside/`, `shared/`, `repo-evil/`) and `@HOME@`.
   */
  action: Action;
  expect: Expect;
  check?: Check;
  rule?: string;
  policy?: PolicyName;
}

const letters: Record<string, Verdict> = { A: "approve", E: "escalate", D: "deny" };

export function verdictsOf(expect: Expect): [Verdict, Verdict, Verdict] {
  return [letters[expect[0]!]!, letters[expect[1]!]!, letters[expect[2]!]!];
}

interface Extra {
  check?: Check;
  rule?: string;
  policy?: PolicyName;
  cwd?: string;
  tool?: string;
  name?: string;
}

function withExtra(action: Action, expect: Expect, extra: Extra, name: string): Case {
  const a = { ...action };
  if (extra.cwd !== undefined) a.cwd = extra.cwd;
  if (extra.tool !== undefined) a.tool = extra.tool;
  const c: Case = { name: extra.name ?? name, action: a, expect };
  if (extra.check !== undefined) c.check = extra.check;
  if (extra.rule !== undefined) c.rule = extra.rule;
  if (extra.policy !== undefined) c.policy = extra.policy;
  return c;
}

/** A shell command. */
export function x(command: string, expect: Expect, check?: Check | Extra, extra: Extra = {}): Case {
  const e = typeof check === "string" ? { ...extra, check } : { ...(check ?? {}), ...extra };
  return withExtra({ kind: "execute", command }, expect, e, command);
}

export function read(path: string, expect: Expect, check?: Check | Extra): Case {
  const e = typeof check === "string" ? { check } : (check ?? {});
  return withExtra({ kind: "read", path }, expect, e, `Read ${path}`);
}

export function write(path: string, expect: Expect, check?: Check | Extra): Case {
  const e = typeof check === "string" ? { check } : (check ?? {});
  return withExtra({ kind: "write", path }, expect, e, `Write ${path}`);
}

export function del(path: string, expect: Expect, check?: Check | Extra, recursive = false): Case {
  const e = typeof check === "string" ? { check } : (check ?? {});
  const action: Action = recursive ? { kind: "delete", path, recursive } : { kind: "delete", path };
  return withExtra(action, expect, e, `Delete ${path}${recursive ? " (recursive)" : ""}`);
}

export function net(url: string, expect: Expect, check?: Check | Extra): Case {
  const e = typeof check === "string" ? { check } : (check ?? {});
  return withExtra({ kind: "network", url }, expect, e, `Fetch ${url}`);
}
