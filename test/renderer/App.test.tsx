// @vitest-environment jsdom
import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { App } from '../../renderer/src/components/App';
import { createClient, type Call } from '../../renderer/src/api/client';
import { createCore, dispatch } from '../../src/api/core';
import { runModel } from '../../src/models/runModel';
import type { Workspace } from '../../src/workspace/workspace';
import { withTempWorkspace } from '../helpers/tempWorkspace';
import { loadMentoring } from '../models/participation/fixture';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/**
 * The app under jsdom over the real core: a workspace file on disk with the mentoring fixture
 * (review period 2025-Q2: 8 women, 8 men, 2 non-binary, 1 with no gender recorded), the
 * contract's dispatcher as the transport (inputs validated by its schemas, results as Arrow).
 */
function inProcess(ws: Workspace): { call: Call; methods: string[] } {
  const core = createCore(ws);
  const methods: string[] = [];
  return { call: createClient({ invoke: (method, input) => { methods.push(method); return dispatch(core, method, input); } }), methods };
}

let container: HTMLDivElement;
let root: Root;

async function until(test: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 400; i++) {
    if (test()) return;
    await act(async () => { await new Promise((r) => setTimeout(r, 10)); });
  }
  throw new Error(`timed out waiting for ${what}`);
}

const ready = () => document.documentElement.dataset.viewState === 'ready';

async function mount(call: Call, url = '/') {
  history.replaceState(null, '', url);
  document.documentElement.dataset.viewState = '';
  await act(async () => { root.render(<App call={call} />); });
  await until(() => !!container.querySelector('nav') || !!container.querySelector('[data-testid="first-run"]'), 'the app');
}

const $ = (sel: string) => container.querySelector(sel);
const cell = (table: string, row: string, col: string) => $(`[data-testid="table-${table}"] [data-testid="row-${row}"] [data-col="${col}"]`);

beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
});

afterEach(async () => {
  await act(async () => root.unmount());
  container.remove();
});

describe('the dashboard over the real core', () => {
  it('opens on the Overview with every page in the navigation and the view written into the URL', async () => {
    await withTempWorkspace(async (ws) => {
      await loadMentoring(ws);
      await mount(inProcess(ws).call);
      await until(ready, 'the overview');
      expect($('[data-testid="workspace-name"]')?.textContent).toContain('workspace.duckdb');
      expect([...container.querySelectorAll('nav a')].map((a) => a.textContent)).toEqual(['Overview', 'Participation', 'Access', 'Progression', 'Representation', 'Programs', 'Reviews', 'Data']);
      expect($('nav a[aria-current="page"]')?.textContent).toBe('Overview');
      const q = new URLSearchParams(location.search);
      expect([q.get('page'), q.get('period'), q.get('dimension'), q.get('reference'), q.get('k')]).toEqual(['overview', '2025-Q2', 'gender', 'largest', '5']);
      // Participation in 2025-Q2 (fixture.ts): 6 of 8 men and 7 of 8 women had a conversation.
      // Participation in 2025-Q2 (fixture.ts): every woman had a conversation (W3 only in the peer circle
      // S13): 8 of 8. Seven of the eight men did (M3's match had none): one non-participant is a count
      // of 1..4, so the men's row is hidden, as are the 2 non-binary people.
      const tile = '[data-testid="headline-participation_rate"]';
      const woman = $(`${tile} [data-testid="headline-row-Woman"] [data-col="rate"]`);
      expect(woman?.getAttribute('data-value')).toBe('1');
      expect(woman?.textContent).toMatch(/^100\.0%/);
      for (const grp of ['Man', 'Non-binary']) {
        const row = $(`${tile} [data-testid="headline-row-${grp}"]`);
        expect(row?.textContent).toContain('fewer than 5');
        expect(row?.textContent?.replace('fewer than 5', '')).not.toMatch(/\d/);
        expect(row?.querySelectorAll('[data-value]')).toHaveLength(0);
      }
      const nonBinary = $(`${tile} [data-testid="headline-row-Non-binary"]`);
      expect(nonBinary?.textContent?.replace('fewer than 5', '')).not.toMatch(/\d/);
    });
  });

  it('shows the participation page with the same numbers as the model, and "fewer than 5" with no figure for a small group', async () => {
    await withTempWorkspace(async (ws) => {
      await loadMentoring(ws);
      await mount(inProcess(ws).call, '/?page=participation');
      await until(ready, 'the participation page');
      const model = await runModel(ws, 'participation_rate', { period: '2025-Q2' });
      for (const r of model.rows) {
        const key = `${r.slice}-${r.grp}`;
        if (r.suppressed) {
          expect(cell('participation_rate', key, 'numerator')?.textContent).toBe('fewer than 5');
          const row = $(`[data-testid="table-participation_rate"] [data-testid="row-${key}"]`)!;
          expect(row.textContent!.replaceAll('fewer than 5', '')).not.toMatch(/\d/);
        } else {
          expect(cell('participation_rate', key, 'numerator')?.getAttribute('data-value')).toBe(String(r.numerator));
          expect(cell('participation_rate', key, 'denominator')?.getAttribute('data-value')).toBe(String(r.denominator));
        }
      }
      const figure = $('figure[data-testid="figure-participation_rate"]');
      expect(figure?.getAttribute('role')).toBe('figure');
      expect(figure?.getAttribute('aria-label')).toBe('Participation rate by gender, 2025-Q2');
      expect(figure?.querySelector('svg')).not.toBeNull();
      expect($('h1.page-title')?.textContent).toBe('Participation');
    });
  });

  it('runs the page\'s models again when a control changes, keeps it in the URL, and does not refetch a chart the control does not affect', async () => {
    await withTempWorkspace(async (ws) => {
      await loadMentoring(ws);
      const { call, methods } = inProcess(ws);
      await mount(call, '/?page=participation');
      await until(ready, 'the participation page');
      const before = methods.filter((m) => m === 'runModel').length;
      const k = container.querySelector<HTMLInputElement>('input[name="k"]')!;
      await act(async () => {
        const set = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
        set.call(k, '3');
        k.dispatchEvent(new Event('input', { bubbles: true }));
      });
      await until(() => new URLSearchParams(location.search).get('k') === '3', 'k in the URL');
      await until(ready, 'the page at k = 3');
      expect(methods.filter((m) => m === 'runModel').length).toBeGreaterThan(before);
      // At k = 3 the two non-binary people are still hidden, the one person without a recorded gender too.
      expect(cell('participation_rate', 'all-Non-binary', 'numerator')?.textContent).toBe('fewer than 3');

      // participation_rate declares no layer parameter: choosing a layer refetches only the models that take it.
      const counted = methods.filter((m) => m === 'runModel').length;
      const layer = container.querySelector<HTMLSelectElement>('select[name="layer"]')!;
      await act(async () => { layer.value = 'peer'; layer.dispatchEvent(new Event('change', { bubbles: true })); });
      await until(() => new URLSearchParams(location.search).get('layer') === 'peer', 'layer in the URL');
      await until(ready, 'the page for peer networks');
      // Only participation_by_program takes a layer (3 single-period runs for its comparisons + the combined result = 1 call).
      expect(methods.filter((m) => m === 'runModel').length - counted).toBe(1);
      expect($('[data-testid="panel-participation_rate"] [data-testid="ignored-controls"]')?.textContent).toContain('Not filtered by layer');
    });
  });

  it('says which file would enable a chart whose inputs are missing, and shows a failing model\'s error in its place while the rest of the page works', async () => {
    await withTempWorkspace(async (ws) => {
      await loadMentoring(ws, ['people', 'programs', 'enrollments', 'matches', 'sessions', 'session_attendees', 'goals']);
      // A goals table whose status column has gone: goal_progress fails, nothing else reads it.
      await ws.write(async (c) => { await c.run('ALTER TABLE goals RENAME COLUMN status TO status_gone'); });
      await mount(inProcess(ws).call, '/?page=programs&program=P1');
      await until(ready, 'the programs page');
      expect($('[data-testid="panel-program_feedback"] [data-testid="notice-needs-data"]')?.textContent).toMatch(/needs feedback data \(import a feedback file\)/);
      expect($('[data-testid="panel-program_goals"] [role="alert"]')?.textContent).toMatch(/Progress toward goals failed/);
      expect($('[data-testid="panel-program_engagement"] figure svg')).not.toBeNull();
    });
  });

  it('offers the demo or an import when the workspace is empty, and runs no model', async () => {
    await withTempWorkspace(async (ws) => {
      const { call, methods } = inProcess(ws);
      await mount(call);
      expect($('[data-testid="first-run"]')?.textContent).toContain('This workspace has no data yet');
      expect($('[data-testid="first-run"]')?.textContent).toContain('npm start');
      expect($('[data-testid="first-run"] a')?.textContent).toBe('Go to Data');
      expect(methods).not.toContain('runModel');
    });
  });
});
