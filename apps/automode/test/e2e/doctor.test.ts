import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cleanup, pathWithAutomode, type RunOptions, cli as run, tempDir } from "./cli.js";

afterAll(cleanup);

const PATH = pathWithAutomode();
/** A home of its own: the machine's ~/.claude/settings.json must not change the answers. */
const HOME = tempDir();
const cli = (args: readonly string[], options: RunOptions = {}) =>
  run(args, { ...options, env: { PATH, HOME, ...options.env } });

/** A project set up by init, with automode on PATH. */
function project(): string {
  const dir = tempDir();
  const init = cli(["init"], { cwd: dir });
  expect(init.status, init.stderr).toBe(0);
  return dir;
}

const doctor = (dir: string, env: NodeJS.ProcessEnv = {}) =>
  cli(["doctor", "--dir", dir], { cwd: dir, env });

/** The line of one check. */
const line = (stdout: string, check: string) =>
  stdout.split("\n").find((l) => new RegExp(`^(ok|PROBLEM)\\s+${check}\\s`).test(l)) ?? "";

const edit = (dir: string, file: string, change: (text: string) => string) =>
  writeFileSync(join(dir, file), change(readFileSync(join(dir, file), "utf8")));

describe("automode doctor", () => {
  it("passes every check on a project init set up", () => {
    const dir = project();
    const result = doctor(dir);
    expect(result.status, result.stdout).toBe(0);
    for (const check of ["settings", "hook", "policy", "ignore", "audit"]) {
      expect(line(result.stdout, check)).toMatch(/^ok\s/);
    }
    expect(result.stdout).toMatch(/automode is in charge of/);
  });

  it("finds no hook registered", () => {
    const dir = project();
    rmSync(join(dir, ".claude", "settings.json"));
    const result = doctor(dir);
    expect(result.status).toBe(1);
    expect(line(result.stdout, "settings")).toMatch(
      /^PROBLEM .*no automode PreToolUse hook.*run automode init/,
    );
  });

  it("finds a matcher that leaves tools out", () => {
    const dir = project();
    edit(dir, ".claude/settings.json", (text) =>
      text.replace('"matcher": "*"', '"matcher": "Bash|Read"'),
    );
    const result = doctor(dir);
    expect(result.status).toBe(1);
    expect(line(result.stdout, "settings")).toMatch(/^PROBLEM .*"Bash\|Read".*"matcher": "\*"/);
  });

  it("finds hooks switched off in the local settings", () => {
    const dir = project();
    writeFileSync(join(dir, ".claude", "settings.local.json"), '{ "disableAllHooks": true }\n');
    const result = doctor(dir);
    expect(result.status).toBe(1);
    expect(line(result.stdout, "settings")).toMatch(
      /^PROBLEM .*settings\.local\.json.*disableAllHooks/,
    );
  });

  it("reads the user's settings too: a hook registered there, disableAllHooks set there", () => {
    const home = tempDir();
    mkdirSync(join(home, ".claude"));
    const dir = project();
    const user = join(home, ".claude", "settings.json");
    writeFileSync(user, readFileSync(join(dir, ".claude", "settings.json")));
    rmSync(join(dir, ".claude", "settings.json"));
    const result = doctor(dir, { HOME: home });
    expect(line(result.stdout, "settings")).toMatch(/^ok\s/);
    expect(result.status).toBe(0);
    writeFileSync(user, '{ "disableAllHooks": true }');
    const off = doctor(dir, { HOME: home });
    expect(off.status).toBe(1);
    expect(line(off.stdout, "settings")).toMatch(/^PROBLEM .*~\/\.claude\/settings\.json sets/);
  });

  it("finds broken settings, with line and column", () => {
    const dir = project();
    writeFileSync(join(dir, ".claude", "settings.json"), '{\n  "hooks": {,\n}');
    const result = doctor(dir);
    expect(result.status).toBe(1);
    expect(line(result.stdout, "settings")).toMatch(/^PROBLEM .*settings\.json:2:/);
  });

  it("finds a hook command that no longer resolves", () => {
    // init wrote the absolute path of the global install; then the install went away.
    const path = pathWithAutomode();
    const dir = tempDir();
    expect(run(["init"], { cwd: dir, env: { PATH: path } }).status).toBe(0);
    expect(doctor(dir, { PATH: path }).status).toBe(0);
    rmSync(join(path.split(":")[0]!, "automode"));
    const broken = doctor(dir, { PATH: path });
    expect(broken.status).toBe(1);
    expect(line(broken.stdout, "hook")).toMatch(/^PROBLEM .*not found \(exit 127/);
    expect(broken.stdout).toMatch(/Claude Code may run tools automode never sees/);
  });

  it("finds an invalid policy", () => {
    const dir = project();
    edit(dir, ".claude/policy.json", (text) => text.replace('"version": 1', '"version": "1"'));
    const result = doctor(dir);
    expect(result.status).toBe(1);
    expect(line(result.stdout, "policy")).toMatch(
      /^PROBLEM .*policy\.json:\d+:\d+ is invalid: version must be the number 1, not the string "1"/,
    );
  });

  it("finds an ignore file that misses part of the baseline, or none", () => {
    const dir = project();
    writeFileSync(join(dir, ".claudeignore"), ".env\n*.pem\nsecrets/\n");
    const result = doctor(dir);
    expect(result.status).toBe(1);
    expect(line(result.stdout, "ignore")).toMatch(
      /^PROBLEM .*does not cover \.env\.\*, \*\.key, id_rsa\*, credentials\/;/,
    );
    rmSync(join(dir, ".claudeignore"));
    expect(line(doctor(dir).stdout, "ignore")).toMatch(/^PROBLEM .*no \.claudeignore/);
  });

  it("finds an audit log it cannot write", () => {
    const dir = project();
    writeFileSync(join(dir, "logs"), "a file, not a folder\n");
    edit(dir, ".claude/policy.json", (text) =>
      text.replace('"path": ".claude/audit.jsonl"', '"path": "logs/audit.jsonl"'),
    );
    const result = doctor(dir);
    expect(result.status).toBe(1);
    expect(line(result.stdout, "audit")).toMatch(/^PROBLEM .*logs is not a folder/);

    const linked = project();
    mkdirSync(join(linked, "elsewhere"));
    rmSync(join(linked, ".claude", "audit.jsonl"), { force: true });
    symlinkSync(join(linked, "elsewhere", "log"), join(linked, ".claude", "audit.jsonl"));
    expect(line(doctor(linked).stdout, "audit")).toMatch(/^PROBLEM .*is a symlink/);
  });

  it("exits 2 on bad usage", () => {
    expect(cli(["doctor", "extra"]).status).toBe(2);
    expect(cli(["doctor", "--nope"]).status).toBe(2);
  });
});
