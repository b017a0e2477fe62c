import { describe, expect, it } from "vitest";
import { computeTotals, type Invoice } from "../src/index.js";

const invoice: Invoice = {
  number: "2026-0042",
  customer: "Example GmbH",
  items: [
    { description: "Consulting", quantity: 3, unitPrice: 12_000 },
    { description: "Hosting", quantity: 1, unitPrice: 2_500 },
  ],
};

describe("computeTotals", () => {
  it("adds line items and the standard tax", () => {
    expect(computeTotals(invoice)).toEqual({
      subtotal: 38_500,
      discount: 0,
      tax: 8_085,
      total: 46_585,
    });
  });

  it("taxes the discounted amount", () => {
    const totals = computeTotals({ ...invoice, discountPercent: 10 });
    expect(totals.discount).toBe(3_850);
    expect(totals.tax).toBe(7_277);
    expect(totals.total).toBe(41_927);
  });
});
