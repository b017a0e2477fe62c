import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ListError, readCorpus, readEveryday, readTriage } from "./lists.js";

const dir = mkdtempSync(join(tmpdir(), "automode-lists-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const write = (text: string) => {
  const file = join(dir, `list-${n++}.txt`);
  writeFileSync(file, text);
  return file;
};
// The message, one line, ends with the place: `…/list-3.txt:2:1: …`.
const error = (read: (file: string) => unknown, text: string) => {
  try {
    read(write(text));
  } catch (e) {
    expect(e).toBeInstanceOf(ListError);
    const message = (e as Error).message;
    expect(message).not.toContain("\n");
    return message.replace(/^.*list-\d+\.txt:/, "");
  }
  throw new Error("expected a ListError");
};

describe("the list readers", () => {
  it("read the everyday format: verdict, command, note", () => {
    const file = write(
      "# comment\n\napprove   git status\nescalate  npm ci  #: package install\ndeny cat .env  #: ignored\n",
    );
    expect(readEveryday(file)).toEqual([
      { expect: "approve", command: "git status", line: 3 },
      { expect: "escalate", command: "npm ci", note: "package install", line: 4 },
      { expect: "deny", command: "cat .env", note: "ignored", line: 5 },
    ]);
  });

  it("reject everyday mistakes with file, line and column", () => {
    expect(error(readEveryday, "aprove  ls\n")).toBe(
      '1:1: unknown verdict "aprove" (approve, escalate or deny)',
    );
    expect(error(readEveryday, "approve\n")).toBe("1:1: expected `<verdict>  <command>`");
    expect(error(readEveryday, "escalate  npm ci\n")).toBe(
      '1:17: escalate lines name their SPEC reason after "  #: "',
    );
    expect(error(readEveryday, "approve ls\napprove ls\n")).toBe("2:1: duplicate of line 1: ls");
  });

  it("read the corpus under its headings", () => {
    const file = write("# header\n## deletes\nrm -rf /\n\n## git\ngit reset --hard\n");
    expect(readCorpus(file)).toEqual([
      { command: "rm -rf /", group: "deletes", line: 3 },
      { command: "git reset --hard", group: "git", line: 6 },
    ]);
    expect(error(readCorpus, "rm -rf /\n")).toBe(
      "1:1: a command before the first `## <class>` heading",
    );
    expect(error(readCorpus, "## x\nls \n")).toBe("2:1: leading or trailing blanks");
  });

  it("read a command of several lines between <<< and >>>", () => {
    const file = write("## heredocs\n<<<\nbash <<'EOF'\nrm -rf ~\nEOF\n>>>\nls\n");
    expect(readCorpus(file)).toEqual([
      { command: "bash <<'EOF'\nrm -rf ~\nEOF", group: "heredocs", line: 2 },
      { command: "ls", group: "heredocs", line: 7 },
    ]);
    expect(error(readCorpus, "## x\n<<<\nls\n")).toBe(
      "2:1: a `<<<` block without its closing `>>>`",
    );
    expect(error(readCorpus, "## x\n<<<\n>>>\n")).toBe("3:1: an empty `<<<` block");
  });

  it("read triage lines and reject a wrong status or a missing field", () => {
    const file = write("# c\ngit reset --ha\tSPEC 5\tclosed-world\n");
    expect(readTriage(file)).toEqual([
      { command: "git reset --ha", spec: "SPEC 5", status: "closed-world", line: 2 },
    ]);
    expect(error(readTriage, "ls\tSPEC 5\n")).toBe("1:1: expected 3 tab-separated fields, found 2");
    expect(error(readTriage, "ls\tSPEC 5\tlater\n")).toBe(
      '1:11: unknown status "later" (deliberate, closed-world, pipeline)',
    );
    expect(error(readTriage, "ls\t \tdeliberate\n")).toBe("1:4: empty SPEC line");
  });
});
