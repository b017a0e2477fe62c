import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { Miss } from "../../oracle/compare.js";
import { readCommands, readTriage, triaged, UsageError } from "../../oracle/triage.js";

const dir = mkdtempSync(join(tmpdir(), "automode-oracle-triage-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const miss = (kind: Miss["kind"], target: string): Miss => ({
  kind,
  target,
  by: "x",
  why: "unpredicted",
});

describe("the triage file and the commands file (no sandbox needed)", () => {
  it("matches a miss by command, kind and target, `*` for any target", () => {
    const entries = readTriage(
      file(
        "ok.tsv",
        "# comment\n\ngit log --output=x\twrite\tx\tissue 11\nfd -X touch y\twrite\t*\tissue 11\n",
      ),
    );
    expect(entries).toHaveLength(2);
    expect(triaged(entries, "git log --output=x", miss("write", "x"))?.reason).toBe("issue 11");
    expect(triaged(entries, "git log --output=x", miss("write", "y"))).toBeUndefined();
    expect(triaged(entries, "git log --output=x", miss("read", "x"))).toBeUndefined();
    expect(triaged(entries, "fd -X touch y", miss("write", "src/a.ts"))).toBeDefined();
    expect(triaged(entries, "fd -X touch y", miss("execute", "touch"))).toBeUndefined();
  });

  it("rejects a malformed line with its file, line and column", () => {
    const short = file("short.tsv", "# x\ncat a\tread\n");
    expect(() => readTriage(short)).toThrow(UsageError);
    expect(() => readTriage(short)).toThrow(`${short}:2:1: expected 4 tab-separated fields`);
    const kind = file("kind.tsv", "cat a\tlisten\ta\twhy\n");
    expect(() => readTriage(kind)).toThrow(`${kind}:1:7: unknown kind "listen"`);
    expect(() => readTriage(join(dir, "missing.tsv"))).toThrow(/cannot read the triage file/);
  });

  it("reads one command per line, skipping blank lines and # comments", () => {
    const commands = file("c.txt", "# a comment\n\n  cat README.md  \ngit status\n#git log\n");
    expect(readCommands(commands)).toEqual(["cat README.md", "git status"]);
  });
});
