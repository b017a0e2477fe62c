/** Amounts are integer cents: floating point never touches money. */
export type Cents = number;

export function cents(amount: number): Cents {
  return Math.round(amount * 100);
}

export function addCents(...amounts: Cents[]): Cents {
  return amounts.reduce((sum, amount) => sum + amount, 0);
}

export function formatCents(amount: Cents, currency = "EUR", locale = "en-IE"): string {
  return new Intl.NumberFormat(locale, { style: "currency", currency }).format(amount / 100);
}
