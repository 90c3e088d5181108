import { randomUUID } from "node:crypto";
import { createClient } from "redis";
import { logger } from "../logger";
import { type DomainEvent, type DomainEventHandler, type DomainEventType, domainEventSchema } from "./domain-events";

const CHANNEL = "parallax:events";

type AnyHandler = (event: DomainEvent) => void | Promise<void>;

async function connectRedis(url: string) {
  const publisher = createClient({ url });
  const subscriber = publisher.duplicate();
  for (const client of [publisher, subscriber]) {
    client.on("error", (err: unknown) => logger().error({ err }, "event bus redis error"));
  }
  await Promise.all([publisher.connect(), subscriber.connect()]);
  return { publisher, subscriber };
}

/**
 * An in-process publish/subscribe bus for domain events. With Redis connected, every event is
 * also published on one channel and delivered to the subscribers of every other process; each
 * process skips its own messages, which it already delivered locally.
 */
export class EventBus {
  readonly id = randomUUID();
  private readonly handlers = new Map<DomainEventType, Set<AnyHandler>>();
  private redis: Awaited<ReturnType<typeof connectRedis>> | undefined;

  /** Calls `handler` for every event of `type`, from this or any process; returns the unsubscribe. */
  subscribe<T extends DomainEventType>(type: T, handler: DomainEventHandler<T>): () => void {
    const set = this.handlers.get(type) ?? new Set<AnyHandler>();
    this.handlers.set(type, set);
    set.add(handler as AnyHandler);
    return () => set.delete(handler as AnyHandler);
  }

  /**
   * Delivers an event here and, with Redis, to every other process. Never throws and never waits
   * for Redis (while it is down node-redis holds the message until it reconnects): the change it
   * announces is already committed, and the request that made it must not hang or fail.
   */
  async publish(event: DomainEvent): Promise<void> {
    this.deliver(event);
    this.redis?.publisher.publish(CHANNEL, JSON.stringify({ origin: this.id, event })).catch((error: unknown) => {
      logger().error({ err: error, event }, "publishing a domain event to redis failed");
    });
  }

  /** Relays events through Redis from now on. */
  async connect(url: string): Promise<void> {
    if (this.redis) return;
    const redis = await connectRedis(url);
    await redis.subscriber.subscribe(CHANNEL, (message) => this.receive(message));
    this.redis = redis;
  }

  /** Stops relaying through Redis; local delivery keeps working. */
  async disconnect(): Promise<void> {
    const redis = this.redis;
    this.redis = undefined;
    if (redis) await Promise.all([redis.publisher.quit().catch(() => {}), redis.subscriber.quit().catch(() => {})]);
  }

  private receive(message: string): void {
    try {
      const parsed = JSON.parse(message) as { origin?: unknown; event?: unknown };
      if (parsed.origin === this.id) return;
      const result = domainEventSchema.safeParse(parsed.event);
      if (result.success) this.deliver(result.data);
      else logger().warn({ issues: result.error.issues }, "ignored an invalid domain event from redis");
    } catch (error) {
      logger().warn({ err: error }, "ignored an unreadable domain event from redis");
    }
  }

  private deliver(event: DomainEvent): void {
    for (const handler of this.handlers.get(event.type) ?? []) {
      // Handlers run independently: one failing (or slow) subscriber does not affect the others.
      Promise.resolve()
        .then(() => handler(event))
        .catch((error: unknown) => logger().error({ err: error, event }, "domain event handler failed"));
    }
  }
}

const globalForEvents = globalThis as typeof globalThis & { __parallaxEventBus?: EventBus };

/**
 * The process-wide bus. It lives on globalThis because Next's bundled route handlers (which
 * publish) and the custom server (which subscribes) may load this module separately.
 */
export function getEventBus(): EventBus {
  globalForEvents.__parallaxEventBus ??= new EventBus();
  return globalForEvents.__parallaxEventBus;
}

/** Connects the process-wide bus to Redis when `redisUrl` is set (server start-up). */
export async function startEventBus(redisUrl: string | undefined): Promise<EventBus> {
  const bus = getEventBus();
  if (redisUrl) await bus.connect(redisUrl);
  return bus;
}
