import { rmSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checks, execs, fileOps, realFs, tempTree } from "./helpers.js";

describe("cd is tracked within one command line", () => {
  it.each([
    ["cd secrets && cat api.txt", "read:api.txt@/repo/secrets"],
    ["cd src && cat ../.env", "read:../.env@/repo/src"],
    ["cd config; cat server.key", "read:server.key@/repo/config"],
    ["cd src || exit 1; rm -rf ../dist", "delete-r:../dist@/repo/src"],
    ["cd a && cd b && cat x", "read:x@/repo/a/b"],
    ["cd /tmp && cat x", "read:x@/tmp"],
    ["cd && cat .netrc", "read:.netrc@/home/u"],
    ["cd ~ && cat .netrc", "read:.netrc@/home/u"],
    ["cd ~/.aws; cat credentials", "read:credentials@/home/u/.aws"],
    ["cd $HOME/.ssh && cat id_rsa", "read:id_rsa@/home/u/.ssh"],
    ["cd a && cd - && cat x", "read:x@/repo"],
    ["pushd sub && cat x", "read:x@/repo/sub"],
    ["pushd sub && popd && cat x", "read:x@/repo"],
    ["cd a; (cd b; cat x); cat y", "read:x@/repo/a/b"],
    ["cd a; (cd b; cat x); cat y", "read:y@/repo/a"],
    ["cd db && echo x > migrations/003.sql", "write:migrations/003.sql@/repo/db"],
    ["cd db && bash <<EOF\ncat x\nEOF", "read:x@/repo/db"],
    ["cd src && grep -r TODO ..", "read-r:..@/repo/src"],
    ["cd sub && git -C .. status && cat x", "read:x@/repo/sub"],
  ])("%s → %s", (line, op) => {
    expect(fileOps(line)).toContain(op);
  });
  it("the command's cwd follows cd", () => {
    expect(execs("cd src && make").at(-1)?.command.cwd).toBe("/repo/src");
    expect(execs("git -C sub status").at(-1)?.command.cwd).toBe("/repo/sub");
  });
  it("cd - uses ctx.oldpwd, and is dynamic without it", () => {
    expect(fileOps("cd - && cat x", { oldpwd: "/prev" })).toContain("read:x@/prev");
    expect(checks("cd - && cat x")).toEqual(["dynamic"]);
  });
  it("cd to a non-literal directory is dynamic", () => {
    expect(checks('cd "$DIR" && cat x')).toEqual(["dynamic"]);
    expect(checks("popd")).toEqual(["dynamic"]);
  });
});

describe("expansion of ~, $HOME, $PWD, $OLDPWD; other variables are unknown", () => {
  it.each([
    ["cat ~/.ssh/id_rsa", "read:/home/u/.ssh/id_rsa@/repo"],
    ["cat ~", "read:/home/u@/repo"],
    ["cat $HOME/.aws/credentials", "read:/home/u/.aws/credentials@/repo"],
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a shell parameter expansion
    ["cat ${HOME}/.netrc", "read:/home/u/.netrc@/repo"],
    ['cat "$HOME/.npmrc"', "read:/home/u/.npmrc@/repo"],
    ["cat $PWD/.env", "read:/repo/.env@/repo"],
    ["cd src && cat $PWD/a", "read:/repo/src/a@/repo/src"],
    ["cat ~+/a", "read:/repo/a@/repo"],
    ["cd a && cat $OLDPWD/x", "read:/repo/x@/repo/a"],
    ["echo key >> ~/.ssh/authorized_keys", "write:/home/u/.ssh/authorized_keys@/repo"],
    ["scp ~/.ssh/id_rsa host:", "read:/home/u/.ssh/id_rsa@/repo"],
    ["ssh -i ~/.ssh/id_rsa host", "read:/home/u/.ssh/id_rsa@/repo"],
  ])("%s → %s", (line, op) => {
    expect(fileOps(line)).toContain(op);
  });
  it("a quoted ~ is literal", () => {
    expect(fileOps("cat '~/x'")).toEqual(["read:~/x@/repo"]);
  });
  it.each([
    "cat $FILE",
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a shell parameter expansion
    "cat ${FILE}",
    'cat "$DIR/x"',
    "rm -rf $DIR",
    "cat ~other/.ssh/id_rsa",
    "cat $1",
    "cp a $(mktemp)",
    "vim $F",
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a shell parameter expansion
    "cat ${HOME:-/x}/y",
    "echo x > $OUT",
  ])("%s → dynamic", (line) => {
    expect(checks(line)).toContain("dynamic");
  });
  it("variables in arguments that are not paths are fine", () => {
    expect(checks('echo "$HOME $USER"')).toEqual([]);
    expect(checks("printf '%s' $X")).toEqual([]);
    expect(checks('git commit -m "$MSG"')).toEqual([]);
  });
  it("quote removal, escapes, ANSI-C strings and brace expansion", () => {
    expect(fileOps("cat \\.env")).toEqual(["read:.env@/repo"]);
    expect(fileOps("ca''t .e''nv")).toEqual(["read:.env@/repo"]);
    expect(fileOps("cat $'\\x2eenv'")).toEqual(["read:.env@/repo"]);
    expect(fileOps("cat .e{n,}v")).toEqual(["read:.env@/repo", "read:.ev@/repo"]);
    expect(fileOps("cat {README.md,.env}")).toEqual(["read:README.md@/repo", "read:.env@/repo"]);
    expect(fileOps("cat f{1..3}")).toEqual(["read:f1@/repo", "read:f2@/repo", "read:f3@/repo"]);
    expect(fileOps("cat '{a,b}'")).toEqual(["read:{a,b}@/repo"]);
  });
});

describe("command words and flags are normalised", () => {
  it.each([
    ["\\rm -rf x", "rm"],
    ["r''m -rf x", "rm"],
    ['r""m -rf x', "rm"],
    ['"rm" -rf x', "rm"],
    ["'rm' -rf x", "rm"],
    ['"/bin/rm" -r -f x', "rm"],
    ["/usr/bin/rm -rf x", "rm"],
    ["r\\m -rf x", "rm"],
    ["$'rm' -rf x", "rm"],
    ["$'\\x72\\x6d' -rf x", "rm"],
    ["command rm -rf x", "rm"],
    ["/usr/bin/git -C . reset --hard", "git"],
  ])("%s → %s", (line, name) => {
    const e = execs(line).at(-1);
    expect(e?.command.name).toBe(name);
    expect(e?.hazards.map((h) => h.check)).toContain("destructive");
  });
  it("a relative command path is kept: it is a project file", () => {
    expect(execs("./scripts/build.sh").at(-1)?.command.name).toBe("./scripts/build.sh");
  });
  it("args are literal values after quote removal", () => {
    expect(execs(`git commit -m "a b" -q`).at(-1)?.command.args).toEqual([
      "commit",
      "-m",
      "a b",
      "-q",
    ]);
  });
});

describe("globs expand against the file system from the tracked cwd", () => {
  const root = tempTree([
    ".env",
    ".env.local",
    "README.md",
    "a.ts",
    "b.ts",
    "key.pem",
    "src/x.ts",
    "src/.hidden.ts",
    "secrets/api.txt",
    "secrets/b.txt",
    "sub/deep/c.ts",
    "[lit].txt",
  ]);
  symlinkSync(join(root, "secrets"), join(root, "linkdir"));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const ctx = { cwd: root, fs: realFs };
  const reads = (line: string) =>
    fileOps(line, ctx).map((o) => o.replace(`@${root}`, "").replace(root, "ROOT"));

  it("* skips dotfiles (no dotglob)", () => {
    expect(reads("cat *")).toEqual(
      expect.arrayContaining(["read:README.md", "read:a.ts", "read:key.pem"]),
    );
    expect(reads("cat *")).not.toContain("read:.env");
  });
  it("explicit dot patterns match dotfiles", () => {
    expect(reads("cat .e*")).toEqual(["read:.env", "read:.env.local"]);
    expect(reads("cat .en?")).toEqual(["read:.env"]);
    expect(reads("cat .[e]nv")).toEqual(["read:.env"]);
    expect(reads("cat *.pem")).toEqual(["read:key.pem"]);
  });
  it("folder segments and absolute globs", () => {
    expect(reads("cat secrets/*")).toEqual(["read:secrets/api.txt", "read:secrets/b.txt"]);
    expect(reads("cat */*.txt")).toEqual(
      expect.arrayContaining(["read:secrets/api.txt", "read:linkdir/api.txt"]),
    );
    expect(reads(`cat ${root}/s*/a*`)).toEqual(["read:ROOT/secrets/api.txt"]);
    expect(reads("cat src/*.ts")).toEqual(["read:src/x.ts"]);
    expect(reads("ls */")).toEqual(
      expect.arrayContaining(["read-l:src/", "read-l:secrets/", "read-l:linkdir/"]),
    );
  });
  it("globs follow cd", () => {
    expect(fileOps("cd secrets && cat *", ctx)).toContain(`read:b.txt@${root}/secrets`);
    expect(fileOps("cd secrets && cat *", ctx)).toContain(`read:api.txt@${root}/secrets`);
  });
  it("no match keeps the literal, quoted globs are literal", () => {
    expect(reads("cat *.nothing")).toEqual(["read:*.nothing"]);
    expect(reads("cat '*.ts'")).toEqual(["read:*.ts"]);
    expect(reads("cat \\*.ts")).toEqual(["read:*.ts"]);
    expect(reads("cat [lit].txt")).toEqual(["read:[lit].txt"]);
  });
  it("rm with a glob deletes each match", () => {
    expect(reads("rm *.ts")).toEqual(["delete:a.ts", "delete:b.ts"]);
  });
  it("a glob in the command word is expanded too", () => {
    expect(execs("./R*.md", ctx).at(-1)?.command.name).toBe("./README.md");
  });
});
