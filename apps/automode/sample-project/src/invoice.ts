import { addCents, type Cents } from "./money.js";
import { STANDARD_RATE, type TaxRate, taxOn } from "./tax.js";

export interface LineItem {
  description: string;
  quantity: number;
  unitPrice: Cents;
}

export interface Invoice {
  number: string;
  customer: string;
  items: LineItem[];
  discountPercent?: number;
  taxRate?: TaxRate;
}

export interface Totals {
  subtotal: Cents;
  discount: Cents;
  tax: Cents;
  total: Cents;
}

export function lineTotal(item: LineItem): Cents {
  return item.quantity * item.unitPrice;
}

export function computeTotals(invoice: Invoice): Totals {
  const subtotal = addCents(...invoice.items.map(lineTotal));
  const discount = Math.round((subtotal * (invoice.discountPercent ?? 0)) / 100);
  const tax = taxOn(subtotal, invoice.taxRate ?? STANDARD_RATE);
  return { subtotal, discount, tax, total: subtotal - discount + tax };
}
