import { computeTotals, type Invoice } from "./invoice.js";
import { formatCents } from "./money.js";

export function formatInvoice(invoice: Invoice): string {
  const totals = computeTotals(invoice);
  const lines = invoice.items.map(
    (item) => `${item.description.padEnd(30)} ${item.quantity} x ${formatCents(item.unitPrice)}`,
  );
  return [
    `Invoice ${invoice.number} for ${invoice.customer}`,
    ...lines,
    `Subtotal ${formatCents(totals.subtotal)}`,
    `Discount ${formatCents(totals.discount)}`,
    `Tax      ${formatCents(totals.tax)}`,
    `Total    ${formatCents(totals.total)}`,
  ].join("\n");
}
