import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import { createClient } from "redis";
import { logger } from "../logger";

/**
 * What a relay message carries: a Yjs update, an awareness update, or the credit for judgement
 * edits an update carries (who touched which judgement blocks; sent before that update), of one
 * document.
 */
export type RelayKind = "update" | "awareness" | "credit";
export type RelayHandler = (kind: RelayKind, payload: Uint8Array) => void;

/** Cross-process fan-out of document traffic. */
export interface DocumentRelay {
  /** Starts receiving other processes' messages for a document; resolves once subscribed. */
  subscribe(documentId: string, handler: RelayHandler): Promise<void>;
  unsubscribe(documentId: string, handler: RelayHandler): Promise<void>;
  /** Sends to every other process that has the document open. Fire and forget. */
  publish(documentId: string, kind: RelayKind, payload: Uint8Array): void;
  close(): Promise<void>;
}

// Append only: the index is the wire code, and a process that does not know a kind ignores it.
const KINDS: RelayKind[] = ["update", "awareness", "credit"];

function channel(documentId: string): string {
  return `parallax:collab:${documentId}`;
}

/**
 * A relay over Redis pub/sub, one channel per document, so a process only receives traffic of
 * the documents it has open. Pub/sub is at-most-once (a reconnect or a slow subscriber drops
 * messages): reconciliation against the update log repairs what is lost.
 */
export async function createRedisRelay(options: { url: string; processId: string }): Promise<DocumentRelay> {
  const publisher = createClient({ url: options.url });
  const subscriber = publisher.duplicate();
  for (const client of [publisher, subscriber]) {
    client.on("error", (err: unknown) => logger().error({ err }, "collab relay redis error"));
  }
  await Promise.all([publisher.connect(), subscriber.connect()]);
  // One wrapper per handler, so unsubscribe removes exactly that listener: a document unloaded
  // and loaded again at once must not lose its new subscription to the old one's removal.
  const wrappers = new Map<RelayHandler, (message: Buffer) => void>();

  return {
    async subscribe(documentId, handler) {
      const listener = (message: Buffer) => {
        try {
          const decoder = decoding.createDecoder(new Uint8Array(message.buffer, message.byteOffset, message.length));
          if (decoding.readVarString(decoder) === options.processId) return;
          const kind = KINDS[decoding.readVarUint(decoder)];
          if (kind) handler(kind, decoding.readVarUint8Array(decoder));
        } catch (error) {
          logger().error({ err: error, documentId }, "bad collab relay message");
        }
      };
      wrappers.set(handler, listener);
      const subscribed = subscriber.subscribe(channel(documentId), listener, true);
      // While Redis is down node-redis queues the command until it reconnects: the document must
      // still open (served from this process; reconciliation catches up), so do not wait then.
      if (subscriber.isReady) await subscribed;
      else subscribed.catch((err: unknown) => logger().warn({ err, documentId }, "collab relay subscribe failed"));
    },
    async unsubscribe(documentId, handler) {
      const listener = wrappers.get(handler);
      wrappers.delete(handler);
      if (!listener || !subscriber.isOpen) return;
      subscriber.unsubscribe(channel(documentId), listener, true).catch((err: unknown) => {
        logger().warn({ err, documentId }, "collab relay unsubscribe failed");
      });
    },
    publish(documentId, kind, payload) {
      const encoder = encoding.createEncoder();
      encoding.writeVarString(encoder, options.processId);
      encoding.writeVarUint(encoder, KINDS.indexOf(kind));
      encoding.writeVarUint8Array(encoder, payload);
      const message = Buffer.from(encoding.toUint8Array(encoder));
      publisher.publish(channel(documentId), message).catch((err: unknown) => {
        logger().warn({ err, documentId }, "collab relay publish failed; reconciliation will repair");
      });
    },
    async close() {
      await Promise.all([publisher.quit().catch(() => {}), subscriber.quit().catch(() => {})]);
    },
  };
}
