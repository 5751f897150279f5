import { describe, it, expect, vi } from 'vitest';

const electron = vi.hoisted(() => ({
  contextBridge: { exposeInMainWorld: vi.fn() },
  ipcRenderer: { invoke: vi.fn(async () => ({ ok: true, value: 'answer' })), send: vi.fn(), on: vi.fn() },
}));
vi.mock('electron', () => electron);

describe('preload', () => {
  it('exposes window.pathways with invoke, cancel and upload and nothing else', async () => {
    await import('../../electron/preload');
    expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
    const [key, bridge] = electron.contextBridge.exposeInMainWorld.mock.calls[0] as unknown as [string, Record<string, unknown>];
    expect(key).toBe('pathways');
    expect(Object.keys(bridge)).toEqual(['invoke', 'cancel', 'upload']);
    expect(Object.values(bridge).includes(electron.ipcRenderer)).toBe(false);
  });

  it('forwards invoke on the one channel and nowhere else', async () => {
    await import('../../electron/preload');
    const bridge = electron.contextBridge.exposeInMainWorld.mock.calls[0][1] as unknown as { invoke(m: string, i: unknown): Promise<unknown> };
    await expect(bridge.invoke('info', {})).resolves.toEqual({ ok: true, value: 'answer' });
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith('pathways:invoke', 'info', {}, undefined);
    expect(electron.ipcRenderer.send).not.toHaveBeenCalled();
    expect(electron.ipcRenderer.on).not.toHaveBeenCalled();
  });

  it('forwards upload on its own channel with the name and bytes', async () => {
    await import('../../electron/preload');
    const bridge = electron.contextBridge.exposeInMainWorld.mock.calls[0][1] as unknown as { upload(n: string, b: Uint8Array): Promise<unknown> };
    const bytes = new Uint8Array([1, 2, 3]);
    await bridge.upload('roster.csv', bytes);
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith('pathways:upload', 'roster.csv', bytes);
  });

  it('forwards a cancel for a call id as a one-way message on its own channel', async () => {
    await import('../../electron/preload');
    const bridge = electron.contextBridge.exposeInMainWorld.mock.calls[0][1] as unknown as { invoke(m: string, i: unknown, id?: string): Promise<unknown>; cancel(id: string): void };
    await bridge.invoke('runModel', { model: 'pipeline' }, 'c0ffee00-0000-4000-8000-000000000000');
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith('pathways:invoke', 'runModel', { model: 'pipeline' }, 'c0ffee00-0000-4000-8000-000000000000');
    bridge.cancel('c0ffee00-0000-4000-8000-000000000000');
    expect(electron.ipcRenderer.send).toHaveBeenCalledWith('pathways:cancel', 'c0ffee00-0000-4000-8000-000000000000');
  });
});
