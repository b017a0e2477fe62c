import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createEngineSync } from "../../src/engine.js";
import { contentsCopies } from "../../src/shell/contents.js";
import { protectedBelow } from "../../src/shell/contents-walk.js";
import { realFs } from "./helpers.js";

const tmp = realpathSync(mkdtempSync(join(tmpdir(), "automode-contents-")));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const root = join(tmp, "repo");
for (const [file, text] of Object.entries({
  ".claude/policy.json": '{ "version": 1, "tier": "permissive" }\n',
  ".claudeignore": ".env\n",
  "evil/.claudeignore": "",
  "evil/.claude/policy.json": "{}",
  "evil/a/b/.claudeignore": "",
  "evil/.git/hooks/pre-commit": "x",
  "evil/.git/objects/ab/cd": "x",
  "evil/node_modules/automode/index.js": "",
  "evil/node_modules/left-pad/.claudeignore": "",
  "evil/src/x.ts": "",
  "src/a.ts": "",
})) {
  mkdirSync(dirname(join(root, file)), { recursive: true });
  writeFileSync(join(root, file), text);
}

const split = (line: string) => line.split(" ").slice(1);

describe("contentsCopies reads the words", () => {
  it("finds copies of a folder's contents", () => {
    expect(contentsCopies("rsync", split("rsync -a evil/ ."))).toEqual([
      { from: "evil/", to: ".", what: "the contents of evil/" },
    ]);
    expect(contentsCopies("cp", split("cp -r evil/. .claude/"))[0]).toMatchObject({
      from: "evil/.",
      to: ".claude/",
    });
    expect(contentsCopies("cp", split("cp -rT evil ."))[0]?.whole).toBeUndefined();
    expect(contentsCopies("cp", split("cp -r --no-target evil ."))[0]?.whole).toBeUndefined();
    expect(contentsCopies("mv", split("mv -T evil ."))[0]?.whole).toBeUndefined();
    expect(contentsCopies("cp", split("cp -r evil ."))[0]?.whole).toBe("maybe");
    expect(contentsCopies("cp", split("cp -r -t . evil"))[0]?.whole).toBe("yes");
    expect(contentsCopies("rsync", split("rsync -a evil ."))[0]?.whole).toBe("yes");
  });

  it("leaves plain copies, remote destinations and listings alone", () => {
    expect(contentsCopies("cp", split("cp evil/. ."))).toEqual([]);
    expect(contentsCopies("rsync", split("rsync evil/ ."))).toEqual([]);
    expect(contentsCopies("rsync", split("rsync -a evil/ host:x/"))).toEqual([]);
    expect(contentsCopies("tar", split("tar tzf a.tgz"))).toEqual([]);
    expect(contentsCopies("tar", split("tar xzf a.tgz -O"))).toEqual([]);
    expect(contentsCopies("unzip", split("unzip -l a.zip"))).toEqual([]);
    expect(contentsCopies("7z", split("7z l a.7z"))).toEqual([]);
  });

  it("gives archives unknown contents at their folder", () => {
    const to = (name: string, line: string) => contentsCopies(name, split(line)).map((c) => c.to);
    expect(to("tar", "tar xf a.tar")).toEqual(["."]);
    expect(to("tar", "tar -xf a.tar -C .claude")).toEqual([".claude"]);
    expect(to("tar", "tar --extract --file=a.tar --directory=x")).toEqual(["x"]);
    expect(to("unzip", "unzip -o a.zip -d vendor")).toEqual(["vendor"]);
    expect(to("7z", "7z x a.7z -oout")).toEqual(["out"]);
    expect(to("cpio", "cpio -idv")).toEqual(["."]);
    expect(to("cpio", "cpio -pdm dest")).toEqual(["dest"]);
    expect(contentsCopies("tar", split("tar xf a.tar"))[0]?.from).toBeUndefined();
  });
});

describe("protectedBelow lists the protected names a folder holds", () => {
  it("at any depth, one level into .git and node_modules", () => {
    const found = protectedBelow(realFs, join(root, "evil"), "repo");
    expect(found?.complete).toBe(true);
    expect([...(found?.names ?? [])].sort()).toEqual([
      ".claude/policy.json",
      ".claudeignore",
      ".git/hooks",
      "a/b/.claudeignore",
      "node_modules/automode",
    ]);
  });

  it("judges names where they land", () => {
    // `policy.json` is protected only inside a `.claude` folder.
    expect(protectedBelow(realFs, join(root, "evil/.claude"), "repo/x")?.names).toEqual([]);
    expect(protectedBelow(realFs, join(root, "evil/.claude"), "repo/.claude")?.names).toEqual([
      "policy.json",
    ]);
    expect(protectedBelow(realFs, join(root, "missing"), "repo")).toBeUndefined();
  });
});

describe("contents copies and archives through the engine", () => {
  const engine = createEngineSync({
    projectRoot: root,
    env: { home: join(tmp, "home"), platform: "linux", caseSensitive: true },
  });
  const decide = (command: string) => engine.decide({ kind: "execute", command, cwd: root });

  it("says an archive's contents are unknown and could replace automode's files", () => {
    const d = decide("tar xzf release.tgz");
    expect([d.verdict, d.check]).toEqual(["deny", "self-protection"]);
    expect(d.reason).toContain("the archive's contents are unknown to automode");
    expect(d.reason).toContain("could replace automode's files");
    expect(decide("unzip evil.zip -d .claude").reason).toContain("policy.json");
  });

  it("names the protected file a contents copy would replace", () => {
    const d = decide("rsync -a evil/ .");
    expect([d.verdict, d.check]).toEqual(["deny", "self-protection"]);
    expect(d.reason).toMatch(/Writing (\.claudeignore|\.claude\/policy\.json|\.git\/hooks)/);
    expect(decide("rsync -a src/ dist/").verdict).toBe("approve");
    expect(decide("tar xzf release.tgz -C build").verdict).toBe("approve");
  });
});
