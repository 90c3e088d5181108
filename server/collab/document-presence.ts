import * as awarenessProtocol from "y-protocols/awareness";
import { logger } from "../logger";
import { type AwarenessEntry, encodeAwarenessUpdate } from "./awareness-messages";
import { CollabFault } from "./collab-fault";
import type { UpdateOrigin } from "./collab-types";
import type { LiveDocument } from "./live-document";

/** A tab speaks for one awareness client per document; a few more leave room for odd clients. */
const MAX_CLIENTS_PER_CONNECTION = 8;

interface AwarenessChanges {
  added: number[];
  updated: number[];
  removed: number[];
}

/**
 * Presence of one document: the y-protocols Awareness every connection's carets and names live
 * in. Each awareness client id belongs to the connection that first announced it, so one
 * connection cannot overwrite or remove another's presence; identities were stamped from the
 * session before entries get here.
 */
export class DocumentPresence {
  readonly awareness: awarenessProtocol.Awareness;
  private readonly owners = new Map<number, string>();

  constructor(private readonly live: LiveDocument) {
    this.awareness = new awarenessProtocol.Awareness(live.doc);
    // The server itself is not a participant: no state of its own to broadcast or renew.
    this.awareness.setLocalState(null);
    this.awareness.on("update", this.handleUpdate);
  }

  /** Applies a connection's (already identity-stamped) awareness entries. */
  applyClient(entries: readonly AwarenessEntry[], socketId: string, claimed: Set<number>): void {
    for (const entry of entries) {
      const owner = this.owners.get(entry.clientId);
      if (owner !== undefined && owner !== socketId) {
        throw new CollabFault("forbidden", "That awareness client belongs to another connection.");
      }
    }
    // Claims last as long as the connection: without a cap, one connection announcing ever new
    // client ids would grow the owners map (and the states held for 30 s) without bound.
    const claiming = new Set(entries.map((entry) => entry.clientId).filter((clientId) => !claimed.has(clientId)));
    if (claimed.size + claiming.size > MAX_CLIENTS_PER_CONNECTION) {
      throw new CollabFault(
        "forbidden",
        `One connection may speak for at most ${MAX_CLIENTS_PER_CONNECTION} awareness clients per document.`,
      );
    }
    for (const entry of entries) {
      this.owners.set(entry.clientId, socketId);
      claimed.add(entry.clientId);
    }
    const origin: UpdateOrigin = { kind: "client", socketId };
    awarenessProtocol.applyAwarenessUpdate(this.awareness, encodeAwarenessUpdate(entries), origin);
  }

  /** Applies presence relayed from another process. */
  applyRemote(update: Uint8Array): void {
    try {
      awarenessProtocol.applyAwarenessUpdate(this.awareness, update, { kind: "relay" });
    } catch (error) {
      logger().error({ err: error, documentId: this.live.id }, "relayed awareness failed to apply");
    }
  }

  /** Removes a leaving connection's presence, here and on every other process. */
  removeClients(clientIds: Iterable<number>, socketId: string): void {
    const owned = [...clientIds].filter((clientId) => this.owners.get(clientId) === socketId);
    for (const clientId of owned) this.owners.delete(clientId);
    if (owned.length > 0) awarenessProtocol.removeAwarenessStates(this.awareness, owned, { kind: "leave" });
  }

  /** Every current state, for a joining connection; null when nobody is present. */
  encodeAll(): Uint8Array | null {
    const clients = [...this.awareness.getStates().keys()];
    return clients.length > 0 ? awarenessProtocol.encodeAwarenessUpdate(this.awareness, clients) : null;
  }

  destroy(): void {
    this.awareness.off("update", this.handleUpdate);
    this.awareness.destroy();
  }

  private readonly handleUpdate = (changes: AwarenessChanges, origin: unknown): void => {
    const clients = [...changes.added, ...changes.updated, ...changes.removed];
    if (clients.length === 0) return;
    const update = awarenessProtocol.encodeAwarenessUpdate(this.awareness, clients);
    // Origins are ours (UpdateOrigin) or y-protocols' own strings ("timeout" for states not
    // renewed for 30 s, which every process expires by itself).
    const kind = (origin as Partial<UpdateOrigin> | null)?.kind;
    const sender = kind === "client" ? (origin as { socketId: string }).socketId : null;
    this.live.broadcast.presence(update, sender, kind === "client" || kind === "leave");
  };
}
