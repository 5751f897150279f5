/**
 * Spreadsheet formula injection (CSV injection, OWASP): a cell that starts with = + - @, a tab
 * or a carriage return may be taken for a formula by Excel, LibreOffice or Sheets. Group
 * labels, program and department names come from the organisation's files, so any text cell
 * could; such a cell gets a leading apostrophe and reads as the text it is. Numbers are written
 * as numbers and are never touched.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export const neutralizeFormula = (text: string): string => (FORMULA_START.test(text) ? `'${text}` : text);
