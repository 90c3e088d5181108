import { afterEach, describe, expect, it } from "vitest";
import {
  type CollabTestServer,
  createTestToken,
  startCollabTestServer,
} from "../collab/testing/start-collab-test-server";
import { EventBus, getEventBus } from "../events/event-bus";
import { createSource } from "../evidence/create-source";
import { createTestTeam } from "../testing/factories";
import { testPostgresUrl } from "../testing/test-database";
import { LibraryTestClient } from "./testing/library-test-client";

// Tests may read the environment directly (see server/testing/test-database.ts).
const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

// Two "processes": two Socket.io servers with the Redis adapter, each with its own event bus
// relayed through Redis, the way two server processes run. Domain code publishes on the
// process-wide bus, which plays process A. Runs where PostgreSQL + Redis are configured for tests.
describe.skipIf(!testPostgresUrl())("live library updates across processes (Redis)", () => {
  const cleanup: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
  });

  it("delivers a change made on one process to watchers on every process, once each", async () => {
    await getEventBus().connect(REDIS_URL);
    cleanup.push(() => getEventBus().disconnect());
    const busB = new EventBus();
    await busB.connect(REDIS_URL);
    cleanup.push(() => busB.disconnect());
    const first: CollabTestServer = await startCollabTestServer({ redisUrl: REDIS_URL });
    cleanup.push(() => first.close());
    const second: CollabTestServer = await startCollabTestServer({ redisUrl: REDIS_URL, eventBus: busB });
    cleanup.push(() => second.close());

    const team = await createTestTeam();
    const onA = await LibraryTestClient.connect(first.url, await createTestToken(team.owner));
    const onB = await LibraryTestClient.connect(second.url, await createTestToken(team.viewer));
    cleanup.push(
      () => onA.close(),
      () => onB.close(),
    );
    expect(await onA.watch(team.workspace.id)).toEqual({ ok: true });
    expect(await onB.watch(team.workspace.id)).toEqual({ ok: true });

    const create = (publisher: string) =>
      createSource({
        actor: team.owner,
        workspaceId: team.workspace.id,
        input: { publisher, type: "official_statement", reliability: "B" },
      });
    const whiteHouse = await create("White House");
    await Promise.all([
      onA.until(() => onA.changesOf(whiteHouse.id).length > 0),
      onB.until(() => onB.changesOf(whiteHouse.id).length > 0),
    ]);
    // A duplicate would travel the same paths as the next change and arrive before it.
    const stateDepartment = await create("State Department");
    await Promise.all([
      onA.until(() => onA.changesOf(stateDepartment.id).length > 0),
      onB.until(() => onB.changesOf(stateDepartment.id).length > 0),
    ]);
    const expected = { workspaceId: team.workspace.id, kind: "source", recordId: whiteHouse.id };
    expect(onA.changesOf(whiteHouse.id)).toEqual([expected]);
    expect(onB.changesOf(whiteHouse.id)).toEqual([expected]);
  });
});
