import type { Namespace, Socket } from "socket.io";
import type { CollabClientToServerEvents, CollabServerToClientEvents, JoinResult } from "@/lib/collab/protocol";
import type { Actor } from "../auth/actor";
import type { CollabConfig } from "./collab-config";
import type { TokenBucket } from "./connection-limits";
import type { DocumentRegistry } from "./document-registry";
import type { LiveDocument } from "./live-document";
import type { CollabIdentity } from "./user-color";

/** A document as one connection sees it: its role there and the awareness clients it speaks for. */
export interface JoinedDocument {
  documentId: string;
  workspaceId: string;
  role: JoinResult["role"];
  readOnly: boolean;
  /** The assessment is archived or published: read-only whatever the role. */
  locked: boolean;
  /** Awareness client ids this connection announced; only it may update or remove them. */
  awarenessClients: Set<number>;
  live: LiveDocument;
}

/** Per-connection state, kept on `socket.data.collab`. */
export interface ConnectionState {
  identity: CollabIdentity;
  joined: Map<string, JoinedDocument>;
  /** Joins in flight, counted against the document limit and guarded against doubles. */
  joining: Set<string>;
  bucket: TokenBucket;
}

export interface CollabSocketData {
  /** Set by the handshake middleware (`io.use`) before any handler runs. */
  actor: Actor;
  collab?: ConnectionState;
}

// biome-ignore lint/complexity/noBannedTypes: Socket.io's "no inter-server events" type.
type NoEvents = {};

export type CollabSocket = Socket<CollabClientToServerEvents, CollabServerToClientEvents, NoEvents, CollabSocketData>;
export type CollabNamespace = Namespace<
  CollabClientToServerEvents,
  CollabServerToClientEvents,
  NoEvents,
  CollabSocketData
>;

/** Who caused a Yjs transaction; decides where its update is broadcast, relayed and stored. */
export type UpdateOrigin =
  | { kind: "client"; socketId: string }
  | { kind: "relay" }
  /** `userId`: the sender recorded with the stored update row, when the update is one. */
  | { kind: "reconcile"; userId?: string | null }
  | { kind: "load" }
  | { kind: "leave" };

/** What connection handlers share: settings, the namespace and the loaded documents. */
export interface CollabContext {
  config: CollabConfig;
  namespace: CollabNamespace;
  registry: DocumentRegistry;
  /** Set while shutting down: new updates are refused with `not_saved` so clients keep them. */
  closing: boolean;
}
