import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { afterAll, describe, expect, it, vi } from "vitest";
import { createEngineSync } from "../../src/engine.js";
import type { Tier } from "../../src/index.js";
import { parseBash, type SyntaxNode } from "../../src/shell/parser.js";
import {
  initShellParser,
  PARSER_ENV,
  parserChoiceFromEnv,
  ShellParserError,
  type ShellParserKind,
  shellParserSync,
  withShellParser,
} from "../../src/shell/parser-load.js";
import { readCorpus, readEveryday } from "../corpus/lists.js";
import { createRealisticProject } from "../corpus/project.js";
import { groups } from "../pipeline/cases/index.js";

/**
 * The native binding and the WebAssembly build read the same grammar (tree-sitter-bash, one
 * pinned version), so they must give the same trees and so the same decisions: a difference
 * would make a machine without a compiler decide differently from one with it.
 */

const here = (name: string) => fileURLToPath(new URL(name, import.meta.url));
const plainLines = (file: string) =>
  readFileSync(file, "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "" && !l.trimStart().startsWith("#"));

const caseCommands = Object.values(groups)
  .flat()
  .flatMap((c) => {
    // Invalid-input cases hold anything at all, null included.
    const a = c.action as { kind?: unknown; command?: unknown } | null;
    return a?.kind === "execute" && typeof a.command === "string" ? [a.command] : [];
  });
const corpora: Record<string, string[]> = {
  "everyday list": readEveryday(here("../corpus/everyday.txt")).map((e) => e.command),
  "adversarial corpus": readCorpus(here("../peers/adversarial.txt")).map((e) => e.command),
  "oracle everyday": plainLines(here("../../oracle/corpus/everyday.txt")),
  "oracle adversarial": plainLines(here("../../oracle/corpus/adversarial.txt")),
  "pipeline cases": caseCommands,
};

/** The tree as one line per node, in pre-order, without recursion (trees can be deep). */
function flat(root: SyntaxNode): string[] {
  const out: string[] = [];
  const stack: Array<[SyntaxNode, number]> = [[root, 0]];
  for (let top = stack.pop(); top; top = stack.pop()) {
    const [n, depth] = top;
    const text = `${n.text.length}:${JSON.stringify(n.text.slice(0, 60))}`;
    out.push(`${depth} ${n.type} ${n.isNamed} ${n.field ?? "-"} ${text}`);
    for (let i = n.children.length - 1; i >= 0; i--)
      stack.push([n.children[i] as SyntaxNode, depth + 1]);
  }
  return out;
}

function treeOn(kind: ShellParserKind, line: string) {
  return withShellParser(shellParserSync(kind), () => {
    const { root, hasError } = parseBash(line);
    return { hasError, root: flat(root) };
  });
}

describe("both parsers are available here", () => {
  it("initShellParser readies each one", async () => {
    expect(await initShellParser("native")).toBe("native");
    expect(await initShellParser("wasm")).toBe("wasm");
    expect(shellParserSync("native").kind).toBe("native");
    expect(shellParserSync("wasm").kind).toBe("wasm");
  });
});

describe("the same syntax tree from both parsers", () => {
  for (const [name, lines] of Object.entries(corpora)) {
    it(`for every line of the ${name} (${lines.length})`, async () => {
      await initShellParser("wasm");
      expect(lines.length).toBeGreaterThan(20);
      for (const line of lines) expect(treeOn("wasm", line), line).toEqual(treeOn("native", line));
    });
  }

  it("for generated lines of shell syntax, broken ones included", async () => {
    await initShellParser("wasm");
    const piece = fc.constantFrom(
      ..."rm cat echo bash -c -rf x .env ' \" $ ( ) { } [ [[ ]] ; && || | > >> < << EOF \\ ` # = ~ * é 🎉 \n \t".split(
        " ",
      ),
      " ",
      "é=1",
      "日",
      "\u00a0",
      "\u3000",
      "\ud800",
      "$(",
      "${",
      "<(",
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const line = pieces.join(" ");
        expect(treeOn("wasm", line)).toEqual(treeOn("native", line));
      }),
      { numRuns: 400 },
    );
  });

  it("reads non-ASCII text as bash does on both: never a name, never a blank", async () => {
    await initShellParser("wasm");
    for (const kind of ["native", "wasm"] as const) {
      // bash runs a program named `é=x`: it is not an assignment (names are ASCII).
      expect(treeOn(kind, "é=x").root).toContain('2 command_name true name 3:"é=x"');
      // A no-break space does not split words in bash: one program named `rm\u00a0-rf`.
      expect(treeOn(kind, "rm\u00a0-rf x").root).toContain(
        `2 command_name true name 6:${JSON.stringify("rm\u00a0-rf")}`,
      );
    }
  });

  it("for a line of 10,000 characters nested deep", async () => {
    await initShellParser("wasm");
    const line = `${"(".repeat(4000)}ls${")".repeat(4000)}`;
    expect(treeOn("wasm", line)).toEqual(treeOn("native", line));
  });
});

describe("the same decisions from both parsers", () => {
  const project = createRealisticProject();
  afterAll(() => project.cleanup());
  const env = { home: project.home, platform: "linux" as const, caseSensitive: true };
  const tiers: Tier[] = ["permissive", "balanced", "restrictive"];

  for (const [name, lines] of Object.entries(corpora)) {
    it(`for every line of the ${name}, in every tier`, async () => {
      await initShellParser("wasm");
      for (const tier of tiers) {
        const on = (parser: ShellParserKind) =>
          createEngineSync({ projectRoot: project.root, tier, env, parser });
        const native = on("native");
        const wasm = on("wasm");
        for (const command of lines) {
          const action = { kind: "execute" as const, command, cwd: project.root };
          expect(wasm.decide(action), `${tier}: ${command}`).toEqual(native.decide(action));
        }
      }
    });
  }
});

describe("choosing the parser", () => {
  it("AUTOMODE_PARSER takes auto, native or wasm, and refuses anything else", () => {
    expect(parserChoiceFromEnv({})).toBe("auto");
    expect(parserChoiceFromEnv({ [PARSER_ENV]: "" })).toBe("auto");
    expect(parserChoiceFromEnv({ [PARSER_ENV]: "WASM" })).toBe("wasm");
    expect(parserChoiceFromEnv({ [PARSER_ENV]: "native" })).toBe("native");
    expect(() => parserChoiceFromEnv({ [PARSER_ENV]: "wsam" })).toThrow(ShellParserError);
    expect(() => parserChoiceFromEnv({ [PARSER_ENV]: "wsam" })).toThrow(
      'AUTOMODE_PARSER must be auto, native or wasm, got "wsam"',
    );
  });

  it("the engine option is checked too", () => {
    const project = createRealisticProject();
    try {
      expect(() =>
        createEngineSync({
          projectRoot: project.root,
          parser: "fast" as unknown as "wasm",
        }),
      ).toThrow('parser must be auto, native or wasm, got "fast"');
    } finally {
      project.cleanup();
    }
  });

  it("createEngineSync refuses the WebAssembly parser before it is initialised; createEngine readies it", async () => {
    // A fresh copy of the engine's modules: nothing initialised yet.
    vi.resetModules();
    const fresh = await import("../../src/engine.js");
    const freshLoad = await import("../../src/shell/parser-load.js");
    const project = createRealisticProject();
    try {
      const options = { projectRoot: project.root, parser: "wasm" as const };
      expect(() => fresh.createEngineSync(options)).toThrow(freshLoad.ShellParserError);
      expect(() => fresh.createEngineSync(options)).toThrow(
        "the WebAssembly parser is not initialised yet",
      );
      const engine = await fresh.createEngine(options);
      const d = engine.decide({ kind: "execute", command: "rm -rf src", cwd: project.root });
      expect(d.check).toBe("destructive");
      // Now that it is ready, the synchronous constructor takes it as well.
      expect(() => fresh.createEngineSync(options)).not.toThrow();
    } finally {
      project.cleanup();
      vi.resetModules();
    }
  });
});

/**
 * A machine where the native binding does not load, in a real child process: a preload makes
 * `require("tree-sitter")` throw what Debian 12 prints for the prebuilt binary. (The packed
 * install test, scripts/pack-install.sh, deletes the binding from a real install instead.)
 */
describe("where the native binding does not load", () => {
  const tsx = createRequire(import.meta.url).resolve("tsx");
  const run = () =>
    JSON.parse(
      execFileSync(
        process.execPath,
        [
          "--require",
          here("./fixtures/no-native.cjs"),
          "--import",
          tsx,
          here("./fixtures/fallback.ts"),
        ],
        { encoding: "utf8", env: { ...process.env, [PARSER_ENV]: "" } },
      ),
    ) as Record<string, string>;

  it("auto falls back to the WebAssembly parser, and a sync engine without it fails closed", () => {
    const out = run();
    // Before anything awaited the WebAssembly parser: a command cannot be read, so escalate.
    expect(out.syncVerdict).toBe("escalate");
    expect(out.syncReason).toContain("the native tree-sitter binding does not load");
    expect(out.syncReason).toContain("GLIBCXX_3.4.31");
    expect(out.nativeError).toContain("the native tree-sitter binding does not load");
    expect(out.init).toBe("wasm");
    expect(out.asyncCheck).toBe("destructive");
    expect(out.laterSyncVerdict).toBe("approve");
  });
});
