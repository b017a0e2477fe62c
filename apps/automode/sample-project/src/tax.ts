import type { Cents } from "./money.js";

export interface TaxRate {
  name: string;
  /** Basis points: 2100 is 21 %. */
  basisPoints: number;
}

export const STANDARD_RATE: TaxRate = { name: "VAT", basisPoints: 2100 };

export function taxOn(amount: Cents, rate: TaxRate): Cents {
  return Math.round((amount * rate.basisPoints) / 10_000);
}
