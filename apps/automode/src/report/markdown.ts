import type { DecisionRecord } from "@automode/audit";
import { checkOf, filterLine, flagged, sorted, verdictOrder } from "./counts.js";
import { code, cut, md } from "./escape.js";
import type { ReportInput } from "./model.js";
import { suggestionJson } from "./suggestion-json.js";

/** GitHub's limit on a comment (and a step summary's upload): 65,536 characters. */
export const githubCommentLimit = 65_536;

export interface MarkdownOptions {
  /**
   * The most UTF-8 bytes the report may have (so also the most characters). Default 64,000:
   * under GitHub's comment limit however it counts.
   */
  maxChars?: number;
  /** Commands, paths and URLs longer than this are cut with a marker. Default 120. */
  width?: number;
}

/** Sizes are UTF-8 bytes: never fewer than characters, so a byte budget holds for either count. */
const bytes = (text: string) => Buffer.byteLength(text, "utf8");

const icon: Record<string, string> = { deny: "⛔", escalate: "⚠️", approve: "✅" };

/** A table of rows that fits `budget` characters; what did not fit is counted, never dropped silently. */
function table(head: string[], rows: string[][], budget: number): { text: string; left: number } {
  const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
  const out = [line(head), line(head.map(() => "---"))];
  let size = bytes(out.join("\n"));
  let shown = 0;
  for (const row of rows) {
    const text = line(row);
    if (size + bytes(text) + 1 > budget) break;
    out.push(text);
    size += bytes(text) + 1;
    shown += 1;
  }
  return { text: shown === 0 && rows.length > 0 ? "" : out.join("\n"), left: rows.length - shown };
}

const leftOut = (n: number, what: string) =>
  `_${n} more ${what} left out to stay under GitHub's ${githubCommentLimit.toLocaleString("en")}-character limit: \`automode audit report --format html\` shows every one._`;

function chainLine(input: ReportInput): string {
  const c = input.chain;
  if (c.ok) return `**Chain: ✅ intact.** ${md(c.message)}`;
  const where =
    c.firstBad === undefined
      ? "the log is not intact"
      : `first bad line ${c.firstBad.line}: ${md(c.firstBad.reason)}`;
  return `**Chain: ❌ BROKEN**, ${where}. Nothing in this log can be trusted from that line on.`;
}

function countsLine(title: string, counts: Record<string, number>): string {
  const parts = sorted(counts).map(([k, n]) => `${md(k)} ${n}`);
  return `**${title}:** ${parts.length === 0 ? "none" : parts.join(" · ")}`;
}

/**
 * The report as GitHub-flavoured Markdown for a pull request comment or `$GITHUB_STEP_SUMMARY`:
 * the chain first, then what a reviewer must read (denied and escalated decisions, network,
 * writes outside the project, destructive commands, suggested rules) and the full list folded.
 * Every field from the log is escaped (`md`, `code`), and the whole stays under `maxChars`:
 * each list says how much it left out.
 */
export function formatMarkdown(input: ReportInput, options: MarkdownOptions = {}): string {
  const limit = options.maxChars ?? 64_000;
  const width = options.width ?? 120;
  const records = input.records;
  const byVerdict: Record<string, number> = { deny: 0, escalate: 0, approve: 0 };
  const byTier: Record<string, number> = {};
  const byCheck: Record<string, number> = {};
  for (const r of records) {
    byVerdict[r.verdict] = (byVerdict[r.verdict] ?? 0) + 1;
    byTier[r.tier] = (byTier[r.tier] ?? 0) + 1;
    byCheck[r.check] = (byCheck[r.check] ?? 0) + 1;
  }
  const head: string[] = ["## automode audit report", "", chainLine(input), ""];
  const span =
    records.length === 0
      ? "no decisions"
      : `${records.length} decisions, ${records[0]!.ts} → ${records[records.length - 1]!.ts}`;
  head.push(`Log ${code(input.log)}: ${span}.`);
  const filters = filterLine(input);
  if (filters !== "") head.push(`Filtered: ${md(filters)}.`);
  if (input.recoveries > 0 || input.invalid > 0)
    head.push(`${input.recoveries} crash recoveries, ${input.invalid} lines that are no record.`);
  head.push(
    "",
    `| verdict | decisions |`,
    `| --- | ---: |`,
    ...verdictOrder.map((v) => `| ${icon[v]} ${v} | ${byVerdict[v] ?? 0} |`),
    "",
    countsLine("By tier", byTier),
    "",
    countsLine("By check", byCheck),
    "",
  );

  const sections: string[] = [];
  const notes: string[] = [];
  let used = bytes(head.join("\n"));
  // Shares of what is left; what a section does not use flows to the next ones.
  const section = (title: string, body: (budget: number) => string, share: number) => {
    const budget = Math.floor((limit - used - 600) * share);
    const text = `### ${title}\n\n${body(Math.max(0, budget - bytes(title) - 6))}\n`;
    sections.push(text);
    used += bytes(text) + 1;
  };
  const rowOf = (r: DecisionRecord) => [
    String(r.seq),
    `${icon[r.verdict] ?? ""} ${r.verdict}`,
    code(r.tool ?? "-", true),
    code(checkOf(input, r), true),
    code(cut(r.target, width), true),
    md(cut(r.reason, width * 2)),
  ];
  const list = (what: string, rows: string[][], headCells: string[], budget: number) => {
    if (rows.length === 0) return "None.";
    const t = table(headCells, rows, budget - 300);
    if (t.left === 0) return t.text;
    notes.push(`${t.left} ${what}`);
    return `${t.text}\n\n${leftOut(t.left, what)}`;
  };

  const flaggedRecords = records.filter(flagged);
  section(
    `Denied and escalated (${flaggedRecords.length})`,
    (b) =>
      list(
        "denied or escalated decisions",
        [
          ...flaggedRecords.filter((r) => r.verdict === "deny"),
          ...flaggedRecords.filter((r) => r.verdict !== "deny"),
        ].map(rowOf),
        ["#", "verdict", "tool", "check", "target", "reason"],
        b,
      ),
    0.45,
  );
  const { destinations, hostless, outsideWrites } = input.findings;
  section(
    `Network destinations (${destinations.length})`,
    (b) => {
      const rows = destinations.map((d) => [
        code(d.host, true),
        String(d.count),
        verdictOrder
          .filter((v) => d.verdicts[v])
          .map((v) => `${d.verdicts[v]} ${v}`)
          .join(", "),
        code(cut(d.example.target, width), true),
      ]);
      const text = list("destinations", rows, ["host", "requests", "verdicts", "example"], b * 0.8);
      if (hostless.length === 0) return text;
      const cmds = hostless
        .slice(0, 20)
        .map((h) => `${code(cut(h.command, width))} (${h.verdict})`);
      const more = hostless.length > 20 ? `, and ${hostless.length - 20} more` : "";
      return `${text}\n\nNetwork commands that name no URL: ${cmds.join(", ")}${more}.`;
    },
    0.15,
  );
  section(
    `Writes outside the project (${outsideWrites.length})`,
    (b) =>
      list(
        "writes outside the project",
        outsideWrites.map((w) => [
          String(w.seq),
          `${icon[w.verdict] ?? ""} ${w.verdict}`,
          w.kind,
          code(cut(w.path, width), true),
        ]),
        ["#", "verdict", "operation", "path"],
        b,
      ),
    0.15,
  );
  const destroyers = input.findings.destructive;
  section(
    `Destructive commands (${destroyers.length})`,
    (b) =>
      list(
        "destructive commands",
        destroyers.map((r) => [
          String(r.seq),
          `${icon[r.verdict] ?? ""} ${r.verdict}`,
          code(cut(r.command, width), true),
          md(cut(r.reason, width * 2)),
        ]),
        ["#", "verdict", "command", "reason"],
        b,
      ),
    0.2,
  );
  section(
    `Suggested rules (${input.suggest.suggestions.length})`,
    (b) => {
      const out: string[] = [];
      let size = 0;
      let left = 0;
      if (input.suggest.suggestions.length === 0)
        out.push("None: no escalation repeats in a way one narrow rule would approve.");
      for (const s of input.suggest.suggestions) {
        const json = suggestionJson(s);
        const longest = Math.max(2, ...(json.match(/`+/g) ?? []).map((r) => r.length));
        const fence = "`".repeat(longest + 1);
        const text = [
          `- **${s.count} escalations**, e.g. ${code(cut(s.example, width))}${s.note ? ` (${md(s.note)})` : ""}:`,
          "",
          `  ${fence}json`,
          ...json.split("\n").map((l) => `  ${l}`),
          `  ${fence}`,
        ].join("\n");
        if (size + bytes(text) > b - 400) {
          left += 1;
          continue;
        }
        out.push(text);
        size += bytes(text) + 1;
      }
      if (left > 0) {
        notes.push(`${left} suggested rules`);
        out.push("", leftOut(left, "suggested rules"));
      }
      const refused = input.suggest.unsuggested
        .slice(0, 5)
        .map((u) => `- ${u.count} like ${code(cut(u.what, 60))}: no rule, ${md(u.why)}.`);
      if (refused.length > 0) out.push("", "Escalations no rule is suggested for:", "", ...refused);
      return out.join("\n");
    },
    0.3,
  );
  const footerReserve = 500;
  const full = table(
    ["#", "time", "verdict", "tool", "check", "target"],
    records.map((r) => [
      String(r.seq),
      r.ts.slice(11, 23),
      `${icon[r.verdict] ?? ""} ${r.verdict}`,
      code(r.tool ?? "-", true),
      code(r.check, true),
      code(cut(r.target, 80), true),
    ]),
    limit - used - footerReserve - 200,
  );
  if (full.left > 0) notes.push(`${full.left} rows of the full list`);
  const details = [
    `<details><summary>All ${records.length} decisions${full.left > 0 ? ` (the first ${records.length - full.left} shown)` : ""}</summary>`,
    "",
    full.text,
    "",
    ...(full.left > 0 ? [leftOut(full.left, "decisions"), ""] : []),
    "</details>",
  ].join("\n");
  const footer =
    notes.length === 0
      ? ""
      : `\n**Left out** to stay under ${githubCommentLimit.toLocaleString("en")} characters: ${notes.join("; ")}.\n`;
  return `${[...head, ...sections, details].join("\n")}\n${footer}`;
}
