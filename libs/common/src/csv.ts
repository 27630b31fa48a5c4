import { stringify } from 'csv-stringify/sync';

export type CsvCell = string | number | null | undefined;

/**
 * A spreadsheet runs a cell that starts with one of these as a formula (=HYPERLINK(…) sends the
 * reader's data away); TAB and CR start one too after some importers trim the cell.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** OWASP's advice for CSV injection: a leading single quote makes the cell plain text. */
export function neutraliseCsvCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/**
 * Every CSV the platform exports: a UTF-8 byte order mark, a header line, `;` between cells, CRLF
 * line ends, numbers as written, and text cells neutralised, so whatever a user typed (a
 * community, a programme name) stays text in Excel. Numbers are ours (counts), never typed by a
 * user, so they are written as they are. `;` because Excel with Belgian (and most European)
 * regional settings splits only on its list separator `;` and reads a comma file as one column;
 * the BOM because without it Excel reads UTF-8 as ANSI and garbles accents and other scripts. The
 * BOM is part of the string the API returns, so the web download is the API's text byte for byte.
 */
export const CSV_DELIMITER = ';';
export function toCsv(columns: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const cells = rows.map((row) => row.map((cell) => (typeof cell === 'number' ? String(cell) : neutraliseCsvCell(cell ?? ''))));
  return stringify(cells, { header: true, columns: [...columns], record_delimiter: 'windows', delimiter: CSV_DELIMITER, bom: true });
}
