import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { createScope, specialPath } from "../src/index.js";
import { makeTree, tempDir } from "./support/temp.js";

describe("paths through /proc and /dev are the command's, rewritten before any check", () => {
  const base = tempDir("scope-proc-");
  const root = path.join(base, "repo");
  makeTree(base, [
    "repo/.env",
    "repo/.claudeignore",
    "repo/src/a.ts",
    "repo/secrets/x",
    "repo/.claude/policy.json",
    "outside/f",
  ]);
  fs.writeFileSync(path.join(root, ".claudeignore"), ".env\nsecrets/\n");
  // A cwd that is a link: `..` after /proc/self/cwd climbs from the real folder, as the kernel does.
  fs.symlinkSync(path.join(base, "outside"), path.join(root, "out"));
  const src = path.join(root, "src");
  const scope = createScope({
    projectRoot: root,
    env: { home: path.join(base, "home"), platform: "linux" },
  });

  test.each([
    ["/dev/fd/../cwd/.env", root],
    ["/proc/self/cwd/.env", root],
    ["/proc/thread-self/cwd/.env", root],
    ["/proc/self/cwd/../.env", src],
    ["/dev/fd/../cwd/../secrets/x", src],
    ["/proc/thread-self/../../cwd/.env", root],
    ["/proc/self/fd/../cwd/.env", root],
    ["/proc/self/root/proc/self/cwd/.env", root],
  ])("%s from %s names the project's file and is ignored", (target, cwd) => {
    const info = scope.classify(target, cwd);
    expect(info.ignored).toBe(true);
    expect(info.inside).toBe(true);
    expect(info.real.startsWith(root)).toBe(true);
  });

  test("never the automode process's own cwd", () => {
    // The test process runs elsewhere: through the real /proc/self this would be outside.
    expect(process.cwd()).not.toBe(src);
    expect(scope.classify("/proc/self/cwd/a.ts", src)).toMatchObject({
      absolute: path.join(src, "a.ts"),
      real: path.join(src, "a.ts"),
      exists: true,
      inside: true,
    });
  });

  test("self-protected files through /dev/fd/../cwd", () => {
    expect(scope.classify("/dev/fd/../cwd/.claudeignore", root).selfProtected).toBe(true);
    expect(scope.classify("/proc/self/cwd/.claude/policy.json", root).selfProtected).toBe(true);
  });

  test("`..` after /proc/self/cwd climbs from the real folder (a linked cwd)", () => {
    const info = scope.classify("/proc/self/cwd/../f", path.join(root, "out"));
    expect(info.real).toBe(path.join(base, "f"));
    expect(info.inside).toBe(false);
  });

  test("/proc/self/root/x is /x", () => {
    expect(scope.classify("/proc/self/root/etc/shadow", root)).toMatchObject({
      absolute: "/etc/shadow",
      system: true,
      inside: false,
    });
    expect(scope.classify(`/proc/self/root${root}/.env`, "/").ignored).toBe(true);
  });

  test.each(["/dev/stdin", "/proc/self/fd/0", "/dev/fd/0", "/proc/thread-self/fd/0"])(
    "%s is standard input, marked for the shell analysis",
    (target) => {
      const resolved = scope.resolve(target, root);
      expect(resolved).toMatchObject({ absolute: "/dev/stdin", stdin: true });
      expect(resolved.unknown).toBeUndefined();
    },
  );

  test.each(["/dev/stdout", "/proc/self/fd/2", "/dev/null", `${root}/src/a.ts`])(
    "%s is not standard input",
    (target) => {
      expect(scope.resolve(target, root).stdin).toBeUndefined();
    },
  );

  test.each([
    ["/proc/1/cwd/.env", "process 1"],
    [`/proc/${process.pid}/root/etc/passwd`, `process ${process.pid}`],
    ["/proc/self/task/12/cwd/x", "thread 12"],
    ["/dev/fd/5", "descriptor 5"],
    ["/dev/fd/0/..", "open file descriptor"],
    ["/proc/self/fd/3/x", "open file descriptor"],
    ["/proc/self/exe", "/proc/self/exe"],
    ["/proc/self/cwd/../../../../proc/self/cwd/.env", "climbs"],
    [`${root}/out/../../proc/self/cwd/.env`, "climb"],
  ])("%s is unknown (%s)", (target, why) => {
    const info = scope.classify(target, root);
    expect(info.unknown).toContain(why);
    expect(info.stdin).toBeUndefined();
    // Never resolved through automode's own /proc: the path stays as written.
    expect(
      info.real.startsWith("/proc") || info.real.startsWith("/dev") || info.real.startsWith(root),
    ).toBe(true);
  });

  test("another process's environment is still a credential store", () => {
    const info = scope.classify("/proc/1/environ", root);
    expect(info.credential).toBe(true);
    expect(scope.classify("/dev/fd/../environ", root).credential).toBe(true);
    expect(scope.classify("/proc/thread-self/environ", root).credential).toBe(true);
  });

  test("a pattern through /proc is unknown: the shell expands it in its own process", () => {
    expect(scope.classify("/proc/self/cwd/.e*", root).unknown).toContain("pattern");
    expect(scope.classify("/dev/fd/../cwd/secrets/[a-z]", root).unknown).toContain("pattern");
    expect(scope.classify("src/*.ts", root).unknown).toBeUndefined();
  });

  test("a cwd named through /proc is unknown", () => {
    expect(scope.classify(".env", "/proc/self/cwd").unknown).toContain("folder");
  });

  test("ordinary paths are untouched", () => {
    expect(scope.resolve("/dev/null", root).real).toBe("/dev/null");
    expect(specialPath(`${root}/dev/fd/x`, root)).toBeUndefined();
    expect(specialPath(`${root}/src/../proc/notes`, root)).toBeUndefined();
    expect(scope.classify("src/a.ts", root).unknown).toBeUndefined();
  });

  // The rewrite must agree with the kernel: `realpath` run with the command's cwd resolves
  // /proc/self through its own process, which is exactly the command's view.
  test.runIf(process.platform === "linux")(
    "agrees with realpath(1) run in the command's cwd",
    () => {
      const cases: Array<[string, string]> = [
        ["/dev/fd/../cwd/.env", root],
        ["/proc/self/cwd/../.env", src],
        ["/proc/thread-self/../../cwd/a.ts", src],
        ["/proc/self/fd/../../self/cwd/a.ts", src],
        ["/proc/self/root/etc/hostname", src],
        ["/proc/self/cwd/../f", path.join(root, "out")],
        ["/dev/fd/../../../tmp", root],
        ["/proc/self/root/proc/self/cwd/secrets/x", root],
      ];
      for (const [target, cwd] of cases) {
        const kernel = execFileSync("realpath", ["-m", "--", target], {
          cwd,
          encoding: "utf8",
        }).trim();
        expect(scope.resolve(target, cwd).real, `${target} from ${cwd}`).toBe(kernel);
      }
    },
  );
});

// Random paths built from the per-process links, compared with realpath(1) run in the cwd:
// wherever the scope names an ordinary path, the kernel names the same one.
describe.runIf(process.platform === "linux")("differential against realpath(1)", () => {
  const base = tempDir("scope-proc-diff-");
  const root = path.join(base, "repo");
  makeTree(base, ["repo/src/deep/a.ts", "repo/.env", "outside/f"]);
  fs.symlinkSync(path.join(base, "outside"), path.join(root, "out"));
  const scope = createScope({
    projectRoot: root,
    env: { home: path.join(base, "home"), platform: "linux" },
  });
  const pool = [
    "dev",
    "fd",
    "..",
    "proc",
    "self",
    "thread-self",
    "cwd",
    "root",
    "src",
    "deep",
    "out",
    ".env",
    ".",
    "tmp",
    "task",
    "stdin",
  ];
  const starts = [
    "",
    "/dev/fd",
    "/dev/fd/..",
    "/proc/self",
    "/proc/thread-self",
    "/proc/self/cwd",
    "/proc/self/root",
    "/proc/self/fd/..",
    "/dev",
  ];

  test("agrees on every path it rewrites to an ordinary one", () => {
    let rewritten = 0;
    fc.assert(
      fc.property(
        fc.constantFrom(...starts),
        fc.array(fc.constantFrom(...pool), { minLength: 0, maxLength: 7 }),
        fc.constantFrom(root, path.join(root, "src/deep"), path.join(root, "out")),
        fc.boolean(),
        (start, segments, cwd, relative) => {
          const tail = segments.join("/");
          const target = relative && start === "" ? tail || "." : `${start}/${tail}`;
          const resolved = scope.resolve(target, cwd);
          // Unknown, standard streams and procfs files are not resolved on purpose.
          if (resolved.unknown !== undefined || resolved.stdin) return;
          if (/^\/(proc|dev)(\/|$)/.test(resolved.absolute)) return;
          let kernel: string;
          try {
            // Every component but the last must exist, as for open(2); `-m` would walk through
            // missing folders, which the kernel refuses (ENOENT).
            kernel = execFileSync("realpath", ["--", target], {
              cwd,
              encoding: "utf8",
              stdio: ["ignore", "pipe", "ignore"],
            }).trim();
          } catch {
            return; // realpath refuses it (a file used as a folder): nothing to compare
          }
          expect(resolved.real, `${target} from ${cwd}`).toBe(kernel);

          if (specialPath(target.startsWith("/") ? target : `${cwd}/${target}`, cwd))
            rewritten += 1;
        },
      ),
      { numRuns: 600, seed: 12 },
    );
    // Enough of the cases went through a rewrite for the comparison to mean something.
    expect(rewritten).toBeGreaterThan(20);
  });
});
