import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CONCERNS, renderView } from "../../src/shell/knowledge/views.js";

describe("generated reviewer views (docs/)", () => {
  for (const c of CONCERNS) {
    it(`docs/${c}.md is up to date`, () => {
      const file = join(import.meta.dirname, "..", "..", "docs", `${c}.md`);
      let onDisk = "";
      try {
        onDisk = readFileSync(file, "utf8");
      } catch {
        onDisk = "(missing)";
      }
      expect(onDisk, `docs/${c}.md is out of date: run pnpm --filter @automode/engine views`).toBe(
        renderView(c),
      );
    });
  }
  it("the runs-command view lists the issue's runners", () => {
    const page = renderView("runs-command");
    for (const needle of [
      "`rg`",
      "`--pre`",
      "`fd`",
      "`git rebase`",
      "`git bisect run`",
      "`make`",
      "`eval`",
      "`trap`",
      "`xargs`",
      "`env`",
      "`flock`",
      "`tar`",
      "`zip`",
      "`arch`",
      "`cmake`",
    ])
      expect(page).toContain(needle);
  });
});
