import { describe, expect, test } from "vitest";
import { foldCase, isAscii, isWithin, pathKey, relativeWithin } from "../src/keys.js";

// Path comparison keys (issue 21): containment is by whole names, never a string prefix.

describe("isWithin", () => {
  test("a folder holds itself and what is below it, by whole names", () => {
    expect(isWithin("/repo", "/repo")).toBe(true);
    expect(isWithin("/repo", "/repo/a/b")).toBe(true);
    expect(isWithin("/repo", "/repo-evil")).toBe(false);
    expect(isWithin("/repo", "/repoa/b")).toBe(false);
    expect(isWithin("/repo", "/rep")).toBe(false);
    expect(isWithin("/repo/a", "/repo")).toBe(false);
  });

  test("the root holds every absolute path", () => {
    expect(isWithin("/", "/")).toBe(true);
    expect(isWithin("/", "/etc")).toBe(true);
    expect(isWithin("/", "relative")).toBe(false);
  });
});

describe("relativeWithin", () => {
  test("the part below the folder, empty for the folder, undefined outside", () => {
    expect(relativeWithin("/repo", "/repo/a/b", "/repo/a/b")).toBe("a/b");
    expect(relativeWithin("/repo", "/repo", "/repo")).toBe("");
    expect(relativeWithin("/repo", "/repo-x/a", "/repo-x/a")).toBeUndefined();
    expect(relativeWithin("/", "/a/b", "/a/b")).toBe("a/b");
  });

  test("keeps the original spelling when folding kept the length", () => {
    expect(relativeWithin("/repo", "/repo/src/readme.md", "/Repo/Src/README.md")).toBe(
      "Src/README.md",
    );
  });

  test("takes the key's spelling when NFC shortened it", () => {
    const nfd = "/repo/cafe\u0301";
    expect(relativeWithin("/repo", pathKey(nfd, true), nfd)).toBe("caf\u00e9");
  });
});

describe("pathKey", () => {
  test("NFC, and case folded only where the file system folds", () => {
    expect(pathKey("/A/cafe\u0301", true)).toBe("/A/caf\u00e9");
    expect(pathKey("/A/cafe\u0301", false)).toBe("/a/caf\u00e9");
    expect(pathKey("/A/B", true)).toBe("/A/B");
    expect(pathKey("/A/B", false)).toBe("/a/b");
  });
});

describe("isAscii and foldCase", () => {
  test("ASCII ends at 0x7f", () => {
    expect(isAscii("plain/~\u007f")).toBe(true);
    expect(isAscii("a\u0080")).toBe(false);
    expect(isAscii("\u00e9abc")).toBe(false);
    expect(isAscii("")).toBe(true);
  });

  test("folding keeps the length: characters that lower-case longer are kept", () => {
    expect(foldCase("ABC")).toBe("abc");
    expect(foldCase("\u0130X")).toBe("\u0130x");
    expect(foldCase("\u0130X").length).toBe(2);
    expect(foldCase("\u00c9")).toBe("\u00e9");
  });
});
