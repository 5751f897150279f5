import type { z } from 'zod';
import type { Workspace } from '../workspace/workspace';
import { api, type Api, type MethodName, type MethodOutput, type Reply, isMethodName } from './contract';
import { toErrorInfo, PathwaysError } from '../errors';
import { workspaceInfo } from './workspaceInfo';
import { loadModels } from '../models/registry';
import { runModel, resultToArrow, missingInputs, needsMessage } from '../models/runModel';

type Handlers = { [M in MethodName]: (input: z.output<Api[M]['input']>) => Promise<MethodOutput<M>> };

/** The core behind the contract, for one open workspace. Knows nothing of Electron or HTTP. */
export function createCore(ws: Workspace): Handlers {
  return {
    info: () => workspaceInfo(ws),
    listModels: async () => {
      const out = [];
      for (const m of loadModels().models.values()) {
        const missing = await missingInputs(ws, m);
        out.push({
          name: m.header.name, title: m.header.title, question: m.header.question, area: m.header.area, kind: m.header.kind,
          requires: m.header.requires, available: missing.length === 0, ...(missing.length ? { needs: needsMessage(missing) } : {}),
        });
      }
      return out;
    },
    runModel: async ({ model, params }) => resultToArrow(await runModel(ws, model, params)),
  };
}

/**
 * The one entry point both adapters call: validates the method name and the input with the
 * contract's schema, runs the handler, and turns any failure into an error value.
 */
export async function dispatch(core: Handlers, method: unknown, input: unknown): Promise<Reply<unknown>> {
  try {
    if (!isMethodName(method)) throw new PathwaysError('BAD_REQUEST', `unknown method ${JSON.stringify(String(method)).slice(0, 80)}`);
    const parsed = api[method].input.parse(input ?? {});
    const handler = core[method] as (i: unknown) => Promise<unknown>;
    return { ok: true, value: await handler(parsed) };
  } catch (err) {
    return { ok: false, error: toErrorInfo(err) };
  }
}

export type Core = Handlers;
