import { PROGRAM_COMMANDS } from "../languages/index.js";
import { runsCodeTable } from "../runs-code.js";
import { COMMANDS } from "../tables/commands.js";
import { DESTRUCTIVE } from "../tables/destructive.js";
import { allPrograms } from "./index.js";
import type { OptionDef, Program } from "./types.js";

/**
 * Reviewer views generated from the models (one page per concern): which commands run their
 * arguments, which write, which are destructive, which reach the network. `test/shell/views`
 * fails when the committed pages differ from what this renders.
 */
export type Concern = "runs-command" | "writes" | "destructive" | "network";

interface Row {
  program: string;
  option: string;
  what: string;
}

function uniqueDefs(p: Program): OptionDef[] {
  return [...new Set(p.options.values())];
}

function rowsFor(concern: Concern): Row[] {
  const rows: Row[] = [];
  // Options a subcommand inherits (npm's globals) are listed once, under the program.
  const seen = new Set<OptionDef>();
  for (const p of allPrograms()) {
    const program = p.path.join(" ");
    if (concern === "runs-command" && (p.operands === "runs" || p.operands === "script"))
      rows.push({
        program,
        option: "(operands)",
        what:
          p.operands === "runs"
            ? "runs its operands as a command"
            : "runs its operands as a shell script",
      });
    if (concern === "destructive" && p.destructive)
      rows.push({ program, option: "(subcommand)", what: p.destructive });
    for (const d of uniqueDefs(p)) {
      if (seen.has(d)) continue;
      seen.add(d);
      const option = d.names.join(", ");
      switch (concern) {
        case "runs-command":
          if (d.value === "runs")
            rows.push({
              program,
              option,
              what: "its value is a command line, analysed like `sh -c`",
            });
          else if (d.value === "code")
            rows.push({
              program,
              option,
              what: d.dynamic ?? "runs code in another language (dynamic)",
            });
          else if (d.runsRest)
            rows.push({ program, option, what: "the words after it are a command it runs" });
          else if (d.value === "config")
            rows.push({
              program,
              option,
              what: "a `key=value` setting; keys that run commands are dynamic",
            });
          else if (d.dynamic) rows.push({ program, option, what: d.dynamic });
          break;
        case "writes":
          if (d.value === "write")
            rows.push({ program, option, what: "writes the path it is given" });
          if (d.writesOperands)
            rows.push({ program, option, what: "writes the files named as operands" });
          break;
        case "destructive":
          if (d.destructive) rows.push({ program, option, what: d.destructive });
          break;
        case "network":
          if (d.value === "host")
            rows.push({ program, option, what: "reaches the host or URL it is given" });
          break;
      }
    }
  }
  return rows;
}

const TITLES: Readonly<Record<Concern, string>> = {
  "runs-command": "Commands and options that run code",
  writes: "Options that write files",
  destructive: "Destructive commands and options",
  network: "Commands and options that reach the network",
};

const INTRO: Readonly<Record<Concern, string>> = {
  "runs-command":
    "Every command in the runs-code table (`src/shell/runs-code.ts`), then every option a program model gives the role *runs* or *code*. A command line given to one of these is analysed like `sh -c` (hard limits included); code in another language is `dynamic`.",
  writes:
    "Options whose value is a path the program writes. Operands of file commands (`cp`, `tee`, `sed -i`, …) are in `src/shell/tables/files.ts` and `src/shell/operands.ts`.",
  destructive:
    "SPEC section 5's irreversible operations: option effects and subcommands from the models, then the commands whose checks live in `src/shell/tables/destructive.ts`.",
  network:
    "Commands classed `network` in `src/shell/tables/commands.ts` (their URLs and hosts are operations), then options that reach a host.",
};

const esc = (s: string) => s.replaceAll("|", "\\|");

/** The Markdown page of one concern. */
export function renderView(concern: Concern): string {
  const lines = [
    `# ${TITLES[concern]}`,
    "",
    "<!-- Generated from the command models by `pnpm --filter @automode/engine views`. Do not edit. -->",
    "",
    INTRO[concern],
    "",
  ];
  if (concern === "runs-command") {
    lines.push("| command | how it runs code |", "| --- | --- |");
    for (const e of runsCodeTable()) lines.push(`| \`${esc(e.name)}\` | ${e.kind} |`);
    lines.push("");
  }
  if (concern === "network") {
    const net = Object.entries(COMMANDS)
      .filter(([, e]) => e.class === "network")
      .map(([n]) => `\`${n}\``)
      .sort();
    lines.push(`Classed network: ${net.join(", ")}.`, "");
  }
  lines.push("| program | option | what it does |", "| --- | --- | --- |");
  for (const r of rowsFor(concern))
    lines.push(`| \`${esc(r.program)}\` | \`${esc(r.option)}\` | ${esc(r.what)} |`);
  if (concern === "destructive") {
    lines.push(
      "",
      `Checked by name: ${Object.keys(DESTRUCTIVE)
        .sort()
        .map((n) => `\`${n}\``)
        .join(", ")}, and \`mkfs*\`, \`dropdb\`.`,
    );
  }
  if (concern !== "network") {
    // sed `e`/`w`, awk system()/print >, sqlite3 .shell, DROP TABLE: judged by parsing the program.
    const langs = [...PROGRAM_COMMANDS].sort().map((n) => `\`${n}\``);
    lines.push(
      "",
      `Programs in other languages, parsed by \`src/shell/languages/\` (their file reads and writes, shell escapes and data destroyers): ${langs.join(", ")}.`,
    );
  }
  lines.push("");
  return lines.join("\n");
}

export const CONCERNS: readonly Concern[] = ["runs-command", "writes", "destructive", "network"];
