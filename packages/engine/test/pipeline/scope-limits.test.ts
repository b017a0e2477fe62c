import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createEngineSync, PolicyError } from "../../src/engine.js";
import type { Tier } from "../../src/types.js";

// A project without .claudeignore (the built-in baseline applies) and a sibling `shared/`
// folder, also without one, named in additionalDirectories.
const tmp = realpathSync(mkdtempSync(join(tmpdir(), "automode-limits-")));
const root = join(tmp, "repo");
const home = join(tmp, "home");
for (const file of [
  "repo/.env",
  "repo/src/a.ts",
  "repo/certs/server.pem",
  "repo/secrets/token.txt",
  "shared/.env",
  "shared/notes.md",
  "home/notes.txt",
]) {
  mkdirSync(dirname(join(tmp, file)), { recursive: true });
  writeFileSync(join(tmp, file), "x");
}
symlinkSync("/", join(tmp, "to-root"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const env = { home, platform: "linux" as const, caseSensitive: true };
const tiers: Tier[] = ["permissive", "balanced", "restrictive"];
const engines = (additionalDirectories: string[] = []) =>
  tiers.map((tier) =>
    createEngineSync({
      projectRoot: root,
      policy: { version: 1, additionalDirectories },
      tier,
      env,
    }),
  );

describe("the built-in baseline when the project has no .claudeignore", () => {
  const all = engines(["../shared"]);
  it.each([
    [".env", "the project has no .claudeignore"],
    ["certs/server.pem", "the project has no .claudeignore"],
    ["secrets/token.txt", "the project has no .claudeignore"],
    ["../shared/.env", "../shared has no .claudeignore"],
  ])("reading %s is denied in every tier, and the reason says the baseline did it", (path, why) => {
    for (const engine of all) {
      const d = engine.decide({ kind: "read", path, cwd: root });
      expect(d.verdict).toBe("deny");
      expect(d.check).toBe("ignored-path");
      expect(d.reason).toContain(`(built-in baseline: ${why})`);
    }
  });

  it("cat .env through the shell says so too; ordinary files are untouched", () => {
    for (const engine of all) {
      const d = engine.decide({ kind: "execute", command: "cat .env", cwd: root });
      expect(d.verdict).toBe("deny");
      expect(d.reason).toContain("built-in baseline");
      expect(engine.decide({ kind: "read", path: "src/a.ts", cwd: root }).verdict).toBe("approve");
      expect(engine.decide({ kind: "read", path: "../shared/notes.md", cwd: root }).verdict).toBe(
        "approve",
      );
    }
  });
});

describe("additionalDirectories that make the policy invalid", () => {
  it.each([["/"], ["~"], ["$HOME"], ["/tmp"], ["/etc"], [".."], ["../to-root"]])(
    "%s: the engine refuses to start with a PolicyError naming the entry",
    (entry) => {
      let error: unknown;
      try {
        engines([entry]);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(PolicyError);
      expect((error as Error).message).toContain(JSON.stringify(entry));
      expect((error as Error).message).toContain("additionalDirectories");
    },
  );
});
