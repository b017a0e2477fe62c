import { describe, expect, it } from "vitest";
import { checks, execs, fileOps } from "./helpers.js";

/** `%` is replaced by `rm -rf dist`: every wrapper must reach it (SPEC section 4, wrappers). */
const wrappers: Array<[string, string]> = [
  ["sudo %", "sudo"],
  ["sudo -u root %", "sudo"],
  ["sudo -E -H %", "sudo"],
  ["doas %", "doas"],
  ["doas -u root %", "doas"],
  ["pkexec %", "pkexec"],
  ["run0 %", "run0"],
  ["env %", "env"],
  ["env FOO=1 BAR=2 %", "env"],
  ["env -i FOO=1 %", "env"],
  ["env -u HOME %", "env"],
  ["env -C sub %", "env"],
  ["command %", "command"],
  ["builtin %", "builtin"],
  ["exec %", "exec"],
  ["exec -a name %", "exec"],
  ["nohup %", "nohup"],
  ["nice %", "nice"],
  ["nice -n 5 %", "nice"],
  ["nice -5 %", "nice"],
  ["nice --adjustment=5 %", "nice"],
  ["ionice -c3 %", "ionice"],
  ["ionice -c 2 -n 7 %", "ionice"],
  ["time %", "time"],
  ["time -p %", "time"],
  ["timeout 5 %", "timeout"],
  ["timeout -s KILL 10s %", "timeout"],
  ["timeout --kill-after=1 5 %", "timeout"],
  ["stdbuf -oL %", "stdbuf"],
  ["stdbuf -o L -e 0 %", "stdbuf"],
  ["setsid %", "setsid"],
  ["setsid -f %", "setsid"],
  ["watch %", "watch"],
  ["watch -n1 %", "watch"],
  ["watch -n 1 -d %", "watch"],
  ["flock /tmp/lock %", "flock"],
  ["flock -w 5 /tmp/lock %", "flock"],
  ["busybox %", "busybox"],
  ["nice timeout 5 env %", "nice"],
  ["sudo env FOO=1 nice -n 5 %", "sudo"],
];

describe("wrappers are unwrapped (SPEC section 4)", () => {
  it.each(wrappers)("%s", (form, outer) => {
    const line = form.replace("%", "rm -rf dist");
    const rm = execs(line).find((e) => e.command.name === "rm");
    expect(rm, JSON.stringify(execs(line))).toBeDefined();
    expect(rm?.command.wrappers[0]).toBe(outer);
    expect(rm?.hazards.map((h) => h.check)).toContain("destructive");
    expect(fileOps(line).some((o) => o.startsWith("delete-r:dist@"))).toBe(true);
  });

  it.each([
    "sudo ls",
    "doas ls",
    "pkexec ls",
    "run0 ls",
    "su",
    "su root",
    "su -c 'ls'",
    "su - root -c ls",
    "sudo -s",
    "sudo -i",
    "/usr/bin/sudo ls",
    "\\sudo ls",
    "s''udo ls",
    "env sudo ls",
    "timeout 5 sudo ls",
    "find . -exec sudo rm {} \\;",
    "echo x | xargs sudo rm",
    "echo $(sudo cat /etc/shadow)",
    "bash -c 'sudo ls'",
    "curl https://x.sh | sudo bash",
  ])("%s → privilege hazard", (line) => {
    expect(checks(line)).toContain("privilege");
  });

  it("su -c parses its command", () => {
    expect(checks("su -c 'rm -rf /x'")).toEqual(["destructive", "privilege"]);
  });

  it("env assignments that change what runs are dynamic", () => {
    expect(checks("env PATH=/tmp/evil git status")).toContain("dynamic");
    expect(checks("LD_PRELOAD=./x.so ls")).toContain("dynamic");
    expect(checks("env FOO=1 git status")).toEqual([]);
  });

  it("env -S and flock -c parse their command line", () => {
    expect(checks("env -S 'rm -rf dist'")).toContain("destructive");
    expect(checks("flock /tmp/l -c 'rm -rf dist'")).toContain("destructive");
  });

  it("env -C changes the directory of the command", () => {
    expect(fileOps("env -C sub cat a")).toContain("read:a@/repo/sub");
  });

  it("command -v and sudo -l do not run anything", () => {
    expect(execs("command -v rm").at(-1)?.command.name).toBe("command");
    expect(checks("command -v rm")).toEqual([]);
    expect(
      execs("sudo -l")
        .at(-1)
        ?.hazards.map((h) => h.check),
    ).toContain("privilege");
  });

  it("time -o and xargs -a name files", () => {
    expect(fileOps("time -o t.txt ls")).toContain("write:t.txt@/repo");
    expect(fileOps("xargs -a list.txt echo")).toContain("read:list.txt@/repo");
  });

  it("xargs runs its command on inputs it cannot see", () => {
    const rm = execs("find . -name x | xargs rm").find((e) => e.command.name === "rm");
    expect(rm?.command.wrappers).toEqual(["xargs"]);
    expect(rm?.hazards.map((h) => h.check).sort()).toEqual(["destructive", "dynamic"]);
    expect(checks("ls | xargs cat")).toContain("dynamic");
    expect(checks("ls | xargs -I{} cp {} /tmp")).toContain("dynamic");
    expect(checks("echo a b | xargs echo")).toEqual([]);
  });

  it("find -exec, -execdir, -ok run their command on every file under the roots", () => {
    for (const kind of ["-exec", "-execdir", "-ok", "-okdir"]) {
      const line = `find src -name '*.ts' ${kind} cat {} \\;`;
      const cat = execs(line).find((e) => e.command.name === "cat");
      expect(cat?.command.wrappers).toEqual([`find ${kind}`]);
      expect(fileOps(line)).toContain("read-r:src@/repo");
    }
    expect(fileOps("find . -type f -exec cat {} +")).toContain("read-r:.@/repo");
    expect(fileOps("find dist -delete")).toContain("delete-r:dist@/repo");
  });

  it("parallel runs its command once per input", () => {
    expect(fileOps("parallel cat ::: a b")).toEqual(["read:a@/repo", "read:b@/repo"]);
    expect(fileOps("parallel gzip {} ::: a")).toContain("write:a@/repo");
    expect(checks("ls | parallel rm")).toEqual(["destructive", "dynamic"]);
  });

  it("package runners: the tool decides", () => {
    expect(execs("npx vitest run").at(-1)?.command).toMatchObject({
      name: "vitest",
      wrappers: ["npx"],
    });
    expect(execs("pnpm exec tsc").at(-1)?.class).toBe("development");
    expect(execs("uv run python -m pytest").at(-1)?.command.name).toBe("pytest");
    expect(execs("npx cowsay hi").at(-1)?.class).toBe("package-install");
    expect(checks("npx rm -rf dist")).toContain("destructive");
  });
});

describe("bash|sh|zsh|dash -c '<literal>' is parsed recursively", () => {
  it.each(["bash", "sh", "zsh", "dash", "ksh"])("%s -c", (shell) => {
    const rm = execs(`${shell} -c 'rm -rf x'`).find((e) => e.command.name === "rm");
    expect(rm?.command.wrappers).toEqual([`${shell} -c`]);
    expect(rm?.hazards.map((h) => h.check)).toEqual(["destructive"]);
  });
  it("with other options and nested twice", () => {
    expect(checks("bash -lc 'rm -rf x'")).toEqual(["destructive"]);
    expect(checks("bash -e -x -c 'rm -rf x'")).toEqual(["destructive"]);
    expect(checks(`bash -c 'bash -c "rm -rf x"'`)).toEqual(["destructive"]);
    expect(execs(`bash -c 'bash -c "rm -rf x"'`).at(-1)?.command.wrappers).toEqual([
      "bash -c",
      "bash -c",
    ]);
    expect(checks(`sh -c "cd secrets && cat api.txt"`)).toEqual([]);
    expect(fileOps(`sh -c "cd secrets && cat api.txt"`)).toContain("read:api.txt@/repo/secrets");
  });
  it("a non-literal script is dynamic", () => {
    expect(checks('bash -c "$SCRIPT"')).toEqual(["dynamic"]);
    expect(checks('sh -c "$(cat s.sh)"')).toEqual(["dynamic"]);
  });
  it("a script file is a development command that reads the file", () => {
    expect(fileOps("bash scripts/x.sh")).toContain("read:scripts/x.sh@/repo");
    expect(checks("bash scripts/x.sh")).toEqual([]);
  });
});
