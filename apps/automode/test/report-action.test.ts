import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appRoot, bin, cleanup, sampleProject, tempDir } from "./e2e/cli.js";
import { bash, busySession, writeLog } from "./report-log.js";

const actionDir = join(appRoot, "..", "..", "packages", "lint");
const script = join(actionDir, "audit-step.sh");

let root: string;
let log: string;

beforeAll(async () => {
  root = sampleProject();
  log = join(root, ".claude", "audit.jsonl");
  await writeLog(root, log, [...busySession(12), bash("ls")]);
}, 60_000);
afterAll(cleanup);

/** Runs the audit step's script as the runner does, with this build's automode. */
function step(env: Record<string, string>) {
  const dir = tempDir();
  const summary = join(dir, "summary.md");
  const output = join(dir, "output");
  writeFileSync(summary, "");
  writeFileSync(output, "");
  const r = spawnSync("bash", ["--noprofile", "--norc", "-e", "-o", "pipefail", script], {
    cwd: root,
    encoding: "utf8",
    env: {
      ...process.env,
      AUTOMODE_CLI: `${process.execPath} ${bin}`,
      CLAUDE_PROJECT_DIR: "",
      GITHUB_STEP_SUMMARY: summary,
      GITHUB_OUTPUT: output,
      RUNNER_TEMP: dir,
      ...env,
    },
  });
  const outputs = Object.fromEntries(
    readFileSync(output, "utf8")
      .trim()
      .split("\n")
      .filter((l) => l !== "")
      .map((l) => [l.slice(0, l.indexOf("=")), l.slice(l.indexOf("=") + 1)]),
  );
  return {
    status: r.status,
    stdout: r.stdout,
    stderr: r.stderr,
    summary: readFileSync(summary, "utf8"),
    outputs,
  };
}

describe("the GitHub Action's audit step", () => {
  it("is wired into action.yml behind the audit-log input", () => {
    const action = readFileSync(join(actionDir, "action.yml"), "utf8");
    expect(action).toContain('run: bash "$GITHUB_ACTION_PATH/audit-step.sh"');
    // A GitHub expression, not a JavaScript template.
    expect(action).toContain(["if: $", "{{ inputs.audit-log != '' }}"].join(""));
    for (const input of ["audit-log", "audit-fail-on-deny", "audit-public-key", "automode-version"])
      expect(action).toMatch(new RegExp(`\\n  ${input}:\\n`));
  });

  it("writes the Markdown report to the job summary and passes an intact log", () => {
    const r = step({ AUTOMODE_AUDIT_LOG: ".claude/audit.jsonl" });
    expect(r.status, r.stderr).toBe(0);
    expect(r.summary).toMatch(/^## automode audit report\n\n\*\*Chain: ✅ intact\.\*\*/);
    expect(r.outputs["audit-chain"]).toBe("intact");
    expect(r.outputs["audit-denied"]).toBe("1");
    expect(readFileSync(r.outputs["audit-report"]!, "utf8")).toBe(r.summary);
    expect(r.stdout).toContain("chain intact, 1 denied decision(s)");
  });

  it("fails on denied decisions only when asked", () => {
    const r = step({
      AUTOMODE_AUDIT_LOG: ".claude/audit.jsonl",
      AUTOMODE_AUDIT_FAIL_ON_DENY: "true",
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/::error file=\.claude\/audit\.jsonl::automode denied 1 action\(s\)/);
    expect(r.summary).toContain("## automode audit report");
  });

  it("fails on a broken chain, with the report naming the line in the summary", () => {
    const broken = join(root, "broken.jsonl");
    const lines = readFileSync(log, "utf8").split("\n");
    lines[1] = lines[1]!.replace('"tool":"Read"', '"tool":"Write"');
    writeFileSync(broken, lines.join("\n"));
    const r = step({ AUTOMODE_AUDIT_LOG: broken });
    expect(r.status).toBe(1);
    expect(r.outputs["audit-chain"]).toBe("broken");
    expect(r.summary).toMatch(/\*\*Chain: ❌ BROKEN\*\*, first bad line 2/);
    expect(r.stderr).toContain("automode audit log is NOT intact");
  });

  it("fails clearly on a missing log or a failing CLI", () => {
    const missing = step({ AUTOMODE_AUDIT_LOG: "no/such.jsonl" });
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain("::error::automode audit: no audit log at no/such.jsonl");
    const failing = step({
      AUTOMODE_AUDIT_LOG: ".claude/audit.jsonl",
      AUTOMODE_CLI: `${process.execPath} -e process.exit(3)`,
    });
    expect(failing.status).toBe(2);
    expect(failing.stderr).toContain("::error::automode audit report failed");
    expect(failing.summary).toBe("");
  });
});
