/**
 * The address of a command under the web host: `/rpc/<name>`, the name percent-encoded (so
 * `attachments:add` travels as `attachments%3Aadd`). The renderer's web transport builds every
 * command's address with this, and the host's tests send to exactly these addresses; the host
 * decodes the name before routing (src-main/web/server.ts), so both spellings reach the same
 * route and the same body limit.
 */
export function rpcPath(name: string): string {
  return `/rpc/${encodeURIComponent(name)}`;
}
