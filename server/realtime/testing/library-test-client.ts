import { io, type Socket } from "socket.io-client";
import msgpackParser from "socket.io-msgpack-parser";
import {
  LIBRARY_NAMESPACE,
  type LibraryAckError,
  type LibraryChangedPayload,
  type LibraryClientToServerEvents,
  type LibraryServerToClientEvents,
} from "@/lib/realtime/library-protocol";

type LibraryTestSocket = Socket<LibraryServerToClientEvents, LibraryClientToServerEvents>;

/**
 * A `/library` client for tests: records every `library:changed` and `library:revoked` it gets,
 * and lets a test wait for the next matching one as an event (no sleeps).
 */
export class LibraryTestClient {
  readonly changes: LibraryChangedPayload[] = [];
  readonly revoked: string[] = [];
  private readonly waiters = new Set<() => void>();

  private constructor(readonly socket: LibraryTestSocket) {
    socket.on("library:changed", (payload) => {
      this.changes.push(payload);
      for (const waiter of [...this.waiters]) waiter();
    });
    socket.on("library:revoked", ({ workspaceId }) => {
      this.revoked.push(workspaceId);
      for (const waiter of [...this.waiters]) waiter();
    });
  }

  /** Connects with an API token to `${url}/library`. */
  static async connect(url: string, token: string): Promise<LibraryTestClient> {
    const socket: LibraryTestSocket = io(`${url}${LIBRARY_NAMESPACE}`, {
      transports: ["websocket"],
      parser: msgpackParser,
      auth: { token },
      reconnection: false,
      forceNew: true,
    });
    await new Promise<void>((resolve, reject) => {
      socket.once("connect", resolve);
      socket.once("connect_error", reject);
    });
    return new LibraryTestClient(socket);
  }

  /** Emits `library:watch` and resolves with its ack. */
  watch(workspaceId: string): Promise<{ ok: true } | LibraryAckError> {
    return this.socket.timeout(5000).emitWithAck("library:watch", { workspaceId });
  }

  /** Emits `library:unwatch` and resolves with its ack. */
  unwatch(workspaceId: string): Promise<{ ok: true } | LibraryAckError> {
    return this.socket.timeout(5000).emitWithAck("library:unwatch", { workspaceId });
  }

  /** Resolves once `check` holds for what arrived (checked now and after each event), or rejects after `ms`. */
  until(check: () => boolean, ms = 5000): Promise<void> {
    return new Promise((resolve, reject) => {
      const waiter = () => {
        if (!check()) return;
        clearTimeout(timer);
        this.waiters.delete(waiter);
        resolve();
      };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new Error(`condition not met within ${ms} ms`));
      }, ms);
      this.waiters.add(waiter);
      waiter();
    });
  }

  /** Changes received about `recordId`. */
  changesOf(recordId: string): LibraryChangedPayload[] {
    return this.changes.filter((change) => change.recordId === recordId);
  }

  close(): void {
    this.socket.disconnect();
  }
}
