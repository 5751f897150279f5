/**
 * The single IPC channel between the renderer and the main process. It lives in its own
 * module so the preload bundle can share the name without pulling in the core.
 */
export const INVOKE_CHANNEL = 'pathways:invoke';

/** The channel that hands the core a file the user chose (its name and bytes). */
export const UPLOAD_CHANNEL = 'pathways:upload';

/** A one-way message: the renderer no longer waits for the call with this id, so its work may stop. */
export const CANCEL_CHANNEL = 'pathways:cancel';
