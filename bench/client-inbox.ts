import { performance } from "node:perf_hooks";
import type { JoinOptions } from "./client-types";

/**
 * The incoming side of one joined document in a bench client. It tells the workload when the
 * server's initial state (sync step 2) has fully arrived, before the client applies it, and in a
 * join storm it holds every message until all clients have theirs: the storm's clients share this
 * process, and applying a 1 MB document fifty times in a row would otherwise make the last
 * client's figure mostly the other clients' CPU time.
 */
export class ClientInbox {
  private held: (() => void)[] | null = null;
  private onStateReceived: ((at: number) => void) | undefined;

  constructor(options: JoinOptions) {
    this.onStateReceived = options.onStateReceived;
    if (options.holdUntil) {
      const held: (() => void)[] = [];
      this.held = held;
      void options.holdUntil.then(() => {
        this.held = null;
        for (const handle of held) handle();
      });
    }
  }

  /** Handles (or holds) one message; `isState` says whether it is the server's sync step 2. */
  deliver(isState: boolean, handle: () => void): void {
    if (isState && this.onStateReceived) {
      this.onStateReceived(performance.now());
      this.onStateReceived = undefined;
    }
    if (this.held) this.held.push(handle);
    else handle();
  }
}
