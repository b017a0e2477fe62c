import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

// Every package is ESM only, and `engines` names the first Node 20 release that loads ES
// modules from require() without a flag (20.19.0), so CommonJS callers work on every Node the
// packages accept. Checked by requiring and importing each built package in a child process.

const repo = join(import.meta.dirname, "..", "..", "..");
const packages = [
  "packages/policy",
  "packages/scope",
  "packages/engine",
  "packages/audit",
  "packages/lint",
  "apps/automode",
];

function manifest(dir: string): { name: string; type?: string; engines?: { node?: string } } {
  return JSON.parse(readFileSync(join(repo, dir, "package.json"), "utf8"));
}

const [major = 0, minor = 0] = process.versions.node.split(".").map(Number);
const requireEsmUnflagged =
  major > 22 || (major === 22 && minor >= 12) || (major === 20 && minor >= 19);

describe.each(packages)("%s", (dir) => {
  const pkg = manifest(dir);

  it("is ESM only and needs Node >= 20.19", () => {
    expect(pkg.type).toBe("module");
    expect(pkg.engines?.node).toBe(">=20.19");
  });

  it.skipIf(!requireEsmUnflagged)("loads with require() and with import, the same exports", () => {
    const script = `
      const viaRequire = Object.keys(require(${JSON.stringify(pkg.name)})).sort();
      import(${JSON.stringify(pkg.name)}).then((m) => {
        const viaImport = Object.keys(m).filter((k) => k !== "default" && k !== "module.exports").sort();
        process.stdout.write(JSON.stringify({ viaRequire, viaImport }));
      });`;
    const r = spawnSync(process.execPath, ["--no-warnings", "-e", script], {
      cwd: join(repo, dir),
      encoding: "utf8",
    });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const { viaRequire, viaImport } = JSON.parse(r.stdout) as Record<string, string[]>;
    expect(viaRequire!.length).toBeGreaterThan(0);
    expect(viaRequire!.filter((k) => k !== "__esModule")).toEqual(viaImport);
  });
});
