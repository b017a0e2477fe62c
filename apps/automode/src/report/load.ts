import { readFileSync } from "node:fs";
import { type DecisionRecord, decisionRecordSchema, verifyLog } from "@automode/audit";
import { verifyMessage } from "../audit.js";
import type { ChainStatus, ReportFilters } from "./model.js";

export interface LoadedLog {
  records: DecisionRecord[];
  total: number;
  recoveries: number;
  invalid: number;
}

/** A `--since`/`--until` value as an ISO timestamp, or undefined when it is no date. */
export function parseTime(value: string): string | undefined {
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

/**
 * The decision records of a log that pass the filters, in log order. Lines that are not
 * records are counted, not thrown: the chain status says what is wrong with them.
 */
export function loadRecords(path: string, filters: ReportFilters): LoadedLog {
  const out: LoadedLog = { records: [], total: 0, recoveries: 0, invalid: 0 };
  for (const line of readFileSync(path, "utf8").split("\n")) {
    if (line.trim() === "") continue;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      out.invalid += 1;
      continue;
    }
    const event =
      typeof json === "object" && json !== null && "event" in json ? json.event : undefined;
    if (event === "checkpoint") continue;
    if (event === "recovery") {
      out.recoveries += 1;
      continue;
    }
    const parsed = decisionRecordSchema.safeParse(json);
    if (!parsed.success) {
      out.invalid += 1;
      continue;
    }
    out.total += 1;
    const r = parsed.data;
    if (filters.session !== undefined && r.session !== filters.session) continue;
    if (filters.since !== undefined && r.ts < filters.since) continue;
    if (filters.until !== undefined && r.ts > filters.until) continue;
    out.records.push(r);
  }
  return out;
}

/** The whole log's chain, whatever the filters: a filter never hides a broken chain. */
export async function chainStatus(path: string): Promise<ChainStatus> {
  const result = await verifyLog(path);
  return {
    ok: result.ok,
    ...(result.firstBad === undefined ? {} : { firstBad: result.firstBad }),
    message: verifyMessage(result),
  };
}
