import { describe, expect, it } from "vitest";
import { cellText, fit, renderRow, tableWidth } from "../src/replay/table.js";

describe("tableWidth", () => {
  it.each([
    [{ isTTY: true, columns: 90 }, {}, 90],
    [{ isTTY: true, columns: 90 }, { COLUMNS: "200" }, 90],
    [{ isTTY: false }, { COLUMNS: "70" }, 70],
    [{ isTTY: false }, {}, undefined],
    [{ isTTY: false }, { COLUMNS: "0" }, undefined],
    [{ isTTY: false }, { COLUMNS: "wide" }, undefined],
  ] as const)("%j with %j: %s", (stdout, env, expected) => {
    expect(tableWidth(stdout, env)).toBe(expected);
  });
});

describe("cells and rows", () => {
  it("fit pads or cuts with an ellipsis, by code point", () => {
    expect(fit("abc", 5)).toBe("abc  ");
    expect(fit("abcdef", 4)).toBe("abc…");
    expect(fit("ééééé", 3)).toBe("éé…");
    expect(fit("x", 0)).toBe("");
  });

  it("renderRow never passes the width, styles after cutting, drops trailing spaces", () => {
    const red = (t: string) => `<${t}>`;
    const segments = [{ text: "12345 " }, { text: "deny  ", style: red }, { text: "why not" }];
    expect(renderRow(segments, undefined)).toBe("12345 <deny  >why not");
    expect(renderRow(segments, 19)).toBe("12345 <deny  >why not");
    expect(renderRow(segments, 10)).toBe("12345 <den>…");
    expect(renderRow(segments, 1)).toBe("…");
    expect(renderRow(segments, 0)).toBe("");
  });

  it("control characters are escaped", () => {
    expect(cellText("a\nb\tc\u001b[31m\u0007\u009b")).toBe("a\\nb\\tc\\x1b[31m\\x07\\x9b");
  });
});
