import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { verifyLog } from "@automode/audit";
import { UsageError } from "../args.js";
import type { Io } from "../io.js";
import { loadProject, PolicyError, type Project } from "../project/load.js";
import { flagged, summaryOf } from "./counts.js";
import { buildReport, formats, formatters, type ReportFormat } from "./index.js";
import { parseTime } from "./load.js";
import type { ReportFilters } from "./model.js";
import { suggestionJson, visibleJson } from "./suggestion-json.js";

export interface ReportFlags {
  file?: string | undefined;
  format?: string | undefined;
  output?: string | undefined;
  session?: string | undefined;
  since?: string | undefined;
  until?: string | undefined;
  "min-count"?: string | undefined;
  policy?: string | undefined;
  json?: boolean | undefined;
}

function filtersOf(flags: ReportFlags): ReportFilters {
  const filters: ReportFilters = {};
  if (flags.session !== undefined) filters.session = flags.session;
  for (const key of ["since", "until"] as const) {
    const value = flags[key];
    if (value === undefined) continue;
    const time = parseTime(value);
    if (time === undefined)
      throw new UsageError(
        `--${key}: "${value}" is not a date or time (ISO 8601, e.g. 2026-11-24T10:00Z)`,
      );
    filters[key] = time;
  }
  if (filters.since !== undefined && filters.until !== undefined && filters.since > filters.until)
    throw new UsageError(`--since ${filters.since} is after --until ${filters.until}`);
  return filters;
}

function minCountOf(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new UsageError(`--min-count: "${value}" is not a whole number of at least 1`);
  return n;
}

function policyProject(flags: ReportFlags, io: Io): Project | undefined {
  // With a log file, --policy names the project the records are judged in; without one, the
  // project is found as the hook finds it (and its log is the one reported).
  if (flags.policy === undefined && flags.file !== undefined) return undefined;
  try {
    return loadProject({ cwd: io.cwd, env: io.env, policyFile: flags.policy });
  } catch (error) {
    if (error instanceof PolicyError) throw new UsageError(error.message);
    throw error;
  }
}

/** `audit report` and `audit suggest`: the exit code is 1 when the chain is broken. */
export async function reportCommand(
  verb: "report" | "suggest",
  path: string,
  flags: ReportFlags,
  io: Io,
): Promise<number> {
  const format = (flags.format ?? "text") as ReportFormat;
  if (!(formats as readonly string[]).includes(format))
    throw new UsageError(`--format must be one of ${formats.join(", ")} (got "${flags.format}")`);
  if (flags.json === true && flags.format !== undefined)
    throw new UsageError("give --json or --format, not both");
  const filters = filtersOf(flags);
  const minCount = minCountOf(flags["min-count"]);
  const project = policyProject(flags, io);
  const input = await buildReport(path, {
    filters,
    env: io.env,
    ...(project === undefined ? {} : { project }),
    ...(minCount === undefined ? {} : { suggest: { minCount } }),
  });
  let text: string;
  if (verb === "suggest") {
    text = flags.json
      ? `${JSON.stringify(input.suggest, null, 2)}\n`
      : input.suggest.suggestions.length === 0
        ? "No suggestion: no escalation repeats in a way one narrow rule would approve.\n"
        : `${input.suggest.suggestions
            .map(
              (s) =>
                `// ${s.count} escalations, e.g. ${visibleJson(s.example)}${s.note ? ` (${s.note})` : ""}\n${suggestionJson(s)}`,
            )
            .join("\n\n")}\n`;
  } else if (flags.json) {
    const { records, ...rest } = input;
    // `verify`, `summary` and `flagged` as before the other formats existed, then the rest.
    const verify = await verifyLog(path);
    text = `${JSON.stringify({ verify, summary: summaryOf(input), flagged: records.filter(flagged), ...rest }, null, 2)}\n`;
  } else {
    text = formatters[format](input);
  }
  if (flags.output !== undefined) {
    const out = resolve(io.cwd, flags.output);
    try {
      writeFileSync(out, text);
    } catch (error) {
      throw new UsageError(
        `--output: cannot write ${out}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
      );
    }
    io.err(`automode audit ${verb}: wrote ${out}\n`);
  } else {
    io.out(text);
  }
  if (!input.chain.ok) io.err(`automode audit ${verb}: ${input.chain.message}\n`);
  return input.chain.ok ? 0 : 1;
}
