import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { assertBuilt, packageRoot, shimPath } from "./cli-helpers.js";
import { copyFixture } from "./helpers.js";

beforeAll(assertBuilt);

interface ActionStep {
  id?: string;
  name: string;
  shell?: string;
  run?: string;
  uses?: string;
  with?: Record<string, string>;
  env?: Record<string, string>;
}
interface Action {
  runs: { using: string; steps: ActionStep[] };
  inputs: Record<string, { default: string }>;
}
interface Hook {
  id: string;
  entry: string;
  language: string;
  files: string;
  pass_filenames: boolean;
}

const action = parse(readFileSync(join(packageRoot, "action.yml"), "utf8")) as Action;
const hooks = parse(readFileSync(join(packageRoot, ".pre-commit-hooks.yaml"), "utf8")) as Hook[];

describe("action.yml", () => {
  const lintStep = action.runs.steps.find((s) => s.id === "lint")!;

  it("is a composite action that runs the linter with --format sarif and uploads the report", () => {
    expect(action.runs.using).toBe("composite");
    expect(lintStep.run).toContain("automode-lint $AUTOMODE_LINT_FILES --format sarif");
    const upload = action.runs.steps.find((s) =>
      s.uses?.startsWith("github/codeql-action/upload-sarif@"),
    );
    // A GitHub expression, not a JavaScript template.
    expect(upload?.with?.sarif_file).toBe(["$", "{{ steps.lint.outputs.sarif-file }}"].join(""));
  });

  /** Runs the lint step's script as the runner does (bash -eo pipefail), with npx shimmed. */
  function runStep(dir: string, files = "") {
    const shims = shimPath();
    const output = join(mkdtempSync(join(tmpdir(), "automode-gh-")), "output");
    const r = spawnSync("bash", ["--noprofile", "--norc", "-eo", "pipefail", "-c", lintStep.run!], {
      cwd: dir,
      encoding: "utf8",
      env: {
        ...process.env,
        PATH: shims.path,
        GITHUB_OUTPUT: output,
        AUTOMODE_LINT_VERSION: action.inputs.version!.default,
        AUTOMODE_LINT_FILES: files,
        AUTOMODE_LINT_SARIF: action.inputs["sarif-file"]!.default,
      },
    });
    const outputs = Object.fromEntries(
      readFileSync(output, "utf8")
        .trim()
        .split("\n")
        .map((line) => line.split("=") as [string, string]),
    );
    const npxArgs = readFileSync(join(shims.dir, "npx-args.txt"), "utf8").trim().split("\n");
    return { status: r.status, outputs, npxArgs, stderr: r.stderr };
  }

  it("writes a SARIF report and exit-code 1 for a policy with errors, leaving the failure to the last step", () => {
    const dir = copyFixture("formats");
    const r = runStep(dir);
    expect(r.status).toBe(0);
    expect(r.outputs["exit-code"]).toBe("1");
    expect(r.npxArgs.slice(0, 3)).toEqual(["--yes", "--package=@automode/lint@latest", "--"]);
    const sarif = JSON.parse(readFileSync(r.outputs["sarif-file"]!, "utf8")) as { version: string };
    expect(sarif.version).toBe("2.1.0");
  });

  it("exit-code 0 for a clean project", () => {
    const r = runStep(copyFixture("rules", "ignore-file-missing", "good"));
    expect(r.status).toBe(0);
    expect(r.outputs["exit-code"]).toBe("0");
  });

  it("fails the step on a usage error (exit 2)", () => {
    const r = runStep(copyFixture("formats"), "no/such/policy.json");
    expect(r.status).toBe(2);
    expect(r.outputs["exit-code"]).toBe("2");
  });
});

describe(".pre-commit-hooks.yaml", () => {
  // Two child processes per hook; generous, as CI machines are shared.
  it.each(hooks.map((h) => [h.id, h] as const))(
    "%s runs the linter on the project",
    (_, hook) => {
      expect(["node", "system"]).toContain(hook.language);
      expect(hook.pass_filenames).toBe(false);
      const shims = shimPath();
      // pre-commit runs `entry` split like a shell command line, from the repository root.
      const run = (dir: string) =>
        spawnSync("sh", ["-c", hook.entry], {
          cwd: dir,
          encoding: "utf8",
          env: { ...process.env, PATH: shims.path, NO_COLOR: "1" },
        });
      expect(run(copyFixture("rules", "ignore-file-missing", "good")).status).toBe(0);
      const bad = run(copyFixture("formats"));
      expect(bad.status).toBe(1);
      expect(bad.stdout).toContain("rule-duplicate-id");
    },
    90_000,
  );

  it("triggers on the policy and ignore files only", () => {
    for (const hook of hooks) {
      const files = new RegExp(hook.files);
      expect(files.test(".claude/policy.json")).toBe(true);
      expect(files.test(".claudeignore")).toBe(true);
      expect(files.test("apps/web/.claudeignore")).toBe(true);
      expect(files.test("src/index.ts")).toBe(false);
    }
  });
});
