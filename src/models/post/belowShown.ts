import { tableColumns, suppressByHeader } from '../tableOutput';
import { PathwaysError } from '../../errors';
import type { PostProcessor } from './index';

/** The columns of a pipeline row that are read off the row of the level below. */
export const BELOW_COLUMNS = ['share_below', 'gap_pp', 'count_below', 'level_total_below'];

/**
 * Table disclosure as for any table model, then one more rule for the pipeline: a row carries
 * its group's count at the level below (count_below, and the share and gap built on it), so
 * where that row is hidden - as a complement too, not only when its count is small - the
 * carried columns are hidden as well; otherwise the hidden count would be shown one row up
 * and the cell it protects recovered by subtraction. The row keeps its own figures.
 * Rows come lowest level first, every group at every level (the SQL's order), so a group's
 * previous row is its level below.
 */
export const belowShown: PostProcessor = (raw, { params, header }) => {
  if (!header.groupSize) throw new PathwaysError('MODEL_FAILED', `${header.name}: below_shown needs group_size for disclosure control`);
  const rows = suppressByHeader(raw, { ...header, groupSize: header.groupSize }, params.k);
  const previous = new Map<string, Record<string, unknown>>();
  const out = rows.map((r) => {
    const grp = String(r.grp);
    const below = previous.get(grp);
    previous.set(grp, r);
    if (r.suppressed || !below?.suppressed) return r;
    return { ...r, ...Object.fromEntries(BELOW_COLUMNS.map((c) => [c, null])) };
  });
  return { columns: tableColumns(header), rows: out };
};
