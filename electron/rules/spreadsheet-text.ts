/**
 * Text that a spreadsheet must show as text. A cell whose text starts with = + - @ (or a tab or
 * carriage return, which some programs strip before looking) is taken as a formula by Excel, WPS
 * and LibreOffice when a CSV is opened or a cell is edited, so a 台账 title such as
 * 「=HYPERLINK(…)」 could run as one. Every CSV and xlsx cell the app writes from ledger text goes
 * through here: such text gets a leading apostrophe, which the spreadsheet shows as plain text.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function spreadsheetText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}
