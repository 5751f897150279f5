// @vitest-environment jsdom
import { describe, it, expect } from 'vitest';
import { ViewStatus } from '../../../renderer/src/data/viewStatus';

const frame = () => new Promise((r) => setTimeout(r, 50));

describe('the page\'s view status', () => {
  it('announces the view ready, once, when no chart is left pending', async () => {
    const status = new ViewStatus(window);
    const events: string[] = [];
    addEventListener('pathways:ready', (e) => events.push((e as CustomEvent<{ view: string }>).detail.view));
    history.replaceState(null, '', '/?page=access');
    status.pending('a');
    status.pending('b');
    expect(document.documentElement.dataset.viewState).toBe('loading');
    status.done('a');
    await frame();
    expect(events).toEqual([]);
    status.done('b');
    status.done('b');
    await frame();
    expect(document.documentElement.dataset.viewState).toBe('ready');
    expect(events).toEqual(['?page=access']);
    expect(status.counts).toEqual({ pending: 0, total: 2 });
  });

  it('does not announce a view whose chart became pending again before the frame', async () => {
    const status = new ViewStatus(window);
    let count = 0;
    const on = () => { count++; };
    addEventListener('pathways:ready', on);
    status.pending('a');
    status.done('a');
    status.pending('a');
    await frame();
    expect(count).toBe(0);
    status.remove('a');
    await frame();
    expect(count).toBe(1);
    removeEventListener('pathways:ready', on);
  });
});
