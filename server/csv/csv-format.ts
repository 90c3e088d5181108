// The CSV files Parallax writes (observations, audit events) and reads (observation imports):
// RFC 4180 quoting and a guard against spreadsheet formula injection that an import undoes.

/** Parses RFC 4180 CSV (quoted fields, doubled quotes, CRLF or LF line ends) into rows of cells. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  const input = text.replace(/^\uFEFF/, "");
  for (let i = 0; i < input.length; i += 1) {
    const char = input[i];
    if (quoted) {
      if (char === '"' && input[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ",") {
      row.push(cell);
      cell = "";
    } else if (char === "\n" || char === "\r") {
      if (char === "\r" && input[i + 1] === "\n") i += 1;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
    } else cell += char;
  }
  if (cell !== "" || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows.filter((cells) => cells.some((value) => value.trim() !== ""));
}

// A spreadsheet runs a cell starting with one of these as a formula (OWASP "CSV injection").
// Apostrophes before one are included, so that a text that starts with an apostrophe of its own
// keeps it through an export and an import.
const FORMULA_START = /^'*[=+\-@\t\r]/;

/**
 * A cell a spreadsheet will not run as a formula: text starting with `=`, `+`, `-`, `@`, a tab or
 * a carriage return (after any apostrophes) gets a leading `'`, which spreadsheets show as text.
 * Names, titles and summaries are typed by any member, so whoever opens an export must not
 * execute them.
 */
export function neutraliseFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/**
 * The text a cell of our exports stood for: `neutraliseFormula` undone, so an export imports back
 * exactly. A cell that starts with apostrophes followed by `=`, `+`, `-`, `@`, a tab or a carriage
 * return loses one apostrophe; any other cell (`'quoted`) is kept as it is.
 */
export function restoreFormula(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value) ? value.slice(1) : value;
}

function csvCell(value: string): string {
  const safe = neutraliseFormula(value);
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** Rows of cells as CSV text with CRLF line ends; every cell is passed through `neutraliseFormula`. */
export function formatCsv(rows: string[][]): string {
  return `${rows.map((cells) => cells.map(csvCell).join(",")).join("\r\n")}\r\n`;
}
