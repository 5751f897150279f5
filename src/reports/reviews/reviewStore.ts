import { blobValue } from '@duckdb/node-api';
import type { Workspace } from '../../workspace/workspace';
import { PathwaysError } from '../../errors';
import { resultToArrow } from '../../models/runModel';
import { buildReviewPack, type BuildOptions } from '../buildPack';
import { renderReviewHtml } from '../renderHtml';
import { ReviewPackSchema, type ReviewPack } from '../packSchema';
import { ReportSettingsSchema, type ReportSettingsInput } from '../reportSettings';
import { sha256 } from '../provenance';
import type { ReviewSummary, OpenedReview } from './reviewSchema';

/** What one sealed review holds, as stored. */
export interface SealedReview {
  reviewId: number;
  title: string;
  period: string;
  createdAt: string;
  appVersion: string;
  settings: string;
  inputs: string;
  modelVersions: string;
  pack: string;
  html: string;
  seal: string;
  results: { model: string; dimension: string; window: string; arrow: Uint8Array }[];
}

/**
 * The seal: one sha256 over every stored part (and each result's bytes, in a fixed order), so
 * that any later change to a sealed review, by a bug or by hand, shows as a broken seal.
 */
export function computeSeal(r: Omit<SealedReview, 'reviewId' | 'seal'>): string {
  const parts = [
    r.title, r.period, r.createdAt, r.appVersion, r.settings, r.inputs, r.modelVersions, r.pack, r.html,
    ...[...r.results].sort((x, y) => `${x.model}|${x.dimension}|${x.window}`.localeCompare(`${y.model}|${y.dimension}|${y.window}`))
      .map((x) => `${x.model}|${x.dimension}|${x.window}|${sha256(x.arrow)}`),
  ];
  return sha256(parts.map((p) => sha256(p)).join('\n'));
}

/**
 * Saves (seals) a review: builds the pack, renders its HTML once, and stores both with the
 * settings, inputs, model versions and every result's Arrow bytes, in one transaction.
 */
export async function saveReview(ws: Workspace, settingsInput: ReportSettingsInput, opts: BuildOptions = {}): Promise<ReviewSummary> {
  const now = opts.now ?? new Date();
  const { pack, runs } = await buildReviewPack(ws, settingsInput, { ...opts, now });
  const html = renderReviewHtml(pack);
  const content: Omit<SealedReview, 'reviewId' | 'seal'> = {
    title: pack.title,
    period: pack.period.label,
    createdAt: pack.provenance.generatedAt,
    appVersion: pack.provenance.appVersion,
    settings: JSON.stringify(pack.settings),
    inputs: JSON.stringify(pack.provenance.inputs),
    modelVersions: JSON.stringify({ models: pack.provenance.models, lib: pack.provenance.libSha256 }),
    pack: JSON.stringify(pack),
    html,
    results: runs.map((r) => ({ model: r.model, dimension: r.dimension, window: r.window, arrow: resultToArrow(r.result) })),
  };
  const seal = computeSeal(content);
  const reviewId = await ws.write(async (c) => {
    const id = Number((await c.runAndReadAll("SELECT nextval('review_id_seq') AS id")).getRowObjectsJS()[0].id);
    await c.run(
      `INSERT INTO reviews VALUES ($id, $title, $period, $created::TIMESTAMP, $version, $settings, $inputs, $models, $pack, $html, $seal)`,
      {
        id, title: content.title, period: content.period, created: content.createdAt.replace('T', ' ').replace('Z', ''), version: content.appVersion,
        settings: content.settings, inputs: content.inputs, models: content.modelVersions, pack: content.pack, html: content.html, seal,
      },
    );
    for (const r of content.results) {
      await c.run('INSERT INTO review_results VALUES ($id, $model, $dimension, $window, $arrow)', { id, model: r.model, dimension: r.dimension, window: r.window, arrow: blobValue(r.arrow) });
    }
    return id;
  });
  return summarize({ ...content, reviewId, seal }, pack);
}

/** Every sealed review, newest first. */
export async function listReviews(ws: Workspace): Promise<ReviewSummary[]> {
  const rows = await ws.all<{ review_id: number }>('SELECT review_id FROM reviews ORDER BY created_at DESC, review_id DESC');
  const out: ReviewSummary[] = [];
  for (const r of rows) {
    const sealed = await readSealedReview(ws, Number(r.review_id));
    out.push(summarize(sealed, parsePack(sealed)));
  }
  return out;
}

/** A sealed review as stored, byte for byte. */
export async function readSealedReview(ws: Workspace, reviewId: number): Promise<SealedReview> {
  const rows = await ws.all<Record<string, unknown>>(
    `SELECT review_id, title, period, strftime(created_at, '%Y-%m-%dT%H:%M:%SZ') AS created_at, app_version, settings, inputs, model_versions, pack, html, seal
     FROM reviews WHERE review_id = $id`, { id: reviewId });
  if (!rows.length) throw new PathwaysError('NOT_FOUND', `there is no saved review number ${reviewId}`);
  const r = rows[0];
  const results = await ws.all<{ model: string; dimension: string; result_window: string; arrow: Uint8Array }>(
    'SELECT model, dimension, result_window, arrow FROM review_results WHERE review_id = $id ORDER BY model, dimension, result_window', { id: reviewId });
  return {
    reviewId, title: String(r.title), period: String(r.period), createdAt: String(r.created_at), appVersion: String(r.app_version),
    settings: String(r.settings), inputs: String(r.inputs), modelVersions: String(r.model_versions), pack: String(r.pack), html: String(r.html), seal: String(r.seal),
    results: results.map((x) => ({ model: x.model, dimension: x.dimension, window: x.result_window, arrow: new Uint8Array(x.arrow) })),
  };
}

export const parsePack = (sealed: Pick<SealedReview, 'pack'>): ReviewPack => ReviewPackSchema.parse(JSON.parse(sealed.pack));

/** Opens a sealed review: its stored HTML (what was presented) and whether its seal still holds. */
export async function openReview(ws: Workspace, reviewId: number): Promise<OpenedReview & { pack: ReviewPack }> {
  const sealed = await readSealedReview(ws, reviewId);
  const pack = parsePack(sealed);
  return { summary: summarize(sealed, pack), html: sealed.html, intact: computeSeal(sealed) === sealed.seal, pack };
}

function summarize(s: Omit<SealedReview, 'results' | 'pack' | 'html' | 'inputs' | 'modelVersions'>, pack: ReviewPack): ReviewSummary {
  return {
    reviewId: s.reviewId, title: s.title, period: s.period, createdAt: s.createdAt, appVersion: s.appVersion,
    settings: ReportSettingsSchema.parse(JSON.parse(s.settings)), inputFiles: pack.provenance.inputs.length,
    findings: pack.findings.length, gaps: pack.findings.filter((f) => f.verdict === 'gap').length, seal: s.seal,
  };
}
