import { formatSummary, summarize } from "@automode/audit";
import type { Io } from "./io.js";
import { escapedDeep } from "./report/escape.js";

/**
 * `audit summary`: counts, as a table or JSON. A log's tool names, checks and targets are the
 * agent's text (or anyone's who edited the log): every string, object keys included (the
 * counts are keyed by tool and check), is escaped before it is laid out, so a newline or an
 * escape sequence in one cannot forge or recolour a line of the table.
 */
export async function summaryReport(path: string, json: boolean, io: Io): Promise<number> {
  const summary = await summarize(path);
  io.out(json ? `${JSON.stringify(summary, null, 2)}\n` : formatSummary(escapedDeep(summary)));
  return 0;
}
