import { readFileSync } from "node:fs";
import type { Miss } from "./compare.js";

/**
 * Known misses not fixed yet: one per line, tab-separated `command`, `kind`, `target`,
 * `reason` (the issue that will fix it). `*` as the target matches any target of that kind.
 */
export interface TriageEntry {
  command: string;
  kind: string;
  target: string;
  reason: string;
  line: number;
}

export class UsageError extends Error {
  override readonly name = "UsageError";
}

const kinds = new Set(["read", "write", "delete", "execute", "network"]);

export function readTriage(file: string): TriageEntry[] {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    throw new UsageError(`${file}: cannot read the triage file`);
  }
  const entries: TriageEntry[] = [];
  text.split("\n").forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === "" || raw.startsWith("#")) return;
    const fields = raw.split("\t");
    if (fields.length !== 4 || fields.some((f) => f.trim() === "")) {
      throw new UsageError(
        `${file}:${line}:1: expected 4 tab-separated fields (command, kind, target, reason), found ${fields.length}`,
      );
    }
    const [command, kind, target, reason] = fields as [string, string, string, string];
    if (!kinds.has(kind)) {
      const column = command.length + 2;
      throw new UsageError(`${file}:${line}:${column}: unknown kind "${kind}"`);
    }
    entries.push({ command, kind, target, reason, line });
  });
  return entries;
}

export function triaged(
  entries: TriageEntry[],
  command: string,
  miss: Miss,
): TriageEntry | undefined {
  return entries.find(
    (e) =>
      e.command === command &&
      e.kind === miss.kind &&
      (e.target === "*" || e.target === miss.target),
  );
}

/** Reads a commands file: one command line per line, blank lines and `#` comments skipped. */
export function readCommands(file: string): string[] {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    throw new UsageError(`${file}: cannot read the commands file`);
  }
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "" && !line.startsWith("#"));
}
