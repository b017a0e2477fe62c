import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { exampleTrace } from "../../scripts/explain-example.js";

describe("README", () => {
  it("shows the current explain trace of the example command", () => {
    const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
    const trace = exampleTrace();
    expect(trace).toContain("DENY by ignored-path");
    expect(readme).toContain(trace);
  });
});
