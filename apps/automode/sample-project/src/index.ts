export { formatInvoice } from "./format.js";
export { computeTotals, type Invoice, type LineItem, lineTotal, type Totals } from "./invoice.js";
export { addCents, type Cents, cents, formatCents } from "./money.js";
export { STANDARD_RATE, type TaxRate, taxOn } from "./tax.js";
