import { BenchClient, ParallaxConnection } from "./bench-client";
import type { Endpoint, JoinedDocument, PeerConnection } from "./client-types";
import { HocuspocusConnection } from "./hocuspocus-client";
import { YWebsocketConnection } from "./y-websocket-client";

/** What a workload needs to connect simulated clients to one peer. */
export interface ClientTarget {
  endpoint: Endpoint;
  /** Credentials used round-robin (ours: API tokens of seeded analysts; Hocuspocus: any string). */
  tokens: string[];
}

/**
 * Connects one simulated client to one document of a peer, through that peer's adapter; the
 * transport is open (and, on ours, the handshake authenticated) but the document not yet joined.
 */
export async function connectClient(target: ClientTarget, documentId: string, index: number): Promise<PeerConnection> {
  const token = target.tokens[index % target.tokens.length] ?? "bench";
  const { protocol, url } = target.endpoint;
  if (protocol === "parallax") return new ParallaxConnection(await BenchClient.connect(url, token), documentId);
  if (protocol === "hocuspocus") return HocuspocusConnection.connect(url, documentId, token, index);
  return YWebsocketConnection.connect(url, documentId, index);
}

/**
 * Connects `count` clients, `concurrency` handshakes at a time; `documentFor(i)` names each one's
 * document, and `target` may be chosen per client too (scale-out: one of several processes).
 */
export async function connectClients(
  target: ClientTarget | ((index: number) => ClientTarget),
  count: number,
  documentFor: (index: number) => string,
  concurrency = 50,
): Promise<PeerConnection[]> {
  const targetFor = typeof target === "function" ? target : () => target;
  const connections: PeerConnection[] = [];
  for (let start = 0; start < count; start += concurrency) {
    const batch = Array.from({ length: Math.min(concurrency, count - start) }, (_, offset) =>
      connectClient(targetFor(start + offset), documentFor(start + offset), start + offset),
    );
    connections.push(...(await Promise.all(batch)));
  }
  return connections;
}

/** Joins every connection, `concurrency` at a time (all at once with `Infinity`). */
export async function joinClients(
  connections: PeerConnection[],
  options: { presence: boolean },
  concurrency = 50,
): Promise<JoinedDocument[]> {
  const joined: JoinedDocument[] = [];
  for (let start = 0; start < connections.length; start += concurrency) {
    const batch = connections.slice(start, start + concurrency);
    joined.push(...(await Promise.all(batch.map((connection) => connection.join(options)))));
  }
  return joined;
}

/** Closes every connection. */
export function closeClients(connections: PeerConnection[]): void {
  for (const connection of connections) connection.close();
}
