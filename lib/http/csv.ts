// CSV for people's spreadsheets: RFC 4180 (CRLF line ends; a field holding a
// comma, a double quote, CR or LF is quoted, its quotes doubled), UTF-8 with a
// byte-order mark (so Excel reads it as UTF-8), and safe from formula
// injection: a cell that begins like a formula (= + - @, their fullwidth forms
// ＝ ＋ － ＠, which some spreadsheets read as the ASCII ones, or a tab or CR,
// which some skip before one) is prefixed with a single quote, which makes the
// spreadsheet show it as text (OWASP, "CSV Injection").

export type CsvValue = string | number | boolean | null | undefined;

/** The byte-order mark a CSV download starts with. */
export const CSV_BOM = "\uFEFF";

const FORMULA_START = /^[=+\-@\uFF1D\uFF0B\uFF0D\uFF20\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One field: neutralised, then quoted when RFC 4180 asks for it. Null and undefined are empty. */
export function csvField(value: CsvValue): string {
  let text = value === null || value === undefined ? "" : String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Records as CSV text, each ended by CRLF (the last one too). */
export function csvRows(rows: readonly (readonly CsvValue[])[]): string {
  return rows.map((row) => `${row.map(csvField).join(",")}\r\n`).join("");
}

/** A whole download: the BOM, the header and the records. */
export function csvDocument(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return CSV_BOM + csvRows([header, ...rows]);
}
