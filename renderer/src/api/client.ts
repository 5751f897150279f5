import type { FileRef, InvokeOptions, MethodInput, MethodName, MethodOutput, Transport } from '../../../src/api/contract';
import { ApiError } from './apiError';
import { cancelledError } from './cancelled';
import { chooseTransport } from './transport';

export type Call = (<M extends MethodName>(method: M, input: MethodInput<M>, options?: InvokeOptions) => Promise<MethodOutput<M>>) & {
  /** Hands the core a file the user chose; later calls name it by the returned fileId. Absent where the transport cannot carry files. */
  upload?: (name: string, bytes: Uint8Array) => Promise<FileRef>;
};

/**
 * A typed client over any transport: resolves with the method's output, throws an ApiError
 * (code, message, where) when the core answers ok:false. Inputs are validated by the core's
 * schemas on the other side; the renderer does not bundle zod (its JIT probes `new Function`,
 * which the CSP forbids). An aborted call rejects with a cancellation at once, whatever the
 * transport does with it.
 */
export function createClient(transport: Transport): Call {
  const call: Call = async <M extends MethodName>(method: M, input: MethodInput<M>, options?: InvokeOptions): Promise<MethodOutput<M>> => {
    const signal = options?.signal;
    if (signal?.aborted) throw cancelledError();
    const invoked = transport.invoke(method, input, options);
    const reply = signal
      ? await new Promise<Awaited<typeof invoked>>((resolve, reject) => {
        const onAbort = () => reject(cancelledError());
        signal.addEventListener('abort', onAbort, { once: true });
        invoked.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
      })
      : await invoked;
    if (signal?.aborted) throw cancelledError();
    if (!reply.ok) throw new ApiError(reply.error);
    return reply.value as MethodOutput<M>;
  };
  if (transport.upload) {
    const upload = transport.upload.bind(transport);
    call.upload = async (name, bytes) => {
      const reply = await upload(name, bytes);
      if (!reply.ok) throw new ApiError(reply.error);
      return reply.value;
    };
  }
  return call;
}

let defaultCall: Call | undefined;

/** The app's client, on the transport of wherever this page runs. */
export const call: Call = (method, input, options) => (defaultCall ??= createClient(chooseTransport()))(method, input, options);
