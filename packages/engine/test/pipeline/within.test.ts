import { isAbsolute, relative } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { makeWithin } from "../../src/pipeline/within.js";

const within = makeWithin(true);

describe("within", () => {
  it.each([
    ["/repo", "/repo", true],
    ["/repo", "/repo/a", true],
    ["/repo", "/repo-evil", false],
    ["/repo", "/repo-evil/a", false],
    ["/repo", "/", false],
    ["/", "/etc", true],
    ["/repo/a", "/repo", false],
  ])("%s holds %s: %s", (a, b, want) => {
    expect(within(a, b)).toBe(want);
  });

  it("folds case on a case-insensitive file system", () => {
    expect(makeWithin(false)("/Repo", "/repo/A")).toBe(true);
    expect(within("/Repo", "/repo/A")).toBe(false);
  });

  it("agrees with path.relative on normalised absolute paths", () => {
    const seg = fc.constantFrom("a", "b", "a-b", "ab", "..a", ".x");
    const path = fc.array(seg, { maxLength: 4 }).map((s) => `/${s.join("/")}`);
    fc.assert(
      fc.property(path, path, (a, b) => {
        const rel = relative(a, b);
        const expected = rel === "" || (!rel.startsWith("../") && rel !== ".." && !isAbsolute(rel));
        expect(within(a, b)).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });
});
