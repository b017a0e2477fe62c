import type { CommandClass } from "../../types.js";

/**
 * What an option's value is to the program (SPEC section 4, "Closed world"):
 * - `text`: not a path (a pattern, a number, a message);
 * - `read` / `write`: a path it reads / writes (`--output`, `-o`, `--junitxml`);
 * - `runs`: a command line it runs (`rg --pre`, `git rebase -x`), analysed like `sh -c`;
 * - `code`: code in another language it runs (`make --eval`), `dynamic`;
 * - `host`: a host or URL it reaches;
 * - `chdir`: the folder it works in (`git -C`, `make -C`);
 * - `config`: a `key=value` configuration setting (`git -c`), judged by the program's
 *   `config` hook.
 */
export type ValueRole = "text" | "read" | "write" | "runs" | "code" | "host" | "chdir" | "config";

/** An effect of an option given at all (a flag, or an option whatever its value). */
export interface OptionEffect {
  /** SPEC section 5: irreversible. The reason a person reads. */
  readonly destructive?: string;
  /** Runs code automode cannot see (`less +!cmd`, `cmake -E`). */
  readonly dynamic?: string;
  /** Moves the invocation to this class (`-g` → global-config). */
  readonly class?: CommandClass;
  readonly why?: string;
  /** The arguments after this option are a command it runs (`fd -x cmd args…`). */
  readonly runsRest?: boolean;
  /** The operands become writes of the files they name (`sed -i`, `yq -i`). */
  readonly writesOperands?: boolean;
}

export interface OptionDef extends OptionEffect {
  /** Every spelling: `-o`, `--output`. */
  readonly names: readonly string[];
  /** The option takes a value, in this role. */
  readonly value?: ValueRole;
  /** The value is only given attached (`--color=always`, `-j4`), never as the next word. */
  readonly optionalValue?: boolean;
}

/** What the operands (non-option words) of a program are, for the closed-world check. */
export type OperandsRule =
  /** Any operands (files, patterns: the operand tables in `tables/files.ts` model their roles). */
  | "any"
  /** No operands at all. */
  | "none"
  /** The operands are a command line it runs (`git bisect run rm -rf x`). */
  | "runs"
  /** The operands are joined into a shell script it runs (`git submodule foreach '…'`). */
  | "script";

export interface Program {
  /** The words that name it: `["git", "log"]`. */
  readonly path: readonly string[];
  readonly options: ReadonlyMap<string, OptionDef>;
  /** Long options as a sorted list, for unique-prefix resolution. */
  readonly longs: readonly string[];
  readonly sub: ReadonlyMap<string, Program> | undefined;
  readonly operands: OperandsRule;
  /** Unique prefixes of long options are accepted (getopt_long, git's parse-options). */
  readonly abbrev: boolean;
  /** Every long option has a `--no-` form that turns it off (git's parse-options). */
  readonly negatable: boolean;
  /** Options end at the first operand (subcommands, POSIX utilities run as wrappers). */
  readonly stopAtOperand: boolean;
  /** Long options are spelled with one dash and never cluster (`go test -run x`, `find`). */
  readonly singleDashLong: boolean;
  /** An option it does not know is an operand it prints or tests (`echo -x`, `test -f f`). */
  readonly unknownAreOperands: boolean;
  /** `-5` is a number option (`head -5`, `tail -20`, `xargs -0` is not this). */
  readonly numberOption: boolean;
  /** This level's options are also accepted after the subcommand (npm's `--workspace`). */
  readonly globalsInherited: boolean;
  /** An unknown first operand is a package script it runs (`pnpm build`, `yarn lint`). */
  readonly scriptFallback: boolean;
  /** Reaching this subcommand is irreversible (`docker volume rm`): the reason. */
  readonly destructive?: string;
  /** Every word after this subcommand goes to the script it runs (`pnpm test --watch`). */
  readonly passRest: boolean;
  /** The version of the tool (or its manual) the model follows. */
  readonly version: string;
  readonly examples: Examples;
  /** A hook for `key=value` settings of a `config` option (`git -c core.pager=…`). */
  readonly config?: (setting: string) => OptionEffect | undefined;
}

export interface Examples {
  readonly approve: readonly string[];
  readonly notApprove: readonly string[];
}
