import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { type Browser, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildReport, formatHtml, type ReportInput } from "../src/report/index.js";
import { cleanup, cli, sampleProject, tempDir } from "./e2e/cli.js";
import { bash, busySession, hostile, writeLog } from "./report-log.js";

/**
 * Debian's chromium (.ci/run installs it), or the browser AUTOMODE_CHROMIUM names; without
 * one the test is skipped, saying so.
 */
const executable = (
  process.env.AUTOMODE_CHROMIUM
    ? [process.env.AUTOMODE_CHROMIUM]
    : ["/usr/bin/chromium", "/usr/bin/chromium-browser"]
).find((p) => existsSync(p));
if (executable === undefined)
  console.warn(
    "report-browser: SKIPPED, no chromium found (apt-get install chromium, as .ci/run does, or set AUTOMODE_CHROMIUM)",
  );

const env = { ...process.env, CLAUDE_PROJECT_DIR: "" };

describe.skipIf(executable === undefined)("the HTML report in headless Chromium", () => {
  let browser: Browser;
  let root: string;
  let input: ReportInput;
  let url: string;

  beforeAll(async () => {
    root = sampleProject();
    const log = join(root, ".claude", "audit.jsonl");
    await writeLog(root, log, [...busySession(10_000), ...hostile.map((c) => bash(c))]);
    input = await buildReport(log, { filters: {}, env });
    const file = join(root, "report.html");
    writeFileSync(file, formatHtml(input));
    url = pathToFileURL(file).href;
    // --no-sandbox: CI runs as root, where Chromium's sandbox refuses to start.
    browser = await chromium.launch({ executablePath: executable!, args: ["--no-sandbox"] });
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    cleanup();
  });

  it("renders 10,000 records, filters them, loads nothing and logs no error", async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const problems: string[] = [];
    const requests: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error" || m.type() === "warning") problems.push(`${m.type()}: ${m.text()}`);
    });
    page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
    page.on("request", (r) => requests.push(r.url()));
    await page.goto(url, { waitUntil: "load" });

    const total = input.records.length;
    const count = page.locator("#count");
    await expect.poll(() => count.textContent()).toBe(`${total} of ${total} decisions`);
    // The cards show the log's own counts.
    for (const verdict of ["approve", "deny", "escalate"]) {
      const n = input.records.filter((r) => r.verdict === verdict).length;
      expect(await page.locator(`.card.${verdict} b`).textContent()).toBe(String(n));
    }
    // One page of rows, not 10,000.
    expect(await page.locator("#rows tr").count()).toBe(100);
    await page.screenshot({ path: join(root, "report.png"), fullPage: false });

    // The verdict filter narrows the table to exactly the denied decisions.
    const denied = input.records.filter((r) => r.verdict === "deny").length;
    await page.selectOption("#f-verdict", "deny");
    expect(await count.textContent()).toBe(`${denied} of ${total} decisions`);
    const classes = await page
      .locator("#rows tr")
      .evaluateAll((rows) => rows.map((r) => r.className));
    expect(new Set(classes)).toEqual(new Set(["deny"]));

    // Tool and text filters combine with it.
    await page.selectOption("#f-verdict", "");
    await page.selectOption("#f-tool", "WebFetch");
    const fetches = input.records.filter((r) => r.tool === "WebFetch").length;
    expect(await count.textContent()).toBe(`${fetches} of ${total} decisions`);
    await page.selectOption("#f-tool", "");
    await page.fill("#f-text", "</script><script>alert(1)");
    const hostileRows = input.records.filter((r) =>
      r.target.includes("</script><script>alert(1)"),
    ).length;
    expect(hostileRows).toBeGreaterThan(0);
    expect(await count.textContent()).toBe(`${hostileRows} of ${total} decisions`);
    // The hostile text is shown as text: the page gained no script element.
    expect(await page.locator("script").count()).toBe(2);
    expect(await page.locator("#rows td.t").first().textContent()).toContain(
      "<script>alert(1)</script>",
    );

    // Pages move.
    await page.fill("#f-text", "");
    await page.click("#next");
    expect(await page.locator("#page").textContent()).toBe(`page 2 of ${Math.ceil(total / 100)}`);
    expect(await page.locator("#rows tr").first().locator("td").first().textContent()).toBe("101");

    expect(problems).toEqual([]);
    expect(requests).toEqual([url]);
    expect(existsSync(join(root, "report.png"))).toBe(true);
    await page.close();
  }, 120_000);

  it("shows the demo session's report as automode demo writes it, with the log's counts", async () => {
    const out = tempDir();
    const demo = cli(["demo", "--out", out]);
    expect(demo.status, demo.stderr).toBe(0);
    const file = join(out, "report-balanced.html");
    expect(demo.stdout).toContain(`HTML report of the balanced run: ${file}\n`);
    const records = readFileSync(join(out, "audit-balanced.jsonl"), "utf8")
      .split("\n")
      .filter((l) => l.startsWith("{") && !l.includes('"event":'))
      .map((l) => JSON.parse(l) as { verdict: string });
    const page = await browser.newPage({ viewport: { width: 1280, height: 1700 } });
    const problems: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error" || m.type() === "warning") problems.push(m.text());
    });
    page.on("pageerror", (e) => problems.push(e.message));
    await page.goto(pathToFileURL(file).href);
    await expect
      .poll(() => page.locator("#count").textContent())
      .toBe(`${records.length} of ${records.length} decisions`);
    for (const verdict of ["approve", "deny", "escalate"]) {
      const n = records.filter((r) => r.verdict === verdict).length;
      expect(await page.locator(`.card.${verdict} b`).textContent(), verdict).toBe(String(n));
    }
    expect(await page.locator("#chain").getAttribute("data-ok")).toBe("true");
    await page.screenshot({ path: join(out, "report-balanced.png") });
    await page.fill("#f-text", ".env");
    const envRows = Number((await page.locator("#count").textContent())?.split(" ")[0]);
    expect(envRows).toBeGreaterThan(0);
    expect(envRows).toBeLessThan(records.length);
    expect(problems).toEqual([]);
    await page.close();
  }, 120_000);
});
