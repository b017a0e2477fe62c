import { spawnSync } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compare, scopeFor, sensitiveInodes } from "../../oracle/compare.js";
import { traceEvents } from "../../oracle/events.js";
import { buildTemplate, copyFixture, type Fixture } from "../../oracle/fixture.js";
import type { PredictionSet } from "../../oracle/predict.js";
import { type CommandReport, Oracle } from "../../oracle/run.js";
import {
  isRoot,
  outsideUid,
  reachableTmp,
  runTraced,
  sandboxSupport,
} from "../../oracle/sandbox.js";
import { parseTrace } from "../../oracle/strace.js";
import { readCommands, readTriage, triaged } from "../../oracle/triage.js";
import { intact, plantCanaries, runSandboxed } from "./canary.js";

const support = sandboxSupport();
if (!support.ok) {
  // Never a silent skip: say why the effects oracle did not run.
  console.warn(`effects oracle tests SKIPPED: ${support.reason}`);
}

/** Set when the canary proved the sandbox holds; the corpus runs only after it. */
let sandboxHolds = false;

function scratchDir(): string {
  const dir = mkdtempSync(join(reachableTmp(), "automode-oracle-test-"));
  chmodSync(dir, 0o755);
  if (isRoot()) chownSync(dir, outsideUid, outsideUid);
  return dir;
}

describe.skipIf(!support.ok)("the sandbox cannot touch the real machine (canary)", () => {
  it("rm -rf /work /root /tmp/oracle-canary-*, a write to /etc and connections change nothing outside", async () => {
    const canaries = await plantCanaries();
    const dir = scratchDir();
    try {
      const line = [
        // The host canary folder by name too, wherever the clone lives (CI may not use /work).
        `rm -rf /work /root /tmp/oracle-canary-* ~ ${dirname(canaries.files[1]!)}`,
        "echo x > /etc/oracle-canary",
        "curl -sS --max-time 5 http://127.0.0.1:1; echo curl1=$?",
        `curl -sS --max-time 5 http://127.0.0.1:${canaries.port}; echo curl2=$?`,
        "id -u",
        "grep CapEff /proc/self/status",
      ].join("; ");
      const result = await runSandboxed(line, dir, 120_000);
      expect(result.timedOut).toBe(false);
      expect(intact(canaries)).toEqual([]);
      expect(existsSync("/etc/oracle-canary")).toBe(false);
      expect(existsSync(canaries.tmpDir)).toBe(true);
      expect(canaries.connections()).toBe(0);
      expect(result.stdout).toMatch(/curl1=7\b/);
      expect(result.stdout).toMatch(/curl2=7\b/);
      const uid = result.stdout.split("\n").find((l) => /^\d+$/.test(l));
      expect(uid).toBeDefined();
      expect(uid).not.toBe("0");
      expect(result.stdout).toMatch(/CapEff:\s+0+\n/);
      expect(result.stderr).toMatch(/Read-only file system/);

      // The same through the traced path the oracle uses: the attempts are seen, and fail.
      const traced = await runTraced({
        command: `${line}; echo y > ${canaries.files[1]}`.replace("rm -rf /work ", "rm -rf "),
        cwd: dir,
        home: dir,
        runDir: dir,
        traceDir: join(dir, "..", `${dir.split("/").pop()}-trace`),
        timeoutMs: 30_000,
        outputLimit: 1 << 16,
      });
      rmSync(join(dir, "..", `${dir.split("/").pop()}-trace`), { recursive: true, force: true });
      expect(intact(canaries)).toEqual([]);
      expect(canaries.connections()).toBe(0);
      const parsed = parseTrace(traced.trace);
      const connects = parsed.calls.filter(
        (c) => c.name === "connect" && /AF_INET\b/.test(c.args.join()),
      );
      expect(connects.length).toBeGreaterThanOrEqual(2);
      for (const c of connects) expect(c.errno).toBeDefined();
      const events = traceEvents(parsed, dir);
      expect(events).toContainEqual(
        expect.objectContaining({ kind: "write", path: "/etc/oracle-canary", attempted: "EROFS" }),
      );
      expect(events).toContainEqual(
        expect.objectContaining({ kind: "network", target: "127.0.0.1:1" }),
      );
      expect(events).toContainEqual(
        expect.objectContaining({ kind: "network", target: `127.0.0.1:${canaries.port}` }),
      );
      // Where the host's canary folder shows through the read-only root, the attempts are seen
      // and refused. A clone under /tmp sits below the sandbox's own empty /tmp: the folder is
      // not there to attempt, and `intact` above is the whole proof.
      if (!canaries.files[1]!.startsWith("/tmp/")) {
        expect(events).toContainEqual(
          expect.objectContaining({ kind: "write", path: canaries.files[1], attempted: "EROFS" }),
        );
        expect(events).toContainEqual(
          expect.objectContaining({ kind: "delete", path: canaries.files[1], attempted: "EROFS" }),
        );
      }
      sandboxHolds = true;
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await canaries.cleanup();
    }
  }, 180_000);
});

const oracleDir = fileURLToPath(new URL("../../oracle/", import.meta.url));

describe.skipIf(!support.ok)("the oracle on the fast subset of the corpus", () => {
  let oracle: Oracle;
  const reports = new Map<string, CommandReport>();
  beforeAll(async () => {
    expect(sandboxHolds, "the canary must pass before any corpus command runs").toBe(true);
    oracle = new Oracle();
    for (const command of readCommands(join(oracleDir, "corpus/fast.txt"))) {
      reports.set(command, await oracle.run(command));
    }
  }, 120_000);
  afterAll(() => oracle?.close());

  it("runs every command of the subset and reads every strace line", () => {
    expect(reports.size).toBeGreaterThanOrEqual(20);
    for (const report of reports.values()) {
      expect(report.timedOut, report.command).toBe(false);
      expect(report.unreadable, report.command).toBe(0);
    }
  });

  it("every miss is in the triage file (the exit status of pnpm oracle)", () => {
    const triage = readTriage(join(oracleDir, "triage.tsv"));
    const untriaged = [...reports.values()].flatMap((r) =>
      r.misses
        .filter((m) => triaged(triage, r.command, m) === undefined)
        .map((m) => `${r.command}\t${m.kind}\t${m.target}\t(${m.why})`),
    );
    expect(untriaged).toEqual([]);
  });

  // What the commands really do, whatever the engine predicts: the tracer sees it.
  const effects: [string, string, string][] = [
    ["cat README.md", "read", "README.md"],
    ["echo hello > out.txt", "write", "out.txt"],
    ["rm notes.txt", "delete", "notes.txt"],
    ["mkdir -p build && cp src/a.ts build/", "write", "build/a.ts"],
    ["sed -i s/one/ONE/ notes.txt", "write", "notes.txt"],
    ["tar czf /tmp/src.tgz src", "execute", "gzip"],
    ["rm -rf ~", "delete", "~/.ssh/id_rsa"],
    ["cat .env", "read", ".env"],
    ["curl -sS --max-time 2 http://127.0.0.1:1", "network", "127.0.0.1:1"],
    ["git log --output=out.txt -1", "write", "out.txt"],
    ["cat /dev/fd/../cwd/.env", "read", ".env"],
    ["ln -s .claude c && echo {} > c/policy.json", "write", ".claude/policy.json"],
    ["rg --pre rm TODO README.md", "execute", "rm"],
    ["rg --pre rm TODO README.md", "delete", "README.md"],
    ["printf 'src/a.ts\\n' | xargs rm", "delete", "src/a.ts"],
    ["find . -name '*.ts'", "read", "secrets"],
  ];
  it.each(effects)("%s: observes %s %s", (command, kind, target) => {
    const report = reports.get(command);
    expect(report, command).toBeDefined();
    expect(report?.observed).toContainEqual(expect.objectContaining({ kind, target }));
  });

  it("marks what is sensitive: ignored files, credential stores, automode's files", () => {
    const sensitive = (command: string, target: string) =>
      reports.get(command)?.observed.find((e) => e.target === target)?.sensitive;
    expect(sensitive("cat .env", ".env")).toBe("ignored");
    expect(sensitive("rm -rf ~", "~/.ssh/id_rsa")).toBe("credential");
    expect(sensitive("ln -s .claude c && echo {} > c/policy.json", ".claude/policy.json")).toBe(
      "protected",
    );
    expect(sensitive("tar czf /tmp/src.tgz src", "/tmp/src.tgz")).toBe("outside");
  });
});

describe.skipIf(!support.ok)("misses: observed effects against a prediction", () => {
  let dir: string;
  let template: Fixture;
  beforeAll(() => {
    dir = scratchDir();
    template = buildTemplate(join(dir, "template"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  let n = 0;
  async function observe(command: string, verdict: PredictionSet["verdict"] = "approve") {
    const fixture = copyFixture(template, join(dir, `run-${n++}`));
    const ctx = { fixture, template, scope: scopeFor(fixture), inodes: sensitiveInodes(fixture) };
    const result = await runTraced({
      command,
      cwd: fixture.project,
      home: fixture.home,
      runDir: fixture.dir,
      traceDir: `${fixture.dir}-trace`,
      timeoutMs: 10_000,
      outputLimit: 1 << 16,
    });
    const events = traceEvents(parseTrace(result.trace), fixture.project);
    const at = (path: string) => join(fixture.project, path);
    return {
      events,
      ctx,
      at,
      verdict,
      compareWith: (ops: PredictionSet["operations"]) =>
        compare(events, { verdict, check: "tier", reason: "", operations: ops }, ctx),
    };
  }

  it("a write nothing predicts is a miss; a predicted write covers it; a read prediction does not", async () => {
    const run = await observe("git log --output=out.txt -1");
    const git = {
      kind: "execute",
      name: "git",
      wrappers: [],
      class: "read-only",
      hazards: [],
      verdict: "approve",
    } as const;
    expect(run.compareWith([git]).misses).toEqual([
      expect.objectContaining({ kind: "write", target: "out.txt", why: "unpredicted", by: "git" }),
    ]);
    const file = {
      path: run.at("out.txt"),
      real: run.at("out.txt"),
      recursive: false,
      listing: false,
      verdict: "approve",
    } as const;
    expect(run.compareWith([git, { kind: "read", ...file }]).misses).toHaveLength(1);
    expect(run.compareWith([git, { kind: "write", ...file }]).misses).toEqual([]);
    expect(
      run
        .compareWith([])
        .misses.map((m) => m.kind)
        .sort(),
    ).toEqual(["execute", "write"]);
  });

  it("a read of an ignored file is a miss unless an operation the engine did not approve covers it", async () => {
    const run = await observe("cat .env");
    const cat = {
      kind: "execute",
      name: "cat",
      wrappers: [],
      class: "read-only",
      hazards: [],
      verdict: "approve",
    } as const;
    const read = (verdict: "approve" | "deny") =>
      ({
        kind: "read",
        path: run.at(".env"),
        real: run.at(".env"),
        recursive: false,
        listing: false,
        verdict,
      }) as const;
    expect(run.compareWith([cat]).misses).toEqual([
      expect.objectContaining({ kind: "read", target: ".env", why: "unpredicted" }),
    ]);
    expect(run.compareWith([cat, read("approve")]).misses).toEqual([
      expect.objectContaining({ kind: "read", target: ".env", why: "approved" }),
    ]);
    expect(run.compareWith([cat, read("deny")]).misses).toEqual([]);
    // A read of an ordinary file needs no prediction.
    const plain = await observe("cat README.md");
    expect(plain.compareWith([cat]).misses).toEqual([]);
  });

  it("a program run through a wrapper is covered by the wrapper; a connection by a network operation", async () => {
    const run = await observe("timeout 5 curl -sS --max-time 2 http://127.0.0.1:1");
    const exec = (name: string, wrappers: string[], cls = "network") =>
      ({ kind: "execute", name, wrappers, class: cls, hazards: [], verdict: "escalate" }) as const;
    expect(
      run
        .compareWith([])
        .misses.map((m) => `${m.kind} ${m.target}`)
        .sort(),
    ).toEqual(["execute curl", "execute timeout", "network 127.0.0.1:1"]);
    expect(run.compareWith([exec("curl", ["timeout"])]).misses).toEqual([]);
    expect(
      run.compareWith([exec("curl", ["timeout"], "read-only")]).misses.map((m) => m.kind),
    ).toEqual(["network"]);
  });

  it("a glob's folder listing is covered by the paths it reaches; an approved write in a denied line is no miss", async () => {
    const glob = await observe("cat secrets/*", "deny");
    const cat = {
      kind: "execute",
      name: "cat",
      wrappers: [],
      class: "read-only",
      hazards: [],
      verdict: "approve",
    } as const;
    const api = glob.at("secrets/api.txt");
    const readApi = {
      kind: "read",
      path: api,
      real: api,
      recursive: false,
      listing: false,
    } as const;
    expect(
      glob
        .compareWith([cat])
        .misses.map((m) => m.target)
        .sort(),
    ).toEqual(["secrets", "secrets/api.txt"]);
    expect(glob.compareWith([cat, { ...readApi, verdict: "deny" }]).misses).toEqual([]);

    const link = await observe("ln .claudeignore h", "deny");
    const ln = { ...cat, name: "ln", class: "development" } as const;
    const h = link.at("h");
    const writeH = {
      kind: "write",
      path: h,
      real: h,
      recursive: false,
      listing: false,
      verdict: "approve",
    } as const;
    expect(link.compareWith([ln, writeH]).misses).toEqual([]);
    const approvedLine = await observe("ln .claudeignore h");
    const h2 = approvedLine.at("h");
    expect(approvedLine.compareWith([ln, { ...writeH, path: h2, real: h2 }]).misses).toEqual([
      expect.objectContaining({
        kind: "write",
        target: "h",
        sensitive: "protected",
        why: "approved",
      }),
    ]);
  });

  it("a temporary file made and removed in the run is no effect; git's own .git files are none either", async () => {
    const run = await observe("sed -i s/one/ONE/ notes.txt && git add notes.txt");
    const targets = run.compareWith([]).observed.map((e) => `${e.kind} ${e.target}`);
    expect(targets).toContain("write notes.txt");
    expect(targets.filter((t) => /sed[A-Za-z0-9]{6}$/.test(t))).toEqual([]);
    expect(targets.filter((t) => t.includes(".git/"))).toEqual([]);
  });
});

describe.skipIf(!support.ok)("the command line", () => {
  const cli = join(oracleDir, "cli.ts");
  const run = (args: string[]) =>
    spawnSync(process.execPath, ["--import", "tsx", "--conditions=source", cli, ...args], {
      encoding: "utf8",
      timeout: 60_000,
    });

  it("exits 2 with a one-line message on usage errors", () => {
    for (const args of [["--bogus"], ["--commands", "/nonexistent/file"]]) {
      const result = run(args);
      expect(result.status, args.join(" ")).toBe(2);
      expect(result.stderr.split("\n")[0]).toMatch(/^oracle: /);
      expect(result.stderr).not.toMatch(/\bat .*\.ts:\d+/);
    }
  });

  it("prints one JSON object per command and exits 1 on a miss outside the triage file, 0 once triaged", () => {
    const dir = mkdtempSync(join(tmpdir(), "automode-oracle-cli-"));
    try {
      const commands = join(dir, "commands.txt");
      writeFileSync(commands, "# two lines\ncat README.md\ngit log --output=out.txt -1\n");
      const triage = join(dir, "triage.tsv");
      writeFileSync(triage, "");
      const first = run(["--commands", commands, "--json", "--triage", triage]);
      const lines = first.stdout
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l));
      expect(lines.map((l) => l.command)).toEqual(["cat README.md", "git log --output=out.txt -1"]);
      for (const line of lines) {
        expect(Array.isArray(line.observed)).toBe(true);
        expect(Array.isArray(line.misses)).toBe(true);
        for (const e of line.observed)
          expect(["read", "write", "delete", "execute", "network"]).toContain(e.kind);
      }
      const misses = lines[1].misses as { kind: string; target: string }[];
      if (misses.length === 0) {
        // The engine predicts the write now: nothing to triage, and the run passes.
        expect(first.status).toBe(0);
        return;
      }
      expect(first.status).toBe(1);
      writeFileSync(
        triage,
        [
          ...misses.map((m) => `git log --output=out.txt -1\t${m.kind}\t${m.target}\ttest`),
          "cat README.md\twrite\tREADME.md\ta miss that does not happen",
        ].join("\n"),
      );
      const second = run(["--commands", commands, "--json", "--triage", triage]);
      expect(second.status).toBe(0);
      // A triage line whose miss no longer happens is named, so it can be removed.
      expect(second.stderr).toMatch(
        /triage line \d+ no longer happens .*cat README\.md\twrite\tREADME\.md/,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
