import type { Workspace } from './workspace';

/**
 * A value read from a workspace, kept until its next committed write: for small facts every
 * model run asks (the fiscal year, the latest roster date, whether a table is empty). A read
 * that fails is forgotten, so the next caller tries again.
 */
export function perDataVersion<T>(): (ws: Workspace, key: string, read: () => Promise<T>) => Promise<T> {
  const known = new WeakMap<Workspace, { version: number; values: Map<string, Promise<T>> }>();
  return (ws, key, read) => {
    let entry = known.get(ws);
    if (!entry || entry.version !== ws.dataVersion) known.set(ws, (entry = { version: ws.dataVersion, values: new Map() }));
    let value = entry.values.get(key);
    if (!value) {
      value = read();
      const values = entry.values;
      values.set(key, value);
      value.catch(() => { if (values.get(key) === value) values.delete(key); });
    }
    return value;
  };
}
