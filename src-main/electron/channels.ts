/**
 * The two IPC channels between the preload and the main process. Kept in a file with no
 * imports so that the sandboxed preload bundle pulls in nothing else.
 */
export const INVOKE_CHANNEL = 'atelier:invoke';
export const EVENT_CHANNEL = 'atelier:event';
