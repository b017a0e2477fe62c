import type { Io } from "./io.js";

/** `audit summary|report`: filled in once @automode/audit's summaries land. */
export async function summaryReport(
  verb: "summary" | "report",
  path: string,
  _json: boolean,
  io: Io,
): Promise<number> {
  io.err(`automode audit ${verb}: not available yet for ${path}\n`);
  return 2;
}
