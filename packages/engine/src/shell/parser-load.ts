import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type TreeSitter from "tree-sitter";
import type * as WebTreeSitter from "web-tree-sitter";

/**
 * The two builds of the same bash grammar (tree-sitter-bash, pinned to one version):
 * `native` is the Node binding (`tree-sitter` + `tree-sitter-bash`, optional dependencies, since
 * they compile from source wherever their prebuilt binary does not load); `wasm` is
 * `web-tree-sitter` with the grammar's WebAssembly build, which loads everywhere but only
 * asynchronously. `auto` takes the native one when it loads, else the WebAssembly one.
 */
export type ShellParserKind = "native" | "wasm";
export type ShellParserChoice = ShellParserKind | "auto";

/** The environment variable that picks the parser when the caller does not. */
export const PARSER_ENV = "AUTOMODE_PARSER";

/** The shell parser asked for cannot be had (not loadable, or not initialised yet). */
export class ShellParserError extends Error {
  override readonly name = "ShellParserError";
}

/** The tree-sitter cursor calls the tree copy makes; both builds answer them alike. */
export interface ShellCursor {
  readonly nodeTypeId: number;
  readonly nodeType: string;
  readonly nodeIsNamed: boolean;
  readonly currentFieldId: number;
  readonly currentFieldName: string | null | undefined;
  readonly startIndex: number;
  readonly endIndex: number;
  gotoFirstChild(): boolean;
  gotoNextSibling(): boolean;
  gotoParent(): boolean;
}

/** One parse, open until `close` (the WebAssembly build frees its memory only then). */
export interface OpenTree {
  cursor: ShellCursor;
  hasError: boolean;
  close(): void;
}

export interface ShellGrammar {
  readonly kind: ShellParserKind;
  open(line: string): OpenTree;
}

const CHOICES: readonly ShellParserChoice[] = ["auto", "native", "wasm"];

/** The choice `AUTOMODE_PARSER` makes (`auto` when unset or empty). */
export function parserChoiceFromEnv(
  env: Readonly<Record<string, string | undefined>> = process.env,
): ShellParserChoice {
  const value = env[PARSER_ENV]?.trim().toLowerCase() ?? "";
  if (value === "") return "auto";
  if ((CHOICES as readonly string[]).includes(value)) return value as ShellParserChoice;
  throw new ShellParserError(
    `${PARSER_ENV} must be auto, native or wasm, got ${JSON.stringify(env[PARSER_ENV])}`,
  );
}

/** Checks a caller's `parser` option (a JavaScript caller can pass anything). */
export function checkParserChoice(choice: unknown): ShellParserChoice {
  if ((CHOICES as readonly unknown[]).includes(choice)) return choice as ShellParserChoice;
  throw new ShellParserError(`parser must be auto, native or wasm, got ${JSON.stringify(choice)}`);
}

const firstLine = (error: unknown) =>
  (error instanceof Error ? error.message : String(error)).split("\n")[0] ?? "";

/**
 * The native binding is tried once per process: a failure (no prebuilt binary for this
 * platform and no compiler at install time, or a binary that needs a newer C++ runtime) is
 * remembered with its reason.
 */
let native: ShellGrammar | ShellParserError | undefined;
let wasm: ShellGrammar | undefined;
let wasmLoading: Promise<ShellGrammar> | undefined;

function loadNative(): ShellGrammar {
  if (native === undefined) {
    try {
      const require = createRequire(import.meta.url);
      const Parser = require("tree-sitter") as typeof TreeSitter;
      const bash = require("tree-sitter-bash") as TreeSitter.Language;
      const parser = new Parser();
      parser.setLanguage(bash);
      native = {
        kind: "native",
        open(line) {
          // The binding copies the input through a buffer of `bufferSize` UTF-16 units (32 Ki
          // by default, allocated and zeroed on every parse): one just large enough reads it
          // in one go.
          const tree = parser.parse(line, undefined, { bufferSize: line.length + 1 });
          const root = tree.rootNode;
          // The binding's objects are garbage collected: nothing to free.
          return { cursor: root.walk(), hasError: root.hasError, close() {} };
        },
      };
    } catch (error) {
      native = new ShellParserError(
        `the native tree-sitter binding does not load (${firstLine(error)})`,
      );
    }
  }
  if (native instanceof ShellParserError) throw native;
  return native;
}

/**
 * The grammar's WebAssembly build: the copy the engine's build puts in its own `dist/` (so it
 * ships even where the optional `tree-sitter-bash` package could not install), else the one in
 * `tree-sitter-bash` itself (a source checkout that has not been built).
 */
function grammarFile(): string {
  const require = createRequire(import.meta.url);
  for (const id of [
    "@automode/engine/tree-sitter-bash.wasm",
    "tree-sitter-bash/tree-sitter-bash.wasm",
  ]) {
    try {
      return require.resolve(id);
    } catch {
      // try the next one
    }
  }
  throw new ShellParserError(
    "the bash grammar's WebAssembly file is missing (tree-sitter-bash.wasm; build @automode/engine)",
  );
}

async function loadWasm(): Promise<ShellGrammar> {
  // Loaded with require (its CommonJS build), not import(): the hook runs as CommonJS compiled
  // through node:vm, where a dynamic import has no loader.
  const { Parser, Language } = createRequire(import.meta.url)(
    "web-tree-sitter",
  ) as typeof WebTreeSitter;
  await Parser.init();
  const language = await Language.load(readFileSync(grammarFile()));
  const parser = new Parser();
  parser.setLanguage(language);
  return {
    kind: "wasm",
    open(line) {
      const tree = parser.parse(line);
      if (tree === null) throw new ShellParserError("the WebAssembly parser returned no tree");
      const root = tree.rootNode;
      const cursor = root.walk();
      return {
        cursor,
        hasError: root.hasError,
        close() {
          cursor.delete();
          tree.delete();
        },
      };
    },
  };
}

function initWasm(): Promise<ShellGrammar> {
  wasmLoading ??= loadWasm().then(
    (grammar) => {
      wasm = grammar;
      return grammar;
    },
    (error: unknown) => {
      // A later call may try again (a file restored, say); this one reports why it failed.
      wasmLoading = undefined;
      throw error instanceof ShellParserError
        ? error
        : new ShellParserError(`the WebAssembly parser does not load (${firstLine(error)})`);
    },
  );
  return wasmLoading;
}

const notReady =
  "the WebAssembly parser is not initialised yet: create the engine with `await createEngine()`, or `await initShellParser()` before `createEngineSync()`";

/**
 * The parser for a choice, if it can be had now, synchronously; else a `ShellParserError` that
 * says why. `auto` falls back to the WebAssembly parser only once something initialised it.
 */
export function shellParserSync(choice: ShellParserChoice): ShellGrammar {
  if (choice === "native") return loadNative();
  if (choice === "wasm") {
    if (wasm) return wasm;
    throw new ShellParserError(notReady);
  }
  try {
    return loadNative();
  } catch (error) {
    if (wasm) return wasm;
    throw new ShellParserError(`${firstLine(error)} and ${notReady}`);
  }
}

/**
 * Makes the parser for a choice ready (default: `AUTOMODE_PARSER`, else `auto`) and says which
 * one it is. Idempotent and cheap once done; the only way to ready the WebAssembly parser.
 */
export async function initShellParser(
  choice: ShellParserChoice = parserChoiceFromEnv(),
): Promise<ShellParserKind> {
  if (choice === "wasm") return (await initWasm()).kind;
  if (choice === "native") return loadNative().kind;
  try {
    return loadNative().kind;
  } catch {
    return (await initWasm()).kind;
  }
}

/** The parser the analysis in progress uses (set around one synchronous analysis). */
let active: ShellGrammar | undefined;

export function activeShellParser(): ShellGrammar {
  return active ?? shellParserSync(parserChoiceFromEnv());
}

/**
 * Runs one synchronous analysis with this parser: nested scripts (`bash -c '…'`) parsed
 * during it use the same one, so an engine's choice holds for every line it reads.
 */
export function withShellParser<T>(parser: ShellGrammar, run: () => T): T {
  const previous = active;
  active = parser;
  try {
    return run();
  } finally {
    active = previous;
  }
}
