import type { BenchOptions, BenchSizes, Workload } from "./bench-options";
import type { BenchResults } from "./bench-results";
import type { ClientTarget } from "./peer-client";
import type { Peer } from "./peers";
import type { PeerProcess } from "./spawn-peer";
import type { StoredDocuments } from "./stored-documents";

/** What every workload runner gets. */
export interface WorkloadContext {
  options: BenchOptions;
  sizes: BenchSizes;
  peers: Peer[];
  stored: StoredDocuments;
  results: BenchResults;
  log: (line: string) => void;
}

/** The peers that take part in the comparisons (ours without persistence only in `durability`). */
export function comparedPeers(context: WorkloadContext): Peer[] {
  return context.peers.filter((peer) => peer.id !== "parallax-memory");
}

/** How clients reach a running peer process. */
export function targetOf(peer: Peer, server: PeerProcess): ClientTarget {
  return { endpoint: { protocol: peer.protocol, url: server.url }, tokens: peer.tokens };
}

/** Runs `work` against a fresh process of `peer`, stopped afterwards whatever happens. */
export async function withPeer<T>(
  peer: Peer,
  work: (server: PeerProcess) => Promise<T>,
  env?: Record<string, string>,
): Promise<T> {
  const server = await peer.start(env);
  try {
    return await work(server);
  } finally {
    await server.stop();
  }
}

/**
 * Runs one measurement; a failure is recorded with the results (and logged) instead of ending the
 * run, so one peer's crash does not cost the other figures. Resolves to undefined on failure.
 */
export async function attempt<T>(
  context: WorkloadContext,
  workload: Workload,
  peer: Peer | undefined,
  work: () => Promise<T>,
): Promise<T | undefined> {
  try {
    return await work();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    context.log(`ERROR ${workload} ${peer?.id ?? ""}: ${message}`);
    context.results.errors.push({ workload, peer: peer?.id ?? "-", message });
    return undefined;
  }
}
