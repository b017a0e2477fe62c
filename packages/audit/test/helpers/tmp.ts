import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** A fresh log path in a new temp folder. */
export function tempLog(name = "audit.jsonl"): string {
  return join(mkdtempSync(join(tmpdir(), "audit-test-")), name);
}
