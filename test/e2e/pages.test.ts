import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './browser';
import { startDemoServer } from './demoServer';
import { runModel } from '../../src/models/runModel';
import { expectTableEqualsModel, openView, readTable, RATE_TABLE, choose } from './dashboardPage';

let demo: Awaited<ReturnType<typeof startDemoServer>>;
let browser: Browser;
let page: Page;
const errors: Error[] = [];

beforeAll(async () => {
  demo = await startDemoServer();
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('pageerror', (e) => errors.push(e));
});

afterAll(async () => {
  await browser?.close();
  await demo?.stop();
});

const PERIOD = '2026-Q2';

/** Every panel of the page has drawn its chart (an SVG in a named figure) or says why not. */
async function panelsDrawn(p: Page): Promise<Record<string, string>> {
  return p.evaluate(() => Object.fromEntries([...document.querySelectorAll('section.panel[data-testid^="panel-"]')].map((s) => {
    const fig = s.querySelector('figure[role="figure"]');
    const state = fig?.querySelector('svg') && fig.getAttribute('aria-label') ? 'drawn' : s.getAttribute('data-state') ?? '?';
    return [s.getAttribute('data-testid')!.slice(6), state];
  })));
}

const tableKeys = {
  pipeline: { key: (r: Record<string, unknown>) => `${r.level}-${r.grp}`, counts: ['count', 'level_total'], figures: ['share', 'share_below', 'gap_pp'] },
  representation_share: { key: (r: Record<string, unknown>) => `${r.slice_type}-${r.slice_value}-${r.grp}`, counts: ['count', 'slice_total', 'group_total'], figures: ['share', 'reference_share', 'representation_index'] },
  flows: { key: (r: Record<string, unknown>) => `${r.level}-${r.grp}`, counts: ['headcount_start', 'hires', 'exits', 'promotions_in', 'promotions_out', 'transfers_in', 'transfers_out', 'headcount_end'], figures: [] },
  unknown_demographics: { key: (r: Record<string, unknown>) => `${r.department}-${r.grp ?? 'none'}`, counts: ['headcount', 'unknown', 'count'], figures: ['share_unknown', 'share_known', 'share_min', 'share_max'] },
  cross_group_matching: { key: (r: Record<string, unknown>) => `${r.mentor_grp}-${r.mentee_grp}`, counts: ['observed'], figures: ['expected', 'ratio'] },
  mentor_pool_representation: { key: (r: Record<string, unknown>) => String(r.grp), counts: ['mentors', 'eligible'], figures: ['share_mentors', 'share_eligible', 'representation_index'] },
  mentor_load: { key: (r: Record<string, unknown>) => String(r.grp), counts: ['mentors'], figures: ['mentees_mean', 'hours_mean', 'gini_hours'] },
  program_outcomes: { key: (r: Record<string, unknown>) => `${r.outcome}-${r.grp}`, counts: ['participants', 'observed', 'non_participants'], figures: ['expected', 'lift', 'lift_lower', 'lift_upper'] },
  summary: { key: (r: Record<string, unknown>) => `${r.slice}-${r.grp}`, counts: ['n', 'events'], figures: ['median', 'median_lower', 'median_upper', 'logrank_p'], rows: (r: Record<string, unknown>) => r.row_type === 'summary' && r.slice === 'all' },
};

describe('every page in Chromium over the demo workspace', () => {
  it('access: each chart drawn, the tables equal the models, and a department filter changes them', async () => {
    await openView(page, demo.server.openUrl, `?page=access&period=${PERIOD}`);
    expect(await panelsDrawn(page)).toEqual({
      access_funnel: 'drawn', access_funnel_ratio: 'drawn', application_to_match: 'drawn', waitlisting: 'drawn', time_to_match: 'drawn',
      sponsorship_access: 'drawn', cross_group_matching: 'drawn', mentor_pool_representation: 'drawn', mentor_load: 'drawn',
    });
    for (const m of ['access_funnel', 'application_to_match', 'waitlisting', 'sponsorship_access']) {
      expectTableEqualsModel(await readTable(page, m), await runModel(demo.ws, m, { period: PERIOD }), RATE_TABLE);
    }
    for (const m of ['cross_group_matching', 'mentor_pool_representation', 'mentor_load'] as const) {
      expectTableEqualsModel(await readTable(page, m), await runModel(demo.ws, m, { period: PERIOD }), tableKeys[m]);
    }
    expectTableEqualsModel(await readTable(page, 'time_to_match'), await runModel(demo.ws, 'time_to_match', { period: PERIOD }), tableKeys.summary);

    await choose(page, 'department', 'Engineering');
    const filtered = await runModel(demo.ws, 'application_to_match', { period: PERIOD, department: 'Engineering' });
    expectTableEqualsModel(await readTable(page, 'application_to_match'), filtered, RATE_TABLE);
    expect(new URL(page.url()).searchParams.get('department')).toBe('Engineering');
  });

  it('progression: each chart drawn, promotion rates and lifts equal the models, the association said plainly', async () => {
    await openView(page, demo.server.openUrl, `?page=progression&period=${PERIOD}`);
    expect(await panelsDrawn(page)).toEqual({
      promotion_rate: 'drawn', promotion_rate_ratio: 'drawn', promotion_rate_trend: 'drawn', time_to_promotion: 'drawn', exits: 'drawn',
      attrition_12m: 'drawn', program_outcomes: 'drawn',
    });
    for (const m of ['promotion_rate', 'exits', 'attrition_12m']) {
      expectTableEqualsModel(await readTable(page, m), await runModel(demo.ws, m, { period: PERIOD }), RATE_TABLE);
    }
    expectTableEqualsModel(await readTable(page, 'program_outcomes'), await runModel(demo.ws, 'program_outcomes', { period: PERIOD }), tableKeys.program_outcomes);
    expectTableEqualsModel(await readTable(page, 'time_to_promotion'), await runModel(demo.ws, 'time_to_promotion', { period: PERIOD }), tableKeys.summary);
    expect(await page.getByTestId('panel-program_outcomes').textContent()).toContain('An association, not a causal effect');

    // The trend: one row per quarter and group, each quarter's numbers those of the model run for that quarter alone.
    const trend = await readTable(page, 'promotion_rate_trend');
    for (const q of ['2025-Q3', '2026-Q1', PERIOD]) {
      const alone = await runModel(demo.ws, 'promotion_rate', { period: q, withComparisons: false });
      for (const r of alone.rows.filter((x) => x.slice === 'all')) {
        const shown = trend[`${q}-${r.grp}`];
        if (r.suppressed) expect(shown.numerator.text).toBe('fewer than 5');
        else expect([shown.numerator.value, shown.denominator.value]).toEqual([String(r.numerator), String(r.denominator)]);
      }
    }
  });

  it('representation: the pipeline across levels and every table equal the models; the reference group can be chosen', async () => {
    await openView(page, demo.server.openUrl, `?page=representation&period=${PERIOD}`);
    expect(await panelsDrawn(page)).toEqual({ pipeline: 'drawn', representation_share: 'drawn', flows: 'drawn', unknown_demographics: 'drawn' });
    for (const m of ['pipeline', 'representation_share', 'flows', 'unknown_demographics'] as const) {
      expectTableEqualsModel(await readTable(page, m), await runModel(demo.ws, m, { period: PERIOD }), tableKeys[m]);
    }
    const levels = await page.getByRole('figure', { name: /Representation pipeline/ }).locator('g[aria-label="x-axis tick label"] text').allTextContents();
    expect(levels).toEqual(['L1', 'L2', 'L3', 'L4', 'L5', 'L6']);

    // A reference group picked by hand moves the comparisons on the participation page.
    await openView(page, demo.server.openUrl, `?page=participation&period=${PERIOD}`);
    await choose(page, 'reference', 'group:Woman');
    const result = await runModel(demo.ws, 'participation_rate', { period: PERIOD, reference: { group: 'Woman' } });
    expect(result.rows.filter((r) => r.is_reference).map((r) => r.grp)).toContain('Woman');
    expectTableEqualsModel(await readTable(page, 'participation_rate'), result, RATE_TABLE);
  });

  it('programs: one program at a time, chosen in the URL, with its funnel, engagement, feedback and goals', async () => {
    const programs = (await demo.ws.all<{ id: string; name: string; layer: string }>('SELECT program_id AS id, name, layer FROM programs ORDER BY name, program_id'));
    await openView(page, demo.server.openUrl, `?page=programs&period=${PERIOD}`);
    expect(await page.locator('select[name="program-page"]').inputValue()).toBe(programs[0].id);
    // A program without formal matches says so in place of the charts that need matches.
    const informal = programs.find((p) => p.layer !== 'formal')!;
    await choose(page, 'program-page', informal.id);
    expect(await page.getByTestId('panel-program_engagement').getByTestId('notice-empty').textContent()).toContain('No match of this program was active');
    const second = programs.filter((p) => p.layer === 'formal')[1];
    await choose(page, 'program-page', second.id);
    expect(new URL(page.url()).searchParams.get('program')).toBe(second.id);
    expect(await panelsDrawn(page)).toEqual({ program_funnel: 'drawn', program_participation: 'drawn', program_engagement: 'drawn', program_feedback: 'drawn', program_goals: 'drawn' });
    expect(await page.getByTestId('panel-program_funnel').locator('h2').textContent()).toBe(`${second.name}: funnel`);
    expectTableEqualsModel(await readTable(page, 'program_funnel'), await runModel(demo.ws, 'access_funnel', { period: PERIOD, programId: second.id }), RATE_TABLE);
    expectTableEqualsModel(await readTable(page, 'program_goals'), await runModel(demo.ws, 'goal_progress', { period: PERIOD, programId: second.id }), RATE_TABLE);
    expectTableEqualsModel(await readTable(page, 'program_feedback'), await runModel(demo.ws, 'feedback_quality', { period: PERIOD, programId: second.id }),
      { key: (r) => String(r.grp), counts: ['raters', 'ratings'], figures: ['mean_rating', 'ci_lower', 'ci_upper', 'share_high', 'response_rate'] });
    expectTableEqualsModel(await readTable(page, 'program_engagement'), await runModel(demo.ws, 'engagement', { period: PERIOD, programId: second.id }),
      { key: (r) => `${r.slice}-${r.grp}`, counts: ['mentees', 'matches', 'dormant_matches'], figures: ['conversations_per_match', 'minutes_per_match', 'median_days_between'] });
    expect(errors).toEqual([]);
  });
});
