import { afterAll, describe, expect, it } from "vitest";
import { createEngine } from "../../../src/engine.js";
import type { Engine, Tier } from "../../../src/index.js";
import { createProject } from "../../pipeline/project.js";

/**
 * Programs in other languages through the real engine, on a real temp project (its
 * `.claudeignore` ignores `.env`, `.env.*`, `secrets/`, `*.pem`): verdicts in permissive,
 * balanced and restrictive (A approve, E escalate, D deny), and the check that decided.
 */
const CASES: [string, string, string][] = [
  // issue 11's examples
  ["sed -n '1r.env' x", "DDD", "ignored-path"],
  ["sed 'w .claudeignore' README.md", "DDD", "self-protection"],
  [`awk '{ while ((getline l < ".env") > 0) print l }' README.md`, "DDD", "ignored-path"],
  ["jq -n --rawfile a .env '$a'", "DDD", "ignored-path"],
  ["yq -i '.a = 1' .claude/policy.json", "DDD", "self-protection"],
  ["sqlite3 app.db '.shell id'", "EEE", "dynamic"],
  ["sqlite3 app.db '.import .env t'", "DDD", "ignored-path"],
  [`sqlite3 app.db "select readfile('.env')"`, "DDD", "ignored-path"],
  ["sqlite3 -cmd 'DROP TABLE t' app.db", "EEE", "destructive"],
  ["sqlite3 app.db 'DROP/**/TABLE t'", "EEE", "destructive"],
  ["psql -c '\\! id'", "EEE", "dynamic"],
  ["duckdb -c 'DROP TABLE t'", "EEE", "destructive"],
  // the brief's decision table
  ["sqlite3 db 'DROP TABLE t'", "EEE", "destructive"],
  ["sqlite3 db 'select 1'", "AAE", "tier"],
  // more forms
  ["sqlite3 db 'insert into t values (1)'", "AAE", "tier"],
  [`sqlite3 db "select writefile('/etc/x', 'y')"`, "DDD", "system-path"],
  ["sqlite3 db <<'EOF'\nSELECT 1;\nDELETE FROM t;\nEOF", "EEE", "destructive"],
  ["echo 'DROP TABLE x' | sqlite3 db", "EEE", "destructive"],
  ["cat dump.sql | sqlite3 db", "EEE", "dynamic"],
  ["sqlite3 db 'select 1' | head -5", "AAE", "tier"],
  ["sed -i 's/a/b/' src/app.ts", "AAE", "tier"],
  ["sed -n '/export/p' src/app.ts | head", "AAE", "tier"],
  [`awk -F: '{ print $1 }' README.md`, "AAE", "tier"],
  [`awk '{ print $1 > "secrets/out" }' README.md`, "DDD", "ignored-path"],
  [`awk 'BEGIN { system("id") }'`, "EEE", "dynamic"],
  ["sed 's/x/y/e' README.md", "EEE", "dynamic"],
  ["jq '.name' package.json", "AAE", "tier"],
  ["jq -r 'import \"m\" as m; .' package.json", "EEE", "dynamic"],
  ["redis-cli FLUSHALL", "EEE", "destructive"],
  ["jq -n --rawfile a README.md '$a'", "AAE", "tier"],
  ["sed --frobnicate p README.md", "EEE", "dynamic"],
  ["/usr/bin/sqlite3 db 'select 1'", "AAE", "tier"],
  ["sudo sqlite3 db 'select 1'", "DDD", "privilege"],
  ["psql <<'EOF'\nselect 1;\n\\! id\nEOF", "EEE", "dynamic"],
  // tree-sitter-bash loses a heredoc body whose first line starts with a backslash: unknown text
  ["psql <<'EOF'\n\\x\n\\! rm -rf ~\nEOF", "EEE", "dynamic"],
  ["psql <<'EOF'\nselect 1;\nEOF", "AEE", "tier"],
  ["psql -c 'UPDATE users SET admin = true'", "EEE", "destructive"],
];

const project = createProject();
afterAll(() => project.cleanup());
const env = { home: project.home, platform: "linux" as const, caseSensitive: true };
const tiers: Tier[] = ["permissive", "balanced", "restrictive"];
const letter = { approve: "A", escalate: "E", deny: "D" } as const;

describe("programs in other languages, decided by the engine", () => {
  let engines: Engine[] = [];
  it.each(CASES)("%s → %s (%s)", async (command, expected, check) => {
    if (engines.length === 0)
      engines = await Promise.all(
        tiers.map((tier) => createEngine({ projectRoot: project.root, tier, env })),
      );
    const decisions = engines.map((e) => e.decide({ kind: "execute", command, cwd: project.root }));
    const summary = decisions.map((d) => `${d.verdict}/${d.check}: ${d.reason}`).join("\n");
    expect(decisions.map((d) => letter[d.verdict]).join(""), summary).toBe(expected);
    // The expected check carries the verdict in every tier where it is not the tier's own call.
    for (const d of decisions) {
      if (check === "tier" && d.verdict !== "approve") continue;
      expect(
        d.operations.some((o) => o.verdict === d.verdict && o.check === check),
        summary,
      ).toBe(true);
    }
  });
});
