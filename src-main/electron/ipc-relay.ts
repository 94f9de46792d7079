/**
 * The main process's side of the IPC: relays `atelier:invoke` to the core only when it comes
 * from the main frame of our window showing app://atelier, and forwards core events to it.
 * Like the web host, it answers with a Result and never throws across the wire.
 */
import { MAX_COMMAND_NAME } from '#shared/contract.js';
import { fail, type Result } from '#shared/result.js';
import type { CoreClient } from '#core/core-client.js';
import { isAppUrl } from './app-origin.js';
import { EVENT_CHANNEL } from './channels.js';

/** The parts of Electron's WebFrameMain, WebContents and IpcMainInvokeEvent we read. */
export interface FrameLike {
  readonly url: string;
  readonly parent: unknown;
}
export interface TrustedContents {
  readonly mainFrame: FrameLike;
}
export interface InvokeEventLike {
  readonly sender: unknown;
  readonly senderFrame: FrameLike | null;
}

export function isTrustedSender(event: InvokeEventLike, trusted: TrustedContents | null | undefined): boolean {
  if (!trusted || event.sender !== trusted) return false;
  const frame = event.senderFrame;
  // null when the frame navigated away or was destroyed after sending: not trusted.
  if (!frame) return false;
  if (frame !== trusted.mainFrame || frame.parent !== null) return false;
  return isAppUrl(frame.url);
}

export interface InvokeHandlerOptions {
  core: Pick<CoreClient, 'invoke'>;
  /** Our window's webContents, or null before it exists / after it closed. */
  trustedContents: () => TrustedContents | null | undefined;
  onRefused?: (reason: string) => void;
}

export function createInvokeHandler({ core, trustedContents, onRefused }: InvokeHandlerOptions) {
  return async (event: InvokeEventLike, name: unknown, input: unknown): Promise<Result<unknown>> => {
    if (!isTrustedSender(event, trustedContents())) {
      onRefused?.('untrusted sender');
      return fail('forbidden', 'IPC refused: the sender is not the main frame of the Atelier window');
    }
    if (typeof name !== 'string' || name.length === 0 || name.length > MAX_COMMAND_NAME) {
      return fail('unknown_command', 'Command names are non-empty strings of at most 64 characters');
    }
    try {
      return await core.invoke(name, input);
    } catch (error) {
      return fail('internal', error instanceof Error ? error.message : String(error));
    }
  };
}

export interface EventSink {
  send(channel: string, ...args: unknown[]): void;
  isDestroyed(): boolean;
}

/** Forwards every core event to the window; returns the unsubscribe function. */
export function forwardCoreEvents(core: Pick<CoreClient, 'onEvent'>, target: () => EventSink | null | undefined): () => void {
  return core.onEvent((name, payload) => {
    const contents = target();
    if (contents && !contents.isDestroyed()) contents.send(EVENT_CHANNEL, name, payload);
  });
}
