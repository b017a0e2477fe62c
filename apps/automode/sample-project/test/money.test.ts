import { describe, expect, it } from "vitest";
import { addCents, cents, formatCents } from "../src/money.js";

describe("money", () => {
  it("rounds to whole cents", () => {
    expect(cents(19.999)).toBe(2_000);
  });
  it("adds amounts", () => {
    expect(addCents(100, 250, 5)).toBe(355);
  });
  it("formats euros", () => {
    expect(formatCents(123_456)).toBe("€1,234.56");
  });
});
