// @vitest-environment jsdom
import { describe, it, expect, vi, beforeEach, afterEach } from 'vitest';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { App } from '../../renderer/src/components/App';
import { ApiError } from '../../renderer/src/api/apiError';
import type { Call } from '../../renderer/src/api/client';
import type { WorkspaceInfo } from '../../src/api/contract';
import { rowsToArrowIPC } from '../../src/arrow/toArrow';
import { RATE_COLUMNS } from '../../src/models/rateStats';
import { participationRows } from './fixtures/rateRows';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const info: WorkspaceInfo = {
  name: 'acme-2025', schemaVersion: 1,
  tables: [{ table: 'people', rows: 212 }, { table: 'sessions', rows: 340 }],
  imports: [], periods: ['2025-Q1', '2025-Q2', '2025-Q3'], dimensions: ['gender', 'race_ethnicity'],
  departments: [], locations: [], levels: [], derivedEvents: false,
};

const meta = (period: string, k: number) => ({
  model: 'participation_rate', title: 'Participation rate',
  question: 'What share of each group took part in at least one mentorship conversation in the period, overall and in each layer?',
  population: 'employees on the last day of the period (hired on or before it, not terminated before it)',
  period: { label: period, start: '2025-07-01', end: '2025-10-01' },
  params: { period, dimension: 'gender', k }, notes: [],
});

/** A stand-in for the core: answers info and runModel the way the transports do. */
function fakeCore(opts: { info?: WorkspaceInfo; runModel?: (input: { params: { period: string; k?: number } }) => Uint8Array } = {}) {
  const calls: { method: string; input: unknown }[] = [];
  const call = vi.fn(async (method: string, input: unknown) => {
    calls.push({ method, input });
    if (method === 'info') return opts.info ?? info;
    if (method === 'runModel') {
      const run = opts.runModel ?? ((i) => rowsToArrowIPC(participationRows as never, RATE_COLUMNS, meta(i.params.period, i.params.k ?? 5)));
      return run(input as never);
    }
    throw new ApiError({ code: 'NOT_FOUND', message: `no ${method}` });
  }) as unknown as Call;
  return { call, calls };
}

let container: HTMLDivElement;
let root: Root;

async function mount(call: Call) {
  await act(async () => { root.render(<App call={call} />); });
  // Let the info call, then the model call, resolve.
  for (let i = 0; i < 3; i++) await act(async () => { await new Promise((r) => setTimeout(r, 0)); });
}

const $ = (sel: string) => container.querySelector(sel);
const cell = (row: string, col: string) => $(`[data-testid="participation-table"] [data-testid="${row}"] [data-col="${col}"]`);

beforeEach(() => {
  history.replaceState(null, '', '/');
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
});

afterEach(async () => {
  await act(async () => root.unmount());
  container.remove();
});

describe('the participation screen', () => {
  it('shows the workspace, defaults the controls to the latest period, gender and k = 5, and puts them in the URL', async () => {
    const { call, calls } = fakeCore();
    await mount(call);
    expect($('[data-testid="workspace-name"]')?.textContent).toContain('acme-2025');
    expect(calls.find((c) => c.method === 'runModel')?.input).toEqual({ model: 'participation_rate', params: { period: '2025-Q3', dimension: 'gender', k: 5 } });
    expect(new URLSearchParams(location.search).get('period')).toBe('2025-Q3');
    expect(new URLSearchParams(location.search).get('dimension')).toBe('gender');
    expect(new URLSearchParams(location.search).get('k')).toBe('5');
    const labels = [...container.querySelectorAll('label')].map((l) => l.textContent);
    expect(labels).toEqual(['Review period', 'Break down by', 'Minimum group size (k)']);
  });

  it('draws the chart with its question and population, and a table of the same numbers', async () => {
    await mount(fakeCore().call);
    expect($('h2')?.textContent).toBe('Participation rate');
    expect($('.panel-question')?.textContent).toMatch(/^What share of each group/);
    expect($('[data-testid="population-note"]')?.textContent).toContain('employees on the last day of the period');
    const figure = $('figure[data-testid="rate-chart"]');
    expect(figure?.getAttribute('aria-label')).toBe('Participation rate by gender, 2025-Q3');
    expect(figure?.querySelector('svg')).not.toBeNull();

    expect(cell('row-formal-Woman', 'grp')?.textContent).toBe('Woman');
    expect(cell('row-formal-Woman', 'numerator')?.textContent).toBe('8');
    expect(cell('row-formal-Woman', 'denominator')?.textContent).toBe('80');
    expect(cell('row-formal-Woman', 'rate')?.textContent).toBe('10.0%');
    expect(cell('row-formal-Woman', 'rate')?.getAttribute('data-value')).toBe('0.1');
    expect(cell('row-formal-Woman', 'ci')?.textContent).toBe('5.2–18.5%');
    expect(cell('row-formal-Woman', 'impact_ratio')?.textContent).toBe('0.33');
    expect(cell('row-formal-Woman', 'p_value')?.textContent).toBe('< 0.001');
    expect(cell('row-formal-Woman', 'q_value')?.textContent).toBe('0.002');
    expect(cell('row-formal-Woman', 'verdict')?.textContent).toBe('gap');
    expect(cell('row-all-Man', 'verdict')?.textContent).toBe('reference');
  });

  it('shows "fewer than 5" for a suppressed group\'s counts and no figure anywhere in its row', async () => {
    await mount(fakeCore().call);
    const row = $('[data-testid="row-all-Non-binary"]')!;
    const cells = Object.fromEntries([...row.querySelectorAll('[data-col]')].map((c) => [c.getAttribute('data-col'), c]));
    expect(Object.keys(cells)).toEqual(['grp', 'numerator', 'denominator', 'rate', 'ci', 'impact_ratio', 'p_value', 'q_value', 'verdict']);
    expect(cells.numerator.textContent).toBe('fewer than 5');
    expect(cells.denominator.textContent).toBe('fewer than 5');
    for (const col of ['rate', 'ci', 'impact_ratio', 'p_value', 'q_value']) expect(cells[col].textContent).not.toMatch(/\d/);
    expect(cells.verdict.textContent).toBe('not shown');
    expect(row.querySelectorAll('[data-value]:not([data-col="verdict"]), [data-lower], [data-upper]')).toHaveLength(0);
    expect(row.textContent!.replaceAll('fewer than 5', '')).not.toMatch(/\d/);
  });

  it('runs the model again when a control changes, and records it in the URL', async () => {
    const { call, calls } = fakeCore();
    await mount(call);
    const select = container.querySelector<HTMLSelectElement>('select[name="period"]')!;
    expect([...select.options].map((o) => o.value)).toEqual(['2025-Q3', '2025-Q2', '2025-Q1']);
    await act(async () => {
      select.value = '2025-Q1';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    for (let i = 0; i < 2; i++) await act(async () => { await new Promise((r) => setTimeout(r, 0)); });
    expect(calls.filter((c) => c.method === 'runModel').at(-1)?.input).toMatchObject({ params: { period: '2025-Q1' } });
    expect(new URLSearchParams(location.search).get('period')).toBe('2025-Q1');
  });

  it('reads a bookmarked view from the URL', async () => {
    history.replaceState(null, '', '/?period=2025-Q2&dimension=race_ethnicity&k=8');
    const { call, calls } = fakeCore();
    await mount(call);
    expect(calls.find((c) => c.method === 'runModel')?.input).toEqual({ model: 'participation_rate', params: { period: '2025-Q2', dimension: 'race_ethnicity', k: 8 } });
  });

  it('says which data is needed when the model cannot run yet', async () => {
    const { call } = fakeCore({
      runModel: () => { throw new ApiError({ code: 'NEEDS_DATA', message: 'Participation rate needs sessions data (import a sessions file or an informal coaching log).' }); },
    });
    await mount(call);
    expect($('[data-testid="rate-chart"]')).toBeNull();
    expect($('[data-testid="notice-needs-data"]')?.textContent).toMatch(/needs sessions data/);
  });

  it('shows other errors in place of the chart', async () => {
    const { call } = fakeCore({ runModel: () => { throw new ApiError({ code: 'MODEL_FAILED', message: 'Participation rate failed: out of memory' }); } });
    await mount(call);
    expect($('[role="alert"]')?.textContent).toContain('Participation rate failed: out of memory');
  });

  it('says so when the workspace has no data yet', async () => {
    const { call, calls } = fakeCore({ info: { ...info, periods: [], tables: [{ table: 'people', rows: 0 }] } });
    await mount(call);
    expect($('[data-testid="notice-empty"]')?.textContent).toContain('This workspace has no data yet');
    expect(calls.some((c) => c.method === 'runModel')).toBe(false);
  });
});
