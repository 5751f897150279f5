import type { Workspace } from '../workspace/workspace';
import { PathwaysError } from '../errors';
import { workspaceInfo } from '../api/workspaceInfo';
import type { ModelParams, WorkspaceInfo } from '../api/contract';
import { loadModels, type ModelFile } from '../models/registry';
import { runModel, missingInputs, needsMessage, type ModelResult } from '../models/runModel';
import { periodFromLabel, shiftPeriod } from '../models/period';
import type { RateRow } from '../models/rateStats';
import { dimensionLabel } from '../../renderer/src/format/labels';
import { ReportSettingsSchema, POOLED_QUARTERS, type ReportSettingsInput, type ReportSettings } from './reportSettings';
import { ReviewPackSchema, type ModelBlock, type PackResult, type ReviewPack, type Headline, type ResultWindow } from './packSchema';
import { jsonRows } from './jsonRows';
import { poolQuarters, POOLED_COLUMNS } from './pooled';
import { SECTIONS, HEADLINES, sectionOf } from './sections';
import { packFindings } from './packFindings';
import { methodology } from './methodology';
import { provenance } from './provenance';
import { EVERYONE_DIMENSION, EVERYONE_GROUP } from './everyone';

/** A model result the pack shows, kept whole so that a sealed review can store its Arrow bytes. */
export interface PackRun {
  model: string;
  dimension: string;
  window: ResultWindow;
  result: ModelResult;
}

export interface BuildOptions {
  /** Called as work advances: "done of total" model runs and what runs now. */
  onProgress?: (done: number, total: number, what: string) => void;
  /** The time stamped on the pack (defaults to now). */
  now?: Date;
}


/**
 * Builds the review pack for a period: runs every model that can run on this workspace for
 * each dimension (rate models also for the three quarters before, for the pooled view), the
 * headline figures for everyone, the findings, the methodology and the provenance. Everything
 * it holds has left runModel, i.e. passed disclosure control, or is a sum of such figures.
 */
export async function buildReviewPack(ws: Workspace, rawSettings: ReportSettingsInput, opts: BuildOptions = {}): Promise<{ pack: ReviewPack; runs: PackRun[] }> {
  const settings = ReportSettingsSchema.parse(rawSettings);
  const info = await workspaceInfo(ws);
  checkPeriod(settings, info);
  for (const d of settings.dimensions) {
    if (!info.dimensions.includes(d)) throw new PathwaysError('BAD_REQUEST', `"${d}" is not an equity dimension of this workspace (it has ${info.dimensions.join(', ')}).`);
  }
  if (info.dimensions.includes(EVERYONE_DIMENSION)) throw new PathwaysError('BAD_REQUEST', `a dimension named ${EVERYONE_DIMENSION} is reserved for organisation-wide figures`);
  const generatedAt = (opts.now ?? new Date()).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const period = periodFromLabel(settings.period, info.fiscalStartMonth ?? 1);
  const comparePeriod = settings.comparePeriod ?? shiftPeriod(settings.period, -1);
  const yearAgoPeriod = shiftPeriod(settings.period, -4);
  const pooledPeriods = Array.from({ length: POOLED_QUARTERS }, (_, i) => shiftPeriod(settings.period, i - POOLED_QUARTERS + 1));
  const pooledLabel = `${pooledPeriods[0]} to ${pooledPeriods[pooledPeriods.length - 1]}`;

  const models = [...loadModels().models.values()];
  const available = new Map<string, string | null>();
  for (const m of models) {
    const missing = await missingInputs(ws, m);
    available.set(m.header.name, missing.length ? needsMessage(missing) : null);
  }
  const runnable = models.filter((m) => available.get(m.header.name) === null);
  const headlineModels = HEADLINES.filter((h) => available.get(h.model) === null);
  const total = runnable.reduce((n, m) => n + settings.dimensions.length * (m.header.kind === 'rate' && m.header.pooling === 'person-quarters' ? POOLED_QUARTERS : 1), 0) + headlineModels.length;
  let done = 0;
  const progress = (what: string) => opts.onProgress?.(done, total, what);
  const params = (dimension: string, p: string, withComparisons: boolean): ModelParams => ({
    period: p, dimension, dimension2: null, department: null, location: null, levelMin: null, levelMax: null, layer: null, programId: null,
    comparePeriod: settings.comparePeriod, withComparisons, mentorLevelMin: null, minConversations: 2, k: settings.k, reference: settings.reference,
  });
  const run = async (m: ModelFile, dimension: string, p: string, withComparisons: boolean): Promise<ModelResult> => {
    progress(`${m.header.title} ${dimension === EVERYONE_DIMENSION ? 'organisation-wide' : `by ${dimensionLabel(dimension)}`}, ${p}`);
    const r = await runModel(ws, m.header.name, params(dimension, p, withComparisons));
    done += 1;
    return r;
  };

  const runs: PackRun[] = [];
  const blocks: ModelBlock[] = [];
  for (const m of models) {
    const h = m.header;
    const block: ModelBlock = {
      model: h.name, title: h.title, question: h.question, population: h.population ?? null, kind: h.kind,
      outcome: h.kind === 'rate' ? (h.outcome ?? 'favourable') : null, needs: available.get(h.name) ?? null, results: [],
    };
    blocks.push(block);
    if (block.needs) continue;
    for (const dimension of settings.dimensions) {
      const current = await run(m, dimension, settings.period, h.kind === 'rate');
      runs.push({ model: h.name, dimension, window: 'quarter', result: current });
      block.results.push(packResult(current, dimension, 'quarter', settings.period));
      // Only where each quarter's outcome is a fresh event (see ModelHeader.pooling).
      if (h.kind !== 'rate' || h.pooling !== 'person-quarters') continue;
      const earlier: ModelResult[] = [];
      for (const p of pooledPeriods.slice(0, -1).reverse()) earlier.push(await run(m, dimension, p, false));
      const pooled = poolQuarters([current, ...earlier], { k: settings.k, reference: settings.reference, adverse: h.outcome === 'adverse', crossBlock: h.crossBlock, totalBlock: h.totalBlock });
      const pooledResult: ModelResult = {
        ...current, columns: POOLED_COLUMNS, rows: pooled.rows as unknown as Record<string, unknown>[], comparePeriod: null, yearAgoPeriod: null,
        notes: [`The four quarters ${pooledLabel} added up (person-quarters); a group hidden in any of them is hidden here.`],
      };
      runs.push({ model: h.name, dimension, window: 'pooled', result: pooledResult });
      block.results.push(packResult(pooledResult, dimension, 'pooled', pooledLabel));
    }
  }

  const headlines: Headline[] = [];
  for (const h of HEADLINES) {
    const m = models.find((x) => x.header.name === h.model);
    if (!m) continue;
    const needs = available.get(h.model) ?? null;
    if (needs) {
      headlines.push(emptyHeadline(h, m, needs));
      continue;
    }
    const result = await run(m, EVERYONE_DIMENSION, settings.period, true);
    const everyone = { ...result, rows: result.rows.map((r) => ({ ...r, grp: EVERYONE_GROUP })) };
    runs.push({ model: h.model, dimension: EVERYONE_DIMENSION, window: 'headline', result: everyone });
    headlines.push(headline(h, m, everyone));
  }
  progress('findings');

  const sectionFor = (model: string) => sectionOf(model, models.find((m) => m.header.name === model)?.header.area ?? '');
  const { findings, comparisonsWeighed } = packFindings(blocks, { periodLabel: settings.period, pooledLabel, sectionOf: sectionFor });
  const sections = SECTIONS.map((s) => ({ ...s, blocks: blocks.filter((b) => sectionFor(b.model) === s.id) }));
  const pack: ReviewPack = {
    format: 'pathways-review/1',
    title: settings.title ?? `Mentorship and career equity review, ${settings.period}`,
    settings,
    period,
    comparePeriod,
    yearAgoPeriod,
    pooledPeriods,
    dimensions: settings.dimensions.map((d) => ({ name: d, label: dimensionLabel(d) })),
    headlines,
    findings,
    comparisonsWeighed,
    sections,
    methodology: methodology({ k: settings.k, reference: settings.reference, info, blocks, pooledLabel, comparisonsWeighed }),
    provenance: provenance(info, generatedAt),
  };
  // The schema is the pack's contract with every renderer and with sealed reviews.
  return { pack: ReviewPackSchema.parse(pack), runs };
}

function checkPeriod(settings: ReportSettings, info: WorkspaceInfo): void {
  if (!info.periods.length) throw new PathwaysError('NEEDS_DATA', 'this workspace has no data yet: import a roster and mentorship sessions first.');
  const range = `${info.periods[0]} to ${info.periods[info.periods.length - 1]}`;
  if (!info.periods.includes(settings.period)) {
    throw new PathwaysError('BAD_REQUEST', `${settings.period} is outside the data: this workspace covers ${range}.`);
  }
  if (settings.comparePeriod && !info.periods.includes(settings.comparePeriod)) {
    throw new PathwaysError('BAD_REQUEST', `the comparison period ${settings.comparePeriod} is outside the data: this workspace covers ${range}.`);
  }
}

function packResult(result: ModelResult, dimension: string, window: ResultWindow, windowLabel: string): PackResult {
  const rows = jsonRows(result.rows, result.columns);
  const references = result.columns.some((c) => c.name === 'is_reference')
    ? (result.rows as unknown as RateRow[]).filter((r) => r.is_reference).map((r) => ({ slice: r.slice, group: r.grp }))
    : [];
  return {
    model: result.model, dimension, window, windowLabel, columns: result.columns, rows, notes: result.notes, references,
    comparePeriod: result.comparePeriod?.label ?? null, yearAgoPeriod: result.yearAgoPeriod?.label ?? null,
  };
}

function headline(h: { model: string; label: string }, m: ModelFile, result: ModelResult): Headline {
  const rows = result.rows as unknown as (RateRow & { rate_compare?: number | null; delta_compare_pp?: number | null; rate_year_ago?: number | null; delta_year_pp?: number | null })[];
  const row = rows.find((r) => r.slice === 'all') ?? rows[0];
  return {
    model: h.model, label: h.label, population: m.header.population ?? null, outcome: m.header.outcome ?? 'favourable',
    suppressed: !row || row.suppressed,
    numerator: row?.numerator ?? null, denominator: row?.denominator ?? null, rate: row?.rate ?? null, ciLower: row?.ci_lower ?? null, ciUpper: row?.ci_upper ?? null,
    rateCompare: row?.rate_compare ?? null, deltaComparePp: row?.delta_compare_pp ?? null, rateYearAgo: row?.rate_year_ago ?? null, deltaYearPp: row?.delta_year_pp ?? null,
    needs: null,
  };
}

const emptyHeadline = (h: { model: string; label: string }, m: ModelFile, needs: string): Headline => ({
  model: h.model, label: h.label, population: m.header.population ?? null, outcome: m.header.outcome ?? 'favourable', suppressed: false,
  numerator: null, denominator: null, rate: null, ciLower: null, ciUpper: null, rateCompare: null, deltaComparePp: null, rateYearAgo: null, deltaYearPp: null, needs,
});
