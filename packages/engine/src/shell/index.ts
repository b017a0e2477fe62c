import type { Operation } from "../types.js";
import type { FileSystem } from "./fs.js";
import { parseBash } from "./parser.js";
import {
  parserChoiceFromEnv,
  type ShellParserChoice,
  shellParserSync,
  withShellParser,
} from "./parser-load.js";
import { unparseableOp, Walker } from "./walk.js";

export type { FileKind, FileSystem } from "./fs.js";
export { initShellParser } from "./parser.js";
export {
  PARSER_ENV,
  parserChoiceFromEnv,
  type ShellParserChoice,
  ShellParserError,
  type ShellParserKind,
} from "./parser-load.js";

export interface ShellContext {
  /** Absolute directory the command line starts in. */
  cwd: string;
  home: string;
  fs: FileSystem;
  /** `$OLDPWD` / `cd -` at the start; unknown when absent. */
  oldpwd?: string;
  /** Which bash parser reads the line; default `AUTOMODE_PARSER`, else `auto`. */
  parser?: ShellParserChoice;
}

/** SPEC section 4: longer command lines are escalated unread. */
export const MAX_COMMAND_LENGTH = 10_000;

const TOP = { wrappers: [], inherited: [], depth: 0 } as const;

/**
 * Analyses one bash command line into operations (SPEC section 4). Synchronous and total:
 * anything it cannot understand becomes an execute operation with an `unparseable` or
 * `dynamic` hazard, so the pipeline escalates; it never throws.
 */
export function analyzeCommand(line: string, ctx: ShellContext): Operation[] {
  try {
    if (line.length > MAX_COMMAND_LENGTH) {
      return [
        unparseableOp(
          line.slice(0, 200),
          ctx.cwd,
          TOP,
          `the command is longer than ${MAX_COMMAND_LENGTH} characters`,
        ),
      ];
    }
    if (line.includes("\0"))
      return [unparseableOp(line, ctx.cwd, TOP, "the command contains a NUL byte")];
    // A parser that cannot be had throws here, and the line is escalated with the reason.
    const parser = shellParserSync(ctx.parser ?? parserChoiceFromEnv());
    const walker = new Walker(ctx.fs, ctx.home);
    withShellParser(parser, () => {
      const { root, hasError, misread } = parseBash(line);
      if (hasError || misread)
        walker.ops.push(unparseableOp(line, ctx.cwd, TOP, "the command cannot be parsed as bash"));
      walker.statement(root, { cwd: ctx.cwd, oldpwd: ctx.oldpwd, dirs: [] }, TOP, undefined);
      walker.settle(0);
    });
    if (walker.ops.length === 0) {
      // Nothing runs (empty line, comments, plain assignments): still one operation to judge.
      walker.ops.push({
        kind: "execute",
        command: { name: "", args: [], cwd: ctx.cwd, text: line, wrappers: [] },
        class: "read-only",
        reason: "the command line runs nothing",
        hazards: [],
      });
    }
    return walker.ops;
  } catch (e) {
    return [
      unparseableOp(
        line.slice(0, 200),
        ctx.cwd,
        TOP,
        `automode could not analyse the command (${e instanceof Error ? e.message : String(e)})`,
      ),
    ];
  }
}
