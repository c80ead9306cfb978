// Numbers as people type them in a spreadsheet cell, and as Vietnamese readers expect them back.

const viNumber = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 6, useGrouping: true });

/** 3.5 → "3,5"; 1234.5 → "1.234,5". */
export function formatNumberVi(n: number): string {
  return viNumber.format(n);
}

const PLAIN_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const DECIMAL_COMMA = /^[+-]?\d*,\d+$/;
const DOT_GROUPS_COMMA_DECIMAL = /^[+-]?\d{1,3}(?:\.\d{3})+,\d+$/;
const COMMA_GROUPS_DOT_DECIMAL = /^[+-]?\d{1,3}(?:,\d{3})+\.\d+$/;
const DOT_GROUPS = /^[+-]?\d{1,3}(?:\.\d{3}){2,}$/;
const COMMA_GROUPS = /^[+-]?\d{1,3}(?:,\d{3}){2,}$/;

/**
 * A number as people type it in Vietnam or elsewhere: "71.11", "71,11"
 * (decimal comma: one comma, no dot), "1.234,5" and "1,234.5" (both
 * separators: the last one is the decimal point, the other groups thousands),
 * "1.234.567". Returns null when the text is not a number.
 */
export function parseNumber(text: string): number | null {
  const s = text.trim();
  let n: number;
  if (PLAIN_NUMBER.test(s)) n = Number(s);
  else if (DECIMAL_COMMA.test(s)) n = Number(s.replace(",", "."));
  else if (DOT_GROUPS_COMMA_DECIMAL.test(s) || DOT_GROUPS.test(s)) n = Number(s.replace(/\./g, "").replace(",", "."));
  else if (COMMA_GROUPS_DOT_DECIMAL.test(s) || COMMA_GROUPS.test(s)) n = Number(s.replace(/,/g, ""));
  else return null;
  return Number.isFinite(n) ? n : null;
}
