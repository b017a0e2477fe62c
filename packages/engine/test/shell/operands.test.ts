import { describe, expect, it } from "vitest";
import { checks, fileOps } from "./helpers.js";

const R = "@/repo";

describe("file operands of known commands (SPEC section 4)", () => {
  it.each([
    "cat",
    "head",
    "tail",
    "less",
    "more",
    "source",
    ".",
    "base64",
    "xxd",
    "od",
    "strings",
    "wc",
    "sort",
    "nl",
    "tac",
    "md5sum",
    "sha256sum",
    "file",
    "stat",
    "zcat",
  ])("%s reads its operands", (cmd) => {
    expect(fileOps(`${cmd} .env`)).toEqual([`read:.env${R}`]);
  });
  it.each([
    ["head -n 1 .env", [`read:.env${R}`]],
    ["tail -n 20 -f app.log", [`read:app.log${R}`]],
    ["grep KEY .env", [`read:.env${R}`]],
    ["grep -e KEY -e X .env b", [`read:.env${R}`, `read:b${R}`]],
    ["grep -f pats.txt a", [`read:pats.txt${R}`, `read:a${R}`]],
    ["sed -n 1p .env", [`read:.env${R}`]],
    ["sed -e s/a/b/ x", [`read:x${R}`]],
    ["sed -i s/a/b/ .env", [`write:.env${R}`, `read:.env${R}`]],
    ["sed --in-place s/a/b/ f", [`write:f${R}`, `read:f${R}`]],
    ["awk '{print}' .env", [`read:.env${R}`]],
    ["awk -F: -f prog.awk data", [`read:prog.awk${R}`, `read:data${R}`]],
    ["jq .a package.json", [`read:package.json${R}`]],
    ["sort -o out.txt in.txt", [`write:out.txt${R}`, `read:in.txt${R}`]],
    ["cut -d: -f1 /etc/passwd", [`read:/etc/passwd${R}`]],
    ["diff a b", [`read:a${R}`, `read:b${R}`]],
    ["git add .env src", [`read:.env${R}`, `read:src${R}`]],
  ])("%s", (line, expected) => {
    expect(fileOps(line)).toEqual(expected);
  });

  it("sed -i with a backup suffix writes the file", () => {
    expect(fileOps("sed -i.bak -e s/a/b/ f")).toEqual(
      expect.arrayContaining([`write:f${R}`, `read:f${R}`]),
    );
  });
  it("<> (read-write redirect) is not in tree-sitter-bash's grammar: escalated", () => {
    expect(checks("cat <> f")).toContain("unparseable");
    expect(fileOps("cat <> f")).toContain(`read:f${R}`);
  });

  it.each([
    ["touch a b", [`write:a${R}`, `write:b${R}`]],
    ["mkdir -p a/b", [`write:a/b${R}`]],
    ["mkdir -m 700 d", [`write:d${R}`]],
    ["chmod 600 .env", [`write:.env${R}`]],
    ["chmod -R u+x bin", [`write:bin${R}`]],
    ["chown me:me f", [`write:f${R}`]],
    ["chmod --reference=ref f", [`read:ref${R}`, `write:f${R}`]],
    ["tee a b", [`write:a${R}`, `write:b${R}`]],
    ["tee -a log", [`write:log${R}`]],
    ["truncate -s 0 f", [`write:f${R}`]],
  ])("writers: %s", (line, expected) => {
    expect(fileOps(line).sort()).toEqual([...expected].sort());
  });

  it.each([
    ["rm a b", [`delete:a${R}`, `delete:b${R}`]],
    ["rm -rf dist", [`delete-r:dist${R}`]],
    ["unlink a", [`delete:a${R}`]],
    ["rmdir d", [`delete:d${R}`]],
    ["git rm -r old", [`delete-r:old${R}`]],
    ["git rm --cached f", [`read-i:f${R}`]],
  ])("deleters: %s", (line, expected) => {
    expect(fileOps(line)).toEqual(expected);
  });

  it.each([
    ["cp a b", [`read:a${R}`, `write:b${R}`]],
    ["cp a b dir/", [`read:a${R}`, `read:b${R}`, `write:dir/${R}`]],
    ["cp -r src /tmp/x", [`read-r:src${R}`, `write:/tmp/x${R}`]],
    ["cp -a src dst", [`read-r:src${R}`, `write:dst${R}`]],
    ["cp -t dir a b", [`write:dir${R}`, `read:a${R}`, `read:b${R}`]],
    ["mv a b", [`read:a${R}`, `delete:a${R}`, `write:b${R}`]],
    [
      // A `.claude` folder moved into a folder may replace the files one there holds.
      "mv .claude /tmp/c",
      [
        `read:.claude${R}`,
        `delete:.claude${R}`,
        `write:/tmp/c${R}`,
        `write:/tmp/c/.claude/policy.json${R}`,
        `write:/tmp/c/.claude/settings.json${R}`,
        `write:/tmp/c/.claude/settings.local.json${R}`,
      ],
    ],
    [
      "cp evil/policy.json .claude/",
      [`read:evil/policy.json${R}`, `write:.claude/${R}`, `write:.claude/policy.json${R}`],
    ],
    ["ln -s .env link", [`read:.env${R}`, `write:link${R}`]],
    ["ln -sf /tmp/x /usr/bin/node", [`read:/tmp/x${R}`, `write:/usr/bin/node${R}`]],
    ["rsync -a src/ /tmp/x", [`read-r:src/${R}`, `write:/tmp/x${R}`]],
    ["rsync .env /tmp/x", [`read:.env${R}`, `write:/tmp/x${R}`]],
    ["install -m 755 bin/x /usr/local/bin/x", [`read:bin/x${R}`, `write:/usr/local/bin/x${R}`]],
    ["dd if=.env of=/tmp/x", [`read:.env${R}`, `write:/tmp/x${R}`]],
    ["tar czf /tmp/s.tgz secrets", [`read-r:secrets${R}`, `write:/tmp/s.tgz${R}`]],
    ["tar -czf out.tgz -C src .", [`read-r:.${R}`, `write:out.tgz${R}`, `read-l:src${R}`]],
    ["tar xzf a.tgz", [`read:a.tgz${R}`, `write:.${R}`]],
    ["tar -xf a.tar -C out", [`read:a.tar${R}`, `write:out${R}`]],
    ["zip -r /tmp/s.zip secrets", [`write:/tmp/s.zip${R}`, `read-r:secrets${R}`]],
    ["unzip a.zip -d out", [`read:a.zip${R}`, `write:out${R}`]],
  ])("copies and archives: %s", (line, expected) => {
    expect(fileOps(line).sort()).toEqual([...expected].sort());
  });

  it.each([
    ["cat < .env", [`read:.env${R}`]],
    ["echo hi > .env", [`write:.env${R}`]],
    ["echo hi >> .env", [`write:.env${R}`]],
    ["ls &> out", [`write:out${R}`, `read-l:.${R}`]],
    ["ls &>> out", [`write:out${R}`, `read-l:.${R}`]],
    ["make 2> err.log", [`write:err.log${R}`]],
    ["make 2>> err.log", [`write:err.log${R}`]],
    ["make >| out", [`write:out${R}`]],
    ["make > /dev/null 2>&1", []],
    ["make 2>/dev/stderr >/dev/stdout </dev/tty", []],
    ["echo x > /dev/fd/3", []],
    ["cat /dev/null", []],
    ["while read l; do echo $l; done < .env", [`read:.env${R}`]],
    ["{ echo a; } > out", [`write:out${R}`]],
    ["echo x | tee .env > /dev/null", [`write:.env${R}`]],
  ])("redirects: %s", (line, expected) => {
    expect(fileOps(line).sort()).toEqual([...expected].sort());
  });
});

describe("every other argument that could name a path is an incidental read", () => {
  it.each([
    ["vim .env", ".env"],
    ["code .env", ".env"],
    ["openssl rsa -in config/server.key", "config/server.key"],
    ["docker run --env-file .env img", ".env"],
    ["docker run --env-file=.env img", ".env"],
    ["mytool --config=.env", ".env"],
    ["mytool -c .env", ".env"],
    ["mytool -c.env", ".env"],
    ["gcc -Isecrets/inc x.c", "secrets/inc"],
    ["node -r dotenv/config --env-file=.env scripts/build.js", ".env"],
    ["python3 scripts/build.py .env", ".env"],
    ["mytool key=.env", ".env"],
    ["find . -name .env", ".env"],
    ["git -C secrets log", "secrets"],
    ["cd secrets", "secrets"],
  ])("%s → %s", (line, path) => {
    expect(fileOps(line)).toContain(`read-i:${path}${R}`);
  });
  it("URLs, flags and printed text are not paths", () => {
    expect(fileOps("mytool https://example.com/.env -v --fast")).toEqual([]);
    expect(fileOps("echo .env")).toEqual([]);
    expect(fileOps("printf '%s' .env")).toEqual([]);
  });
  it("grep and rg patterns are not paths; their files are", () => {
    expect(fileOps("grep -n .env src/a.ts")).toEqual([`read:src/a.ts${R}`]);
  });
  it("git commit messages are not paths", () => {
    expect(fileOps("git commit -m 'update .env docs'")).toEqual([]);
    expect(checks('git commit -m "$MSG"')).toEqual([]);
  });
});

describe("recursive readers", () => {
  it.each([
    ["grep -r TOKEN .", [`read-r:.${R}`]],
    ["grep -R TOKEN src", [`read-r:src${R}`]],
    ["grep -rn TODO", [`read-r:.${R}`]],
    ["grep --recursive x a b", [`read-r:a${R}`, `read-r:b${R}`]],
    ["rg TODO", [`read-r:.${R}`]],
    ["rg -n TODO src", [`read-r:src${R}`]],
    ["rg -e a -e b", [`read-r:.${R}`]],
    ["ag TODO", [`read-r:.${R}`]],
    ["cp -r . /tmp/copy", [`read-r:.${R}`, `write:/tmp/copy${R}`]],
    ["cp -R src dst", [`read-r:src${R}`, `write:dst${R}`]],
    ["tar czf /tmp/all.tgz .", [`read-r:.${R}`, `write:/tmp/all.tgz${R}`]],
    ["zip -r /tmp/all.zip .", [`read-r:.${R}`, `write:/tmp/all.zip${R}`]],
    ["rsync -a . /tmp/copy", [`read-r:.${R}`, `write:/tmp/copy${R}`]],
    ["diff -r a b", [`read-r:a${R}`, `read-r:b${R}`]],
    ["grep -r password ~", ["read-r:/home/u@/repo"]],
  ])("%s", (line, expected) => {
    expect(fileOps(line).sort()).toEqual([...expected].sort());
  });
  it("find … -exec cat reads everything under its roots", () => {
    expect(fileOps("find . -type f -exec cat {} +")).toContain(`read-r:.${R}`);
  });
  it("ls, tree, du and find list names only", () => {
    expect(fileOps("ls secrets")).toEqual([`read-l:secrets${R}`]);
    expect(fileOps("ls")).toEqual([`read-l:.${R}`]);
    expect(fileOps("find secrets -type f")).toEqual([`read-l:secrets${R}`]);
    expect(fileOps("du -sh src")).toEqual([`read-l:src${R}`]);
  });
  it("grep without -r reads only its files", () => {
    expect(fileOps("grep x a")).toEqual([`read:a${R}`]);
  });
});
