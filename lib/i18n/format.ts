/** Display formats. English for now; every call names what it formats so a locale can follow. */
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** "2004" → "2004"; "2016-06" → "June 2016"; "2016-06-09" → "9 June 2016". */
export function formatPartialDate(value: string | null | undefined): string {
  if (!value) return "";
  const [y, m, d] = value.split("-");
  if (!m) return y!;
  const month = MONTHS[Number(m) - 1] ?? m;
  return d ? `${Number(d)} ${month} ${y}` : `${month} ${y}`;
}

export function formatDate(date: Date | null | undefined): string {
  if (!date) return "";
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

export function formatNumber(n: number): string {
  return new Intl.NumberFormat("en", { maximumFractionDigits: 2 }).format(n);
}

export function formatMoney(amount: number, currency: string | null | undefined): string {
  if (!currency) return formatNumber(amount);
  try {
    return new Intl.NumberFormat("en", { style: "currency", currency, maximumFractionDigits: 0 }).format(amount);
  } catch {
    return `${currency} ${formatNumber(amount)}`;
  }
}

const LANGUAGE_NAMES = new Intl.DisplayNames(["en"], { type: "language" });
export function languageName(code: string): string {
  try {
    return LANGUAGE_NAMES.of(code) ?? code;
  } catch {
    return code;
  }
}
