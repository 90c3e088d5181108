import { io, type Socket } from "socket.io-client";
import msgpackParser from "socket.io-msgpack-parser";

/** How a client reaches and authenticates to a Parallax Socket.io namespace. */
export interface OpenSocketOptions {
  /** Server origin; default: the page's own origin (browser). */
  url?: string;
  /** API token (scripts, tests); browsers authenticate with their session cookie instead. */
  token?: string;
  /** Extra handshake headers (Node clients, e.g. a session cookie in tests). */
  headers?: Record<string, string>;
  /** Connect at once (default) or wait for `socket.connect()`. */
  autoConnect?: boolean;
}

/**
 * A Socket.io connection to one namespace with the server's wire settings: WebSocket only and
 * the msgpack parser (a binary message is one frame). Reconnection is the caller's (with its own
 * backoff and re-join logic), and every call gets its own connection.
 */
export function openSocket(namespace: string, options: OpenSocketOptions): Socket {
  return io(options.url ? new URL(namespace, options.url).href : namespace, {
    transports: ["websocket"],
    parser: msgpackParser,
    auth: options.token ? { token: options.token } : {},
    extraHeaders: options.headers,
    reconnection: false,
    forceNew: true,
    autoConnect: options.autoConnect ?? true,
  });
}
