import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createEngineSync } from "../../src/engine.js";
import type { Tier } from "../../src/types.js";

/**
 * Inputs written into the line itself (issue 12, items 3 and 7): a patch in a heredoc or
 * herestring, and `@file` arguments. Each line is run with the real tool in a throwaway copy
 * first, to show what it does, then decided in every tier.
 */
const tiers: Tier[] = ["permissive", "balanced", "restrictive"];
const has = (tool: string) => spawnSync(tool, ["--version"], { stdio: "ignore" }).status === 0;
let root = "";

function write(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

beforeEach(() => {
  root = join(realpathSync(mkdtempSync(join(tmpdir(), "automode-patches-"))), "repo");
  write(join(root, ".claudeignore"), ".env\n");
  write(join(root, ".claude/policy.json"), '{ "version": 1 }\n');
  write(join(root, ".env"), "SECRET_VALUE=1\n");
  write(join(root, "src/a.ts"), "one\n");
});
afterEach(() => rmSync(dirname(root), { recursive: true, force: true }));

function bash(line: string): void {
  execFileSync("bash", ["-c", line], {
    cwd: root,
    stdio: "ignore",
    env: { ...process.env, GIT_CONFIG_NOSYSTEM: "1", GIT_CONFIG_GLOBAL: "/dev/null" },
  });
}

function decisions(line: string) {
  return tiers.map((tier) =>
    createEngineSync({ projectRoot: root, tier }).decide({
      kind: "execute",
      command: line,
      cwd: root,
    }),
  );
}

const rewriteIgnore = [
  "git apply <<'EOF'",
  "diff --git a/.claudeignore b/.claudeignore",
  "--- a/.claudeignore",
  "+++ b/.claudeignore",
  "@@ -1 +1 @@",
  "-.env",
  "+nothing",
  "EOF",
].join("\n");

describe("a patch fed in the line writes the files it names", () => {
  it.skipIf(!has("git"))(
    "git apply <<'EOF' rewrites the ignore file: a self-protection deny",
    () => {
      for (const d of decisions(rewriteIgnore))
        expect(d, d.reason).toMatchObject({ verdict: "deny", check: "self-protection" });
      bash("git init -q . && git add -A");
      bash(rewriteIgnore);
      expect(readFileSync(join(root, ".claudeignore"), "utf8")).toBe("nothing\n");
    },
  );

  it.skipIf(!has("patch"))("patch without -p writes the last name component", () => {
    const line = [
      "patch <<'EOF'",
      "--- elsewhere/.claudeignore",
      "+++ elsewhere/.claudeignore",
      "@@ -1 +1 @@",
      "-.env",
      "+nothing",
      "EOF",
    ].join("\n");
    for (const d of decisions(line))
      expect(d, d.reason).toMatchObject({ verdict: "deny", check: "self-protection" });
    bash(line);
    expect(readFileSync(join(root, ".claudeignore"), "utf8")).toBe("nothing\n");
  });

  it("a patch of project files keeps the verdicts a write has", () => {
    const line = "git apply - <<<'--- a/src/a.ts\n+++ b/src/a.ts\n@@ -1 +1 @@\n-one\n+two'";
    const [permissive, balanced, restrictive] = decisions(line);
    expect(permissive?.verdict).toBe("approve");
    expect(balanced?.verdict).toBe("approve");
    expect(restrictive?.verdict).toBe("escalate");
    expect(balanced?.operations).toContainEqual(
      expect.objectContaining({ kind: "write", target: `${root}/src/a.ts` }),
    );
  });
});

describe("@file arguments read the file", () => {
  it.skipIf(!has("gcc"))("gcc @.env prints the file: an ignored-path deny in every tier", () => {
    const run = spawnSync("gcc", ["@.env"], { cwd: root, encoding: "utf8" });
    expect(run.stderr).toContain("SECRET_VALUE");
    for (const d of decisions("gcc @.env"))
      expect(d, d.reason).toMatchObject({ verdict: "deny", check: "ignored-path" });
  });

  it("any program's @-argument naming an ignored path is denied", () => {
    for (const line of ["some-tool @.env", "some-tool --from=@.env", "cat @.env"])
      for (const d of decisions(line))
        expect(d, `${line}: ${d.reason}`).toMatchObject({ verdict: "deny", check: "ignored-path" });
  });
});
