import type { Event } from "socket.io";
import { CollabFault, refuse } from "./collab-fault";
import type { CollabSocket } from "./collab-types";
import { takeAck } from "./inbound-args";

/**
 * A token bucket: `ratePerSecond` tokens refill continuously up to `capacity`. Each inbound
 * message takes one; an empty bucket means the message is refused, so one noisy connection cannot
 * monopolise the event loop.
 */
export class TokenBucket {
  private tokens: number;
  private refilledAt: number;

  constructor(
    private readonly ratePerSecond: number,
    private readonly capacity: number = ratePerSecond * 2,
  ) {
    this.tokens = capacity;
    this.refilledAt = performance.now();
  }

  /** Takes one token; false when none is left. */
  take(now: number = performance.now()): boolean {
    const elapsed = Math.max(0, now - this.refilledAt) / 1000;
    this.tokens = Math.min(this.capacity, this.tokens + elapsed * this.ratePerSecond);
    this.refilledAt = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

/**
 * Socket middleware that spends one token per inbound event before any handler decodes it. An
 * over-limit event is answered with `rate_limited` (ack and `doc:error`) and dropped; the
 * connection stays, and the client resends unacknowledged updates later.
 */
export function limitMessageRate(socket: CollabSocket, bucket: TokenBucket): (event: Event, next: () => void) => void {
  return ([, ...args], next) => {
    if (bucket.take()) return next();
    refuse(socket, documentIdOf(args[0]), new CollabFault("rate_limited"), takeAck(args));
  };
}

/** The document an event is about, for `doc:error` (the first argument or its `documentId`). */
function documentIdOf(value: unknown): string | null {
  if (typeof value === "string") return value.slice(0, 64);
  const documentId = (value as { documentId?: unknown } | null)?.documentId;
  return typeof documentId === "string" ? documentId.slice(0, 64) : null;
}
