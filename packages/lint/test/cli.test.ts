import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { policyJsonSchema } from "@automode/policy";
import { beforeAll, describe, expect, it } from "vitest";
import { main } from "../src/cli.js";
import { assertBuilt, cli } from "./cli-helpers.js";
import { copyFixture } from "./helpers.js";

beforeAll(assertBuilt);

/** One line on stderr, and nothing that looks like a stack trace. */
function oneLine(stderr: string): void {
  expect(stderr.trimEnd().split("\n")).toHaveLength(1);
  expect(stderr).not.toMatch(/\n\s+at /);
  expect(stderr).toMatch(/^automode-lint: /);
}

describe("exit codes of the built CLI", () => {
  it("0 on a clean project", () => {
    const dir = copyFixture("rules", "ignore-file-missing", "good");
    const r = cli([], dir);
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe("");
    expect(r.status).toBe(0);
  });

  it("1 on errors", () => {
    const r = cli([], copyFixture("formats"));
    expect(r.status).toBe(1);
    expect(r.stdout).toContain("rule-duplicate-id");
    expect(r.stdout).toContain("\u2716 5 problems (2 errors, 3 warnings)");
  });

  it.each([
    [["--no-such-flag"], "Unknown option '--no-such-flag'"],
    [["--format", "xml"], 'unknown format "xml"'],
    [["--rule", "rule-too-broad"], "--rule expects id=off|warn|error"],
    [["--rule", "no-such-rule=off"], "unknown rule: no-such-rule"],
    [["--max-warnings", "many"], "--max-warnings expects a whole number"],
    [["missing/policy.json"], "no such file or folder: missing/policy.json"],
  ])("2 with one line on bad usage: %j", (args, message) => {
    const r = cli(args, copyFixture("formats"));
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    oneLine(r.stderr);
    expect(r.stderr).toContain(message);
  });

  it("2 with one line on an internal failure (a policy that cannot be read)", () => {
    const dir = copyFixture("rules", "ignore-file-missing", "good");
    // A folder where the policy file should be: lint cannot read it, which is not a finding.
    rmSync(join(dir, ".claude", "policy.json"));
    mkdirSync(join(dir, ".claude", "policy.json"));
    const r = cli([], dir);
    expect(r.status).toBe(2);
    oneLine(r.stderr);
    expect(r.stderr).toContain("policy.json: EISDIR");
  });
});

describe("the issue's done-when", () => {
  const sample = join(import.meta.dirname, "..", "..", "..", "apps", "automode", "sample-project");

  it("automode-lint on apps/automode/sample-project exits 0, in place", () => {
    const r = cli([], sample);
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe("");
    expect(r.status).toBe(0);
  });
});

describe("--max-warnings and --quiet", () => {
  const warningsOnly = () => copyFixture("rules", "ignore-duplicate-pattern", "bad");

  it("warnings alone exit 0", () => {
    const r = cli([], warningsOnly());
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("0 errors, 1 warning");
  });

  it("more warnings than --max-warnings exit 1", () => {
    const over = cli(["--max-warnings", "0"], warningsOnly());
    expect(over.status).toBe(1);
    expect(over.stderr).toBe("automode-lint: too many warnings (1, maximum 0)\n");
    expect(cli(["--max-warnings", "1"], warningsOnly()).status).toBe(0);
  });

  it("--quiet drops warnings, so they do not count", () => {
    const r = cli(["--quiet", "--max-warnings", "0"], warningsOnly());
    expect(r.status).toBe(0);
    expect(r.stdout).toBe("");
  });
});

describe("--rule", () => {
  it("turns rules off or down", () => {
    const r = cli(
      ["--rule", "rule-duplicate-id=off", "--rule", "rule-too-broad=warn"],
      copyFixture("formats"),
    );
    expect(r.status).toBe(0);
    expect(r.stdout).not.toContain("rule-duplicate-id");
    expect(r.stdout).toContain("0 errors, 4 warnings");
  });

  it("turns a warning into an error", () => {
    const r = cli(
      ["--rule", "ignore-duplicate-pattern=error"],
      copyFixture("rules", "ignore-duplicate-pattern", "bad"),
    );
    expect(r.status).toBe(1);
  });
});

describe("formats from the CLI", () => {
  it("json parses and has ESLint's fields", () => {
    const r = cli(["--format", "json"], copyFixture("formats"));
    const parsed = JSON.parse(r.stdout) as Array<{ filePath: string; errorCount: number }>;
    expect(parsed.reduce((n, x) => n + x.errorCount, 0)).toBe(2);
  });

  it("sarif uses paths relative to the repository root", () => {
    const r = cli(["-f", "sarif"], copyFixture("formats"));
    expect(r.stdout).toContain('"uri": ".claude/policy.json"');
  });

  it("github prints workflow commands", () => {
    const r = cli(["--format=github"], copyFixture("formats"));
    expect(r.stdout).toMatch(/^::error file=\.claude\/policy\.json,line=9,col=13,/m);
  });
});

describe("files", () => {
  it("takes a policy file or a project folder", () => {
    const dir = copyFixture("formats");
    expect(cli([".claude/policy.json"], dir).status).toBe(1);
    const parent = copyFixture("rules", "ignore-file-missing", "good");
    expect(cli([dir], parent).status).toBe(1);
    expect(cli(["."], parent).status).toBe(0);
    expect(cli([".claudeignore"], parent).status).toBe(0);
    const ignore = cli(
      ["--format", "json", "cfg/../.claudeignore"],
      copyFixture("rules", "ignore-duplicate-pattern", "bad"),
    );
    expect(ignore.stdout).toContain("ignore-duplicate-pattern");
  });
});

describe("other flags", () => {
  it("--print-schema writes the policy JSON Schema", () => {
    const r = cli(["--print-schema"], copyFixture("formats"));
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(policyJsonSchema());
  });

  it("--version and --help", () => {
    const dir = copyFixture("formats");
    expect(cli(["--version"], dir).stdout).toMatch(/^\d+\.\d+\.\d+/);
    const help = cli(["--help"], dir);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain("--max-warnings");
  });
});

describe("colour", () => {
  async function stylish(isTTY: boolean, env: NodeJS.ProcessEnv): Promise<string> {
    let out = "";
    await main([], {
      cwd: copyFixture("formats"),
      env,
      isTTY,
      stdout: (t) => {
        out += t;
      },
      stderr: () => {},
    });
    return out;
  }

  it("on a TTY", async () => {
    expect(await stylish(true, {})).toContain("\u001b[");
  });

  it("never with NO_COLOR", async () => {
    expect(await stylish(true, { NO_COLOR: "1" })).not.toContain("\u001b[");
  });

  it("never when piped", async () => {
    expect(await stylish(false, {})).not.toContain("\u001b[");
  });
});
