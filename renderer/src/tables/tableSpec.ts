/**
 * A table view described once, for the screen and for the CSV export alike, so that both
 * carry exactly the same numbers. No React here: the report generator can use it too.
 */
export interface TableColumn<Row> {
  /** The result column it shows: the cell's data-col. */
  key: string;
  label: string;
  /** An explanation of the heading (abbr title). */
  help?: string;
  /**
   * text: shown as it is, even for a suppressed row (the group's name);
   * count: a suppressed row shows its note ("fewer than 5") instead;
   * figure: a number derived from the counts: a suppressed row shows a dash.
   */
  kind: 'text' | 'count' | 'figure';
  /** The raw value: data-value on screen, the cell in the CSV. */
  value: (row: Row) => string | number | boolean | null;
  /** How the screen shows a number (not called for null). */
  format?: (value: number, row: Row) => string;
  /** How the screen shows the cell, when it is not the value itself (the CI as "5.2–18.5%"). */
  display?: (row: Row) => string;
  /** Further attributes for the screen cell (the CI's bounds). */
  attrs?: (row: Row) => Record<string, string>;
  /** The CSV columns this column becomes, when not one (the CI: lower and upper). */
  csv?: { label: string; value: (row: Row) => number | string | null }[];
}

export interface TableSpec<Row> {
  columns: TableColumn<Row>[];
  rows: Row[];
  /** Rows fall in sections (a layer, a level): the section's key and its heading. */
  section?: (row: Row) => string;
  sectionLabel?: (section: string) => string;
  /** The heading of the section column in the CSV. */
  sectionHeading?: string;
  /** Stable key of a row, also its data-testid ("row-<key>"). */
  rowKey: (row: Row) => string;
  suppressed: (row: Row) => boolean;
  note: (row: Row, k: number) => string;
}

/** A table spec of any row type, where the rows only pass through (the panel, the CSV writer). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyTableSpec = TableSpec<any>;
