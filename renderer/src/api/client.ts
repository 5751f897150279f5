import type { FileRef, MethodInput, MethodName, MethodOutput, Transport } from '../../../src/api/contract';
import { ApiError } from './apiError';
import { chooseTransport } from './transport';

export type Call = (<M extends MethodName>(method: M, input: MethodInput<M>) => Promise<MethodOutput<M>>) & {
  /** Hands the core a file the user chose; later calls name it by the returned fileId. Absent where the transport cannot carry files. */
  upload?: (name: string, bytes: Uint8Array) => Promise<FileRef>;
};

/**
 * A typed client over any transport: resolves with the method's output, throws an ApiError
 * (code, message, where) when the core answers ok:false. Inputs are validated by the core's
 * schemas on the other side; the renderer does not bundle zod (its JIT probes `new Function`,
 * which the CSP forbids).
 */
export function createClient(transport: Transport): Call {
  const call: Call = async <M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> => {
    const reply = await transport.invoke(method, input);
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
export const call: Call = (method, input) => (defaultCall ??= createClient(chooseTransport()))(method, input);
