import type { Workspace } from '../../workspace/workspace';
import { benjaminiHochberg, compareProportions } from '../../stats';
import type { CellValue, ReviewPack, InputFile } from '../packSchema';
import { openReview } from './reviewStore';
import type { RateChange, ReviewComparison } from './reviewSchema';
import { EVERYONE_GROUP } from '../everyone';

const ALPHA = 0.05;
const num = (v: CellValue | undefined): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

type Cell = Omit<RateChange, 'q' | 'significant'>;

/**
 * Two sealed reviews side by side, read from what each stored (no model runs again): changed
 * settings, input files and model versions; every rate shown in both with its change and the
 * two-proportion test on the shown counts (Fisher where an expected cell is below 5), q-values
 * adjusted over all of them; and the findings that appeared or went away.
 *
 * The test treats the two periods' populations as independent samples; people present in both
 * make it conservative for a rate that is stable per person. Cells hidden in either review are
 * not compared: a change must never be read off a suppressed figure.
 */
export async function compareReviews(ws: Workspace, a: number, b: number): Promise<ReviewComparison> {
  const [ra, rb] = await Promise.all([openReview(ws, a), openReview(ws, b)]);
  const [pa, pb] = [ra.pack, rb.pack];
  const headlineCells = headlineChanges(pa, pb);
  const { cells, notComparable } = rateChanges(pa, pb);
  const all = [...headlineCells, ...cells];
  const q = benjaminiHochberg(all.map((c) => c.p));
  const done = all.map((c, i): RateChange => ({ ...c, q: q[i], significant: q[i] < ALPHA }));
  const headlines = done.slice(0, headlineCells.length);
  const rates = done.slice(headlineCells.length).sort((x, y) => Number(y.significant) - Number(x.significant) || x.q - y.q || Math.abs(y.deltaPp) - Math.abs(x.deltaPp));

  const importKey = (i: InputFile) => `${i.table}\u001f${i.fileHash}`;
  const ia = new Map(pa.provenance.inputs.map((i) => [importKey(i), i]));
  const ib = new Map(pb.provenance.inputs.map((i) => [importKey(i), i]));
  const ma = new Map(pa.provenance.models.map((m) => [m.name, m.sha256]));
  const mb = new Map(pb.provenance.models.map((m) => [m.name, m.sha256]));
  const modelsChanged = [...new Set([...ma.keys(), ...mb.keys()])].sort()
    .filter((m) => ma.get(m) !== mb.get(m)).map((m) => ({ model: m, a: ma.get(m) ?? null, b: mb.get(m) ?? null }));
  if (pa.provenance.libSha256 !== pb.provenance.libSha256) modelsChanged.push({ model: 'shared macros', a: pa.provenance.libSha256, b: pb.provenance.libSha256 });

  const fa = new Map(pa.findings.map((f) => [f.id, f]));
  const fb = new Map(pb.findings.map((f) => [f.id, f]));
  const settingsChanged = (Object.keys(pa.settings) as (keyof ReviewPack['settings'])[])
    .map((k) => ({ setting: k, a: JSON.stringify(pa.settings[k]), b: JSON.stringify(pb.settings[k]) }))
    .filter((s) => s.a !== s.b);
  return {
    a: ra.summary,
    b: rb.summary,
    settingsChanged,
    inputsAdded: [...ib.entries()].filter(([k]) => !ia.has(k)).map(([, v]) => v),
    inputsRemoved: [...ia.entries()].filter(([k]) => !ib.has(k)).map(([, v]) => v),
    modelsChanged,
    headlines,
    rates,
    notComparable,
    findingsAdded: pb.findings.filter((f) => !fa.has(f.id)),
    findingsRemoved: pa.findings.filter((f) => !fb.has(f.id)),
    findingsKept: pb.findings.filter((f) => fa.has(f.id)).length,
    comparisonsWeighed: all.length,
  };
}

function test(nA: number, dA: number, nB: number, dB: number): { test: string; p: number } {
  const t = compareProportions(nB, dB, nA, dA);
  return { test: t.test, p: t.p };
}

function headlineChanges(pa: ReviewPack, pb: ReviewPack): Cell[] {
  const out: Cell[] = [];
  for (const hb of pb.headlines) {
    const ha = pa.headlines.find((h) => h.model === hb.model);
    if (!ha || ha.rate === null || hb.rate === null || ha.numerator === null || ha.denominator === null || hb.numerator === null || hb.denominator === null) continue;
    out.push({
      model: hb.model, title: hb.label, dimension: 'everyone', slice: 'all', group: EVERYONE_GROUP,
      numeratorA: ha.numerator, denominatorA: ha.denominator, rateA: ha.rate, numeratorB: hb.numerator, denominatorB: hb.denominator, rateB: hb.rate,
      deltaPp: (hb.rate - ha.rate) * 100, ...test(ha.numerator, ha.denominator, hb.numerator, hb.denominator),
    });
  }
  return out;
}

function rateChanges(pa: ReviewPack, pb: ReviewPack): { cells: Cell[]; notComparable: number } {
  const cells: Cell[] = [];
  let notComparable = 0;
  const blocksA = new Map(pa.sections.flatMap((s) => s.blocks).map((bl) => [bl.model, bl]));
  for (const blockB of pb.sections.flatMap((s) => s.blocks)) {
    if (blockB.kind !== 'rate') continue;
    const blockA = blocksA.get(blockB.model);
    for (const rB of blockB.results.filter((r) => r.window === 'quarter')) {
      const rA = blockA?.results.find((r) => r.window === 'quarter' && r.dimension === rB.dimension);
      for (const row of rB.rows) {
        const other = rA?.rows.find((x) => x.slice === row.slice && x.grp === row.grp);
        const [nB, dB, nA, dA] = [num(row.numerator), num(row.denominator), num(other?.numerator), num(other?.denominator)];
        if (row.suppressed || !other || other.suppressed || nB === null || dB === null || nA === null || dA === null || !dA || !dB) {
          notComparable += 1;
          continue;
        }
        cells.push({
          model: blockB.model, title: blockB.title, dimension: rB.dimension, slice: String(row.slice), group: String(row.grp),
          numeratorA: nA, denominatorA: dA, rateA: nA / dA, numeratorB: nB, denominatorB: dB, rateB: nB / dB,
          deltaPp: (nB / dB - nA / dA) * 100, ...test(nA, dA, nB, dB),
        });
      }
    }
  }
  return { cells, notComparable };
}

