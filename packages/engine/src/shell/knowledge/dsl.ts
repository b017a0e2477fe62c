import type {
  Examples,
  OperandsRule,
  OptionDef,
  OptionEffect,
  Program,
  ValueRole,
} from "./types.js";

/**
 * The compact spelling models are written in. `opts` is a space-separated list of options,
 * each `-o|--output` with an optional value role: `=v` text, `=r` reads a path, `=w` writes
 * a path, `=x` runs a command line, `=c` runs code in another language, `=h` reaches a host,
 * `=d` changes the working folder, `=k` a `key=value` setting. `[=v]` (brackets) takes its
 * value only attached (`--color=always`). Options with effects beyond a value role go in
 * `special`, keyed the same way.
 */
export interface ProgramSpec {
  readonly opts?: string;
  readonly special?: Readonly<
    Record<string, OptionEffect & { value?: ValueRole; optionalValue?: boolean }>
  >;
  /** Subcommands; a key may list aliases: `"remove|rm|uninstall"`. */
  readonly sub?: Readonly<Record<string, ProgramSpec>>;
  readonly operands?: OperandsRule;
  readonly abbrev?: boolean;
  readonly negatable?: boolean;
  readonly stopAtOperand?: boolean;
  readonly singleDashLong?: boolean;
  readonly numberOption?: boolean;
  readonly unknownAreOperands?: boolean;
  readonly globalsInherited?: boolean;
  readonly scriptFallback?: boolean;
  readonly passRest?: boolean;
  readonly destructive?: string;
  readonly version?: string;
  readonly examples?: Partial<Examples>;
  readonly config?: (setting: string) => OptionEffect | undefined;
}

const ROLES: Readonly<Record<string, ValueRole>> = {
  v: "text",
  r: "read",
  w: "write",
  x: "runs",
  c: "code",
  h: "host",
  d: "chdir",
  k: "config",
};

/** `--help`, `--version` and `-h` are accepted everywhere a program is modelled. */
const ALWAYS = "-h|--help --version";

function parseEntry(entry: string, line: string): OptionDef {
  const m = /^([^=[\]]+)(?:(\[)?=([a-z])\]?)?$/.exec(entry);
  if (!m?.[1]) throw new Error(`bad option entry "${entry}" in "${line}"`);
  const names = m[1].split("|");
  if (m[3] === undefined) return { names };
  const value = ROLES[m[3]];
  if (!value) throw new Error(`bad value role "${m[3]}" in "${entry}"`);
  return m[2] ? { names, value, optionalValue: true } : { names, value };
}

function addDef(map: Map<string, OptionDef>, def: OptionDef): void {
  for (const n of def.names) map.set(n, def);
}

/** Builds a program (and its subcommands) from its spec. `inherited`: the parent's globals. */
export function program(
  name: string | readonly string[],
  spec: ProgramSpec,
  parent?: {
    options?: ReadonlyMap<string, OptionDef>;
    version: string;
    abbrev: boolean;
    negatable: boolean;
  },
): Program {
  const inherited = parent?.options;
  const path = typeof name === "string" ? [name] : name;
  const options = new Map<string, OptionDef>(inherited);
  const line = `${ALWAYS} ${spec.opts ?? ""}`;
  for (const e of line.split(/\s+/)) if (e !== "") addDef(options, parseEntry(e, path.join(" ")));
  for (const [key, eff] of Object.entries(spec.special ?? {})) {
    const base = parseEntry(key, path.join(" "));
    addDef(options, { ...base, ...eff, names: base.names });
  }
  const version = spec.version ?? parent?.version ?? "";
  const abbrev = spec.abbrev ?? parent?.abbrev ?? false;
  const negatable = spec.negatable ?? parent?.negatable ?? false;
  let sub: Map<string, Program> | undefined;
  if (spec.sub) {
    sub = new Map();
    const pass = spec.globalsInherited ? options : undefined;
    for (const [key, s] of Object.entries(spec.sub)) {
      const names = key.split("|");
      const first = names[0] as string;
      const child = program([...path, first], s, { options: pass, version, abbrev, negatable });
      for (const n of names) sub.set(n, child);
    }
  }
  const longs = [...options.keys()].filter((k) => k.startsWith("--")).sort();
  const p: Program = {
    path,
    options,
    longs,
    sub,
    operands: spec.operands ?? (spec.sub ? "none" : "any"),
    abbrev,
    negatable,
    stopAtOperand: spec.stopAtOperand ?? false,
    singleDashLong: spec.singleDashLong ?? false,
    numberOption: spec.numberOption ?? false,
    unknownAreOperands: spec.unknownAreOperands ?? false,
    globalsInherited: spec.globalsInherited ?? false,
    scriptFallback: spec.scriptFallback ?? false,
    passRest: spec.passRest ?? false,
    version,
    examples: {
      approve: spec.examples?.approve ?? [],
      notApprove: spec.examples?.notApprove ?? [],
    },
  };
  const withConfig = spec.config ? { ...p, config: spec.config } : p;
  return spec.destructive ? { ...withConfig, destructive: spec.destructive } : withConfig;
}

/** Shorthand for a subcommand spec that inherits abbreviation rules and a few options. */
export function sub(opts: string, rest: Omit<ProgramSpec, "opts"> = {}): ProgramSpec {
  return { opts, ...rest };
}
