import type { ProgramArg } from "./result.js";

/**
 * How an option takes its value: `flag` none; `value` the rest of the cluster or the next
 * argument; `attached` only glued to it (`-i.bak`, `--in-place=.bak`, getopt's `::`);
 * `two` the next two arguments (`jq --arg name value`).
 */
export type OptKind = "flag" | "value" | "attached" | "two";

export interface OptDef {
  kind: OptKind;
  /** The name the analyser switches on (one per option, whatever its spelling). */
  id: string;
}

export interface OptTable {
  short?: Readonly<Record<string, OptDef>>;
  long?: Readonly<Record<string, OptDef>>;
  /** Options may follow operands (GNU getopt permutes); otherwise the first operand ends them. */
  permute: boolean;
  /** Unique prefixes of long options are accepted, as getopt_long does. */
  prefixes: boolean;
  /** Every option is a whole word after one or two dashes (`sqlite3 -cmd`, `-bail`); no clusters. */
  singleDash?: boolean;
}

export interface GivenOpt {
  id: string;
  /** The value (the first of two for `two`); undefined when absent or not a literal. */
  value: ProgramArg;
  second?: ProgramArg;
  spelled: string;
}

export type Parsed =
  | { ok: true; opts: GivenOpt[]; operands: ProgramArg[] }
  | { ok: false; error: string };

const opt = (kind: OptKind, id: string): OptDef => ({ kind, id });
export const flag = (id: string): OptDef => opt("flag", id);
export const value = (id: string): OptDef => opt("value", id);
export const attached = (id: string): OptDef => opt("attached", id);
export const two = (id: string): OptDef => opt("two", id);

function findLong(table: OptTable, name: string): OptDef | string {
  const long = table.long ?? {};
  if (Object.hasOwn(long, name)) return long[name] as OptDef;
  if (!table.prefixes) return `unknown option --${name}`;
  const hits = Object.keys(long).filter((k) => k.startsWith(name));
  const ids = new Set(hits.map((k) => (long[k] as OptDef).id));
  if (hits.length === 0 || name === "") return `unknown option --${name}`;
  if (ids.size > 1) return `ambiguous option --${name}`;
  return long[hits[0] as string] as OptDef;
}

/**
 * Parses a command's arguments against its option table, the way getopt_long (or the
 * program's own simpler parser) would. Any option the table does not know is an error:
 * the closed world.
 */
export function parseOptions(args: readonly ProgramArg[], table: OptTable): Parsed {
  const opts: GivenOpt[] = [];
  const operands: ProgramArg[] = [];
  let i = 0;
  let ended = false;
  const next = (): ProgramArg | null => (i + 1 < args.length ? args[++i] : null);
  for (; i < args.length; i++) {
    const a = args[i];
    if (ended || a === undefined || a === "-" || !a.startsWith("-")) {
      if (a === undefined && !ended)
        return { ok: false, error: "an argument is not a literal, so it may be an option" };
      operands.push(a);
      if (!table.permute) ended = true;
      continue;
    }
    if (a === "--") {
      ended = true;
      continue;
    }
    const long = a.startsWith("--") || table.singleDash === true;
    if (long) {
      const body = a.slice(a.startsWith("--") ? 2 : 1);
      const eq = body.indexOf("=");
      const name = eq < 0 ? body : body.slice(0, eq);
      const found = findLong(table, name);
      if (typeof found === "string") return { ok: false, error: found };
      const spelled = `${a.startsWith("--") ? "--" : "-"}${name}`;
      if (found.kind === "flag") {
        if (eq >= 0) return { ok: false, error: `option ${spelled} takes no value` };
        opts.push({ id: found.id, value: undefined, spelled });
      } else if (found.kind === "attached") {
        opts.push({ id: found.id, value: eq >= 0 ? body.slice(eq + 1) : undefined, spelled });
      } else if (found.kind === "value") {
        if (eq >= 0) opts.push({ id: found.id, value: body.slice(eq + 1), spelled });
        else {
          const v = next();
          if (v === null) return { ok: false, error: `option ${spelled} needs a value` };
          opts.push({ id: found.id, value: v, spelled });
        }
      } else {
        const v1 = eq >= 0 ? body.slice(eq + 1) : next();
        const v2 = next();
        if (v1 === null || v2 === null)
          return { ok: false, error: `option ${spelled} needs two values` };
        opts.push({ id: found.id, value: v1, second: v2, spelled });
      }
      continue;
    }
    // A cluster of short options: `-ne`, `-i.bak`, `-F:`.
    for (let j = 1; j < a.length; j++) {
      const c = a[j] as string;
      const def = table.short?.[c];
      if (!def) return { ok: false, error: `unknown option -${c}` };
      const spelled = `-${c}`;
      const rest = a.slice(j + 1);
      if (def.kind === "flag") {
        opts.push({ id: def.id, value: undefined, spelled });
        continue;
      }
      if (def.kind === "attached") opts.push({ id: def.id, value: rest || undefined, spelled });
      else if (def.kind === "value") {
        if (rest !== "") opts.push({ id: def.id, value: rest, spelled });
        else {
          const v = next();
          if (v === null) return { ok: false, error: `option ${spelled} needs a value` };
          opts.push({ id: def.id, value: v, spelled });
        }
      } else {
        const v1 = rest !== "" ? rest : next();
        const v2 = next();
        if (v1 === null || v2 === null)
          return { ok: false, error: `option ${spelled} needs two values` };
        opts.push({ id: def.id, value: v1, second: v2, spelled });
      }
      break;
    }
  }
  return { ok: true, opts, operands };
}
