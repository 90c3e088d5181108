import { randomUUID } from "node:crypto";
import { createClient } from "redis";
import { afterEach, describe, expect, it } from "vitest";
import { testPostgresUrl } from "../testing/test-database";
import type { DomainEventOf } from "./domain-events";
import { EventBus, getEventBus } from "./event-bus";
import { publishMembershipChanged } from "./publish-membership-changed";

const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
type MembershipChanged = DomainEventOf<"membership.changed">;

function nextEvent(bus: EventBus, match: (event: MembershipChanged) => boolean): Promise<MembershipChanged> {
  return new Promise((resolve) => {
    const unsubscribe = bus.subscribe("membership.changed", (event) => {
      if (!match(event)) return;
      unsubscribe();
      resolve(event);
    });
  });
}

const buses: EventBus[] = [];
afterEach(async () => {
  for (const bus of buses.splice(0)) await bus.disconnect();
});

describe("event bus", () => {
  it("delivers membership changes to subscribers in this process", async () => {
    const event = { workspaceId: randomUUID(), userId: randomUUID() };
    const received = nextEvent(getEventBus(), (candidate) => candidate.userId === event.userId);
    await publishMembershipChanged(event);
    expect(await received).toEqual({ type: "membership.changed", ...event });
  });

  // Like the collaboration scale-out test: runs where the PostgreSQL + Redis setup is configured.
  it.skipIf(!testPostgresUrl())("relays events to other processes through Redis, once each", async () => {
    const here = new EventBus();
    const there = new EventBus();
    buses.push(here, there);
    await Promise.all([here.connect(REDIS_URL), there.connect(REDIS_URL)]);
    const event = { type: "membership.changed" as const, workspaceId: randomUUID(), userId: randomUUID() };
    const seenHere: MembershipChanged[] = [];
    here.subscribe("membership.changed", (candidate) => {
      if (candidate.userId === event.userId) seenHere.push(candidate);
    });
    const arrived = nextEvent(there, (candidate) => candidate.userId === event.userId);
    await here.publish(event);
    expect(await arrived).toEqual(event);

    // A malformed message on the channel is ignored; the next valid one still arrives.
    const raw = createClient({ url: REDIS_URL });
    await raw.connect();
    await raw.publish("parallax:events", JSON.stringify({ origin: "x", event: { type: "membership.changed" } }));
    await raw.publish("parallax:events", "not json");
    await raw.quit();
    const next = { ...event, userId: randomUUID() };
    const later = nextEvent(there, (candidate) => candidate.userId === next.userId);
    await here.publish(next);
    expect(await later).toEqual(next);
    // The publisher delivered locally once and skipped its own copy from Redis.
    expect(seenHere).toEqual([event]);
  });
});
