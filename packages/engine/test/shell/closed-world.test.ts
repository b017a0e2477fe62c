import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { envEffect } from "../../src/shell/env.js";
import { modelOf, readArgs } from "../../src/shell/knowledge/index.js";
import { patchTargets } from "../../src/shell/patch-targets.js";
import { scpRemote } from "../../src/shell/remote.js";
import { runsCode } from "../../src/shell/runs-code.js";
import { checks, execs, fileOps, realFs, tempTree } from "./helpers.js";

const root = tempTree(["src/a.ts", ".git/HEAD"]);
writeFileSync(
  join(root, "evil.patch"),
  "--- a/.claudeignore\n+++ b/.claudeignore\n@@ -1 +1 @@\n-a\n+b\n",
);
afterAll(() => rmSync(root, { recursive: true, force: true }));
const ctx = { cwd: root, fs: realFs };

const read = (name: string, line: string) => {
  const m = modelOf(name);
  if (!m) throw new Error(`no model of ${name}`);
  return readArgs(m, line === "" ? [] : line.split(" "));
};

describe("the option parser (closed world)", () => {
  it("reads clusters, attached values, --opt=value and --", () => {
    const r = read("sort", "-rnk2 -t, -o.out --parallel=2 -- -x");
    expect(r.miss).toBeUndefined();
    expect(r.found.map((f) => `${f.name}=${f.value ?? ""}`)).toEqual([
      "-r=",
      "-n=",
      "-k=2",
      "-t=,",
      "-o=.out",
      "--parallel=2",
    ]);
    expect(r.operands).toEqual([5]);
  });
  it("takes unique long prefixes only where the tool does", () => {
    expect(read("git", "reset --ha").found.at(-1)?.name).toBe("--hard");
    expect(read("rg", "--pr x").miss).toMatch(/--pr is not an option/);
    expect(read("sort", "--compress-prog=x").found[0]?.name).toBe("--compress-program");
    // Ambiguous prefixes are misses, as getopt_long reports them.
    expect(read("sort", "--c").miss).toBeDefined();
  });
  it("knows git's --no- forms and its subcommand aliases", () => {
    expect(read("git", "commit --no-gpg-sign --no-signoff -m x").miss).toBeUndefined();
    expect(read("npm", "isntall x").program.path).toEqual(["npm", "install"]);
  });
  it("misses unknown options, subcommands and non-literal subcommands", () => {
    expect(read("git", "frob").miss).toMatch(/git frob is not a subcommand/);
    expect(read("ls", "--frob").miss).toMatch(/ls --frob/);
    expect(readArgs(modelOf("git") as never, [undefined]).miss).toMatch(/not a literal/);
  });
  it("single-dash long options (go) and numbers as options (head)", () => {
    expect(read("go", "test -run TestX -count=1 ./...").miss).toBeUndefined();
    expect(read("go", "test --run=x").miss).toBeUndefined();
    expect(read("head", "-20 a").miss).toBeUndefined();
  });
});

describe("one function for environment assignments", () => {
  it("harmless, unknown, dynamic", () => {
    expect(envEffect("NODE_ENV")).toBe("harmless");
    expect(envEffect("LC_ALL")).toBe("harmless");
    expect(envEffect("FOO")).toBe("unknown");
    for (const v of [
      "HOME",
      "GIT_DIR",
      "XDG_CONFIG_HOME",
      "LD_PRELOAD",
      "DYLD_X",
      "RUSTC_WRAPPER",
      "NODE_OPTIONS",
      "LESSOPEN",
      "npm_config_script_shell",
    ])
      expect(envEffect(v), v).toBe("dynamic");
  });
  it("is used for A=1 cmd, env A=1 cmd and env -S", () => {
    for (const line of ["FOO=1 ls", "env FOO=1 ls", "env -S 'FOO=1 ls'"])
      expect(execs(line).at(-1)?.class, line).toBe("unknown");
    for (const line of ["HOME=/x ls", "env HOME=/x ls", "env -S 'HOME=/x ls'"])
      expect(checks(line), line).toContain("dynamic");
  });
});

describe("one table of what runs code", () => {
  it("lists every kind", () => {
    expect(runsCode("sudo")).toBe("wrapper");
    expect(runsCode("npx")).toBe("runner");
    expect(runsCode("bash")).toBe("shell");
    expect(runsCode("python3")).toBe("interpreter");
    expect(runsCode("eval")).toBe("eval");
    expect(runsCode(".")).toBe("source");
    expect(runsCode("parallel")).toBe("parallel");
    expect(runsCode("trap")).toBe("later");
    expect(runsCode("ls")).toBeUndefined();
  });
});

describe("one scp-remote parser", () => {
  it("tells remotes from paths and rev:path", () => {
    expect(scpRemote("git@github.com:a/b")).toEqual({
      user: "git",
      host: "github.com",
      path: "a/b",
    });
    expect(scpRemote("host:x")?.host).toBe("host");
    expect(scpRemote("./a:b")).toBeUndefined();
    expect(scpRemote("https://x/y")).toBeUndefined();
  });
});

describe("patches write the files they name", () => {
  it("reads targets from diff headers", () => {
    expect(patchTargets("--- a/x\n+++ b/y\nrename to z\n", 1)).toEqual(["x", "y", "z"]);
  });
  it("git apply and patch -i write the patch's files", () => {
    expect(fileOps("git apply evil.patch", ctx)).toContain(`write:.claudeignore@${root}`);
    expect(fileOps("patch -p1 -i evil.patch", ctx)).toContain(`write:.claudeignore@${root}`);
    expect(checks("patch -p1 < evil.patch", ctx)).toContain("dynamic");
    expect(checks("git apply --check evil.patch", ctx)).toEqual([]);
  });
});

describe("hard links write their source (issue 18)", () => {
  it("ln without -s, cp -l, link", () => {
    expect(fileOps("ln a b")).toContain("write:a@/repo");
    expect(fileOps("cp -l a b")).toContain("write:a@/repo");
    expect(fileOps("link a b")).toContain("write:a@/repo");
    expect(fileOps("ln -s a b")).not.toContain("write:a@/repo");
  });
});

describe("the hooks folder is found above the cwd", () => {
  it("git config core.hooksPath from a subfolder", () => {
    expect(
      fileOps("git config core.hooksPath x", { cwd: join(root, "src"), fs: realFs }),
    ).toContain(`write:${join(root, ".git", "hooks")}@${join(root, "src")}`);
  });
});
