import { createHash } from "node:crypto";
import type { DecisionRecord } from "@automode/audit";
import { checkOf, filterLine, sorted, verdictOrder } from "./counts.js";
import { cut, html, oneLine, scriptJson } from "./escape.js";
import { css, js } from "./html-assets.js";
import type { ReportInput } from "./model.js";
import { suggestionJson } from "./suggestion-json.js";

export interface HtmlOptions {
  /** Bars of the timeline. Default 120. */
  bins?: number;
  /** Targets and reasons longer than this are cut in the page's data. Default 2,000. */
  width?: number;
}

const hash = (text: string) =>
  `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;

/** No network, no plugin, no form; only the page's own style and script run. */
export const contentSecurityPolicy = `default-src 'none'; style-src ${hash(css)}; script-src ${hash(js)}; base-uri 'none'; form-action 'none'`;

const verdictIndex = (v: string) => (verdictOrder as readonly string[]).indexOf(v);

/** Decisions over time (by index when they share one instant), stacked by verdict. */
function timeline(records: readonly DecisionRecord[], bins: number): string {
  const w = 1000;
  const h = 90;
  if (records.length === 0) return `<p class="muted">No decisions.</p>`;
  const times = records.map((r) => Date.parse(r.ts));
  let lo = times[0]!;
  let hi = lo;
  for (const t of times) {
    if (t < lo) lo = t;
    if (t > hi) hi = t;
  }
  const n = Math.min(bins, records.length);
  const counts = Array.from({ length: n }, () => [0, 0, 0]);
  records.forEach((r, i) => {
    const x = hi > lo ? ((times[i]! - lo) / (hi - lo)) * n : (i / records.length) * n;
    const b = Math.min(n - 1, Math.floor(x));
    const v = verdictIndex(r.verdict);
    if (v >= 0) counts[b]![v]! += 1;
  });
  const max = Math.max(1, ...counts.map((c) => c[0]! + c[1]! + c[2]!));
  const bw = w / n;
  const bars: string[] = [];
  counts.forEach((c, b) => {
    let y = h;
    const label = verdictOrder.map((v, k) => `${c[k]} ${v}`).join(", ");
    const rects = verdictOrder.map((v, k) => {
      const bh = (c[k]! / max) * (h - 4);
      if (bh === 0) return "";
      y -= bh;
      return `<rect class="v-${v}" x="${(b * bw).toFixed(2)}" y="${y.toFixed(2)}" width="${Math.max(1, bw - 1).toFixed(2)}" height="${bh.toFixed(2)}"/>`;
    });
    bars.push(`<g><title>${html(label)}</title>${rects.join("")}</g>`);
  });
  const axis =
    hi > lo ? `${new Date(lo).toISOString()} → ${new Date(hi).toISOString()}` : "in log order";
  return `<svg id="timeline" viewBox="0 0 ${w} ${h + 16}" width="100%" role="img" aria-label="decisions over time by verdict">${bars.join("")}<text x="0" y="${h + 13}">${html(axis)}</text></svg>`;
}

/** Horizontal bars for a count table (the largest `top`, the rest summed). */
function barChart(id: string, title: string, counts: Record<string, number>, top = 15): string {
  const entries = sorted(counts);
  const shown = entries.slice(0, top);
  const rest = entries.slice(top).reduce((s, [, n]) => s + n, 0);
  if (rest > 0) shown.push([`(${entries.length - top} more)`, rest]);
  const rowH = 18;
  const labelW = 230;
  const w = 600;
  const max = Math.max(1, ...shown.map(([, n]) => n));
  const rows = shown.map(([k, n], i) => {
    const y = i * rowH;
    const bw = ((w - labelW - 60) * n) / max;
    return `<g><title>${html(`${k}: ${n}`)}</title><text x="${labelW - 6}" y="${y + 13}" text-anchor="end">${html(cut(k, 34))}</text><rect class="bar" x="${labelW}" y="${y + 3}" width="${Math.max(1, bw).toFixed(1)}" height="${rowH - 6}"/><text x="${(labelW + bw + 4).toFixed(1)}" y="${y + 13}">${n}</text></g>`;
  });
  return `<figure><figcaption>${html(title)}</figcaption><svg id="${id}" viewBox="0 0 ${w} ${Math.max(rowH, shown.length * rowH)}" width="100%" role="img" aria-label="${html(title)}">${rows.join("")}</svg></figure>`;
}

function staticTable(head: string[], rows: string[][], empty: string): string {
  if (rows.length === 0) return `<p class="muted">${html(empty)}</p>`;
  const th = head.map((h) => `<th>${html(h)}</th>`).join("");
  const body = rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join("")}</tr>`).join("\n");
  return `<table><thead><tr>${th}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

/**
 * The report as one self-contained HTML page for a person reviewing a session: the chain, a
 * timeline coloured by verdict, counts per tool and check as inline SVG, the findings, the
 * suggested rules, and a table of every decision, filterable by verdict, tool and text and
 * paginated so a 10,000-record log opens at once. The records travel as JSON in a
 * `<script type="application/json">` with `<`, `>` and `&` escaped; the page script writes
 * them with `textContent` only, and the Content-Security-Policy allows nothing else to run.
 */
export function formatHtml(input: ReportInput, options: HtmlOptions = {}): string {
  const width = options.width ?? 2000;
  const records = input.records;
  const byVerdict: Record<string, number> = {};
  const byTool: Record<string, number> = {};
  const byCheck: Record<string, number> = {};
  // Only logs that name agents (written since records carry one) get the per-agent chart.
  const byAgent: Record<string, number> = {};
  for (const r of records) {
    if (r.agent !== undefined) byAgent[r.agent] = (byAgent[r.agent] ?? 0) + 1;
    byVerdict[r.verdict] = (byVerdict[r.verdict] ?? 0) + 1;
    byTool[r.tool ?? "-"] = (byTool[r.tool ?? "-"] ?? 0) + 1;
    byCheck[r.check] = (byCheck[r.check] ?? 0) + 1;
  }
  const data = {
    records: records.map((r) => [
      r.seq,
      r.ts,
      r.verdict,
      oneLine(r.tool ?? "-"),
      oneLine(checkOf(input, r)),
      r.rule === null ? null : oneLine(r.rule),
      cut(r.target, width),
      cut(r.reason, width),
    ]),
    tools: Object.keys(byTool).sort().map(oneLine),
  };
  const c = input.chain;
  const chain = c.ok
    ? `<div class="chain ok" id="chain" data-ok="true"><b>Chain intact.</b> ${html(c.message)}</div>`
    : `<div class="chain bad" id="chain" data-ok="false"><b>Chain BROKEN${c.firstBad ? ` at line ${c.firstBad.line}` : ""}.</b> ${html(c.firstBad?.reason ?? c.message)} Nothing in this log can be trusted from that line on.</div>`;
  const cards = verdictOrder
    .map((v) => `<div class="card ${v}" data-verdict="${v}"><b>${byVerdict[v] ?? 0}</b>${v}</div>`)
    .join("");
  const { destinations, hostless, outsideWrites } = input.findings;
  const mono = (text: string) => `<code>${html(cut(text, 300))}</code>`;
  const destinationRows = destinations.map((d) => [
    mono(d.host),
    String(d.count),
    html(
      verdictOrder
        .filter((v) => d.verdicts[v])
        .map((v) => `${d.verdicts[v]} ${v}`)
        .join(", "),
    ),
    mono(d.example.target),
  ]);
  const hostlessRows = hostless.map((h) => [String(h.seq), html(h.verdict), mono(h.command)]);
  const outsideRows = outsideWrites.map((w) => [
    String(w.seq),
    html(w.verdict),
    html(w.kind),
    mono(w.path),
  ]);
  const destroyRows = input.findings.destructive.map((r) => [
    String(r.seq),
    html(r.verdict),
    mono(r.command),
    html(cut(r.reason, 400)),
  ]);
  const suggestions = input.suggest.suggestions.map(
    (s) =>
      `<div class="suggestion"><p><b>${s.count} escalations</b>, e.g. ${mono(s.example)}${s.note ? ` <span class="muted">(${html(s.note)})</span>` : ""}</p><pre>${suggestionJson(s).split("\n").map(html).join("\n")}</pre></div>`,
  );
  const filters = filterLine(input);
  const title = `automode audit report: ${cut(input.log, 120)}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>${html(title)}</title>
<style>${css}</style>
</head>
<body>
<h1>automode audit report</h1>
<p class="muted"><code>${html(cut(input.log, 300))}</code>: ${records.length} decisions${records.length > 0 ? `, ${html(records[0]!.ts)} → ${html(records[records.length - 1]!.ts)}` : ""}${filters ? `. ${html(filters)}` : ""}${input.recoveries + input.invalid > 0 ? `. ${input.recoveries} crash recoveries, ${input.invalid} lines that are no record` : ""}.</p>
${chain}
<div class="cards" id="verdicts">${cards}</div>
<h2>Timeline</h2>
${timeline(records, options.bins ?? 120)}
<div class="charts">
${barChart("by-tool", "Decisions per tool", byTool)}
${barChart("by-check", "Decisions per check", byCheck)}
${Object.keys(byAgent).length > 0 ? barChart("by-agent", "Decisions per agent", byAgent) : ""}
</div>
<h2>Network destinations (${destinations.length})</h2>
${staticTable(["host", "requests", "verdicts", "example"], destinationRows, "None.")}
${hostlessRows.length > 0 ? `<p>Network commands that name no URL:</p>${staticTable(["#", "verdict", "command"], hostlessRows, "")}` : ""}
<h2>Writes outside the project (${outsideRows.length})</h2>
${staticTable(["#", "verdict", "operation", "path"], outsideRows, "None.")}
<h2>Destructive commands (${destroyRows.length})</h2>
${staticTable(["#", "verdict", "command", "reason"], destroyRows, "None.")}
<h2>Suggested rules (${suggestions.length})</h2>
${suggestions.length === 0 ? `<p class="muted">None: no escalation repeats in a way one narrow rule would approve.</p>` : suggestions.join("\n")}
<h2>Every decision</h2>
<div class="filters">
<label>verdict <select id="f-verdict"><option value="">all</option>${verdictOrder.map((v) => `<option value="${v}">${v}</option>`).join("")}</select></label>
<label>tool <select id="f-tool"><option value="">all</option></select></label>
<label>text <input id="f-text" type="search" placeholder="target, reason, check, rule"></label>
<span id="count" class="muted"></span>
<button id="prev" type="button">‹ prev</button><span id="page" class="muted"></span><button id="next" type="button">next ›</button>
</div>
<table id="decisions"><thead><tr><th>#</th><th>time (UTC)</th><th>verdict</th><th>tool</th><th>target</th><th>check</th><th>rule</th><th>reason</th></tr></thead><tbody id="rows"></tbody></table>
<script type="application/json" id="automode-data">${scriptJson(data)}</script>
<script>${js}</script>
</body>
</html>
`;
}
