import { readFileSync } from "node:fs";
import { relative } from "node:path";
import type { Verdict } from "../../src/types.js";

/** A mistake in a list file, reported as `file:line:column: message` (never a stack trace). */
export class ListError extends Error {
  override readonly name = "ListError";
}

function fail(file: string, line: number, column: number, message: string): never {
  throw new ListError(`${relative(process.cwd(), file)}:${line}:${column}: ${message}`);
}

function lines(file: string): Array<{ text: string; line: number }> {
  return readFileSync(file, "utf8")
    .split("\n")
    .map((text, i) => ({ text: text.replace(/\r$/, ""), line: i + 1 }))
    .filter(({ text }) => text.trim() !== "" && !text.trimStart().startsWith("#"));
}

export interface EverydayEntry {
  expect: Verdict;
  command: string;
  /** Why it does not approve (the SPEC line), after `  #: `. */
  note?: string;
  line: number;
}

const verdicts: readonly Verdict[] = ["approve", "escalate", "deny"];

/** `everyday.txt`: `<verdict>  <command>[  #: note]`, one a line. */
export function readEveryday(file: string): EverydayEntry[] {
  const seen = new Map<string, number>();
  return lines(file).map(({ text, line }) => {
    const match = /^(\S+)( +)(.*)$/.exec(text);
    if (!match) fail(file, line, 1, "expected `<verdict>  <command>`");
    const [, word = "", gap = "", rest = ""] = match;
    if (!verdicts.includes(word as Verdict))
      fail(file, line, 1, `unknown verdict "${word}" (approve, escalate or deny)`);
    const cut = rest.indexOf("  #: ");
    const command = (cut === -1 ? rest : rest.slice(0, cut)).trimEnd();
    const note = cut === -1 ? undefined : rest.slice(cut + 5).trim();
    if (command === "") fail(file, line, word.length + gap.length + 1, "missing command");
    if (word !== "approve" && !note)
      fail(file, line, text.length + 1, `${word} lines name their SPEC reason after "  #: "`);
    const before = seen.get(command);
    if (before !== undefined) fail(file, line, 1, `duplicate of line ${before}: ${command}`);
    seen.set(command, line);
    return { expect: word as Verdict, command, ...(note ? { note } : {}), line };
  });
}

export interface CorpusEntry {
  command: string;
  /** The `## class` heading it sits under. */
  group: string;
  line: number;
}

/**
 * `adversarial.txt`: one command a line, grouped under `## <class>` headings; a command of
 * several lines (a heredoc, a script) sits between a line `<<<` and a line `>>>`.
 */
export function readCorpus(file: string): CorpusEntry[] {
  const seen = new Map<string, number>();
  const out: CorpusEntry[] = [];
  let group = "";
  let block: { start: number; lines: string[] } | undefined;
  const add = (command: string, line: number) => {
    if (group === "") fail(file, line, 1, "a command before the first `## <class>` heading");
    const before = seen.get(command);
    if (before !== undefined) fail(file, line, 1, `duplicate of line ${before}: ${command}`);
    seen.set(command, line);
    out.push({ command, group, line });
  };
  const raw = readFileSync(file, "utf8").split("\n");
  raw.forEach((full, i) => {
    const text = full.replace(/\r$/, "");
    const line = i + 1;
    if (block) {
      if (text !== ">>>") block.lines.push(text);
      else if (block.lines.length === 0) fail(file, line, 1, "an empty `<<<` block");
      else {
        add(block.lines.join("\n"), block.start);
        block = undefined;
      }
      return;
    }
    if (text === "<<<") {
      block = { start: line, lines: [] };
      return;
    }
    if (text.startsWith("## ")) {
      group = text.slice(3).trim();
      return;
    }
    if (text.trim() === "" || text.trimStart().startsWith("#")) return;
    if (text !== text.trim()) fail(file, line, 1, "leading or trailing blanks");
    add(text, line);
  });
  if (block) fail(file, block.start, 1, "a `<<<` block without its closing `>>>`");
  return out;
}

export type TriageStatus = "deliberate" | "closed-world" | "pipeline";
const statuses: readonly TriageStatus[] = ["deliberate", "closed-world", "pipeline"];

export interface TriageEntry {
  command: string;
  /** The SPEC line that decides the difference. */
  spec: string;
  status: TriageStatus;
  line: number;
}

/** `triage.tsv`: `<command>\t<SPEC line>\t<status>`, one a line. */
export function readTriage(file: string): TriageEntry[] {
  const seen = new Map<string, number>();
  return lines(file).map(({ text, line }) => {
    const fields = text.split("\t");
    if (fields.length !== 3)
      fail(file, line, 1, `expected 3 tab-separated fields, found ${fields.length}`);
    const [command = "", spec = "", status = ""] = fields;
    if (command === "") fail(file, line, 1, "empty command");
    if (spec.trim() === "") fail(file, line, command.length + 2, "empty SPEC line");
    if (!statuses.includes(status as TriageStatus))
      fail(
        file,
        line,
        command.length + spec.length + 3,
        `unknown status "${status}" (${statuses.join(", ")})`,
      );
    const before = seen.get(command);
    if (before !== undefined) fail(file, line, 1, `duplicate of line ${before}: ${command}`);
    seen.set(command, line);
    return { command, spec, status: status as TriageStatus, line };
  });
}
