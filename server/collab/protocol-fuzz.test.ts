import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { encodeAwarenessUpdate } from "./awareness-messages";
import { collabMetrics } from "./collab-metrics";
import { type FuzzFrame, fuzzFrame } from "./testing/fuzz-frames";
import { type FuzzSession, startFuzzSession } from "./testing/fuzz-session";
import { type CollabTestServer, startCollabTestServer } from "./testing/start-collab-test-server";

// A short run of the protocol fuzzer (the long one is `npm run chaos:fuzz`). A failure prints
// fast-check's seed and path: put them in FUZZ_OPTIONS (`seed`, `path`) to replay it.

const SEED = 20_261_130;
const MAX_MESSAGE_BYTES = 32 * 1024;
const FUZZ_OPTIONS = { seed: SEED, numRuns: 50, endOnFailure: true, verbose: 1 } as const;

let server: CollabTestServer;
let session: FuzzSession;

beforeAll(async () => {
  // The rate limit is raised so frames reach the decoders; collab-limits.test.ts covers it.
  server = await startCollabTestServer({
    collab: { maxMessageBytes: MAX_MESSAGE_BYTES, messagesPerSecond: 1_000_000, commitDelayMs: 2 },
  });
  session = await startFuzzSession(server, { maxMessageBytes: MAX_MESSAGE_BYTES });
});
afterAll(async () => {
  await server.close();
});

describe("collaboration protocol fuzzing", () => {
  it("refuses hostile frames with known error codes while an honest client keeps its document", async () => {
    const heapBefore = process.memoryUsage().heapUsed;
    const connectionsBefore = (await collabMetrics().connections.get()).values[0]?.value;
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(fuzzFrame(session.targets), { minLength: 1, maxLength: 25 }), async (frames) => {
        for (const frame of frames) await session.send(frame);
        run += 1;
        if (run % 10 === 0) await session.honestEdit();
        expect(session.failures).toEqual([]);
      }),
      FUZZ_OPTIONS,
    );

    // A new cast takes over, as in every epoch of the long run: the first cast's final checks ran,
    // its documents are let go once everyone left, and the counts go on in the new one.
    const firstSandbox = session.targets.sandbox;
    await session.finish();
    expect(session.failures).toEqual([]);
    session = await startFuzzSession(server, { maxMessageBytes: MAX_MESSAGE_BYTES, after: session });
    expect(session.targets.sandbox).not.toBe(firstSandbox);
    await vi.waitFor(() => expect(server.sockets.collab.registry.get(firstSandbox)).toBeUndefined());

    // A flood: everything at once, every ack still answered.
    const flood = fc.sample(fuzzFrame(session.targets), { seed: SEED + 1, numRuns: 1200 });
    await session.flood(flood);
    await session.honestEdit();

    // Raw packets named like Socket.io's own events must not run its disconnect handling.
    const connectionsAfter = (await collabMetrics().connections.get()).values[0]?.value;
    await session.finish();
    expect(session.failures).toEqual([]);
    expect(connectionsAfter).toBe(connectionsBefore);
    expect(session.stats.frames).toBeGreaterThan(1500);
    // Every kind of frame was tried, and most were refused with a code rather than accepted.
    expect(Object.keys(session.stats.kinds)).toEqual(
      expect.arrayContaining([
        "sync:random-bytes",
        "sync:mutated-sync",
        "sync:huge-varint",
        "sync:oversize",
        "awareness:mutated-awareness",
        "join",
        "leave",
        "wrong-arguments",
        "unknown-event",
        "raw-packet",
      ]),
    );
    expect(session.stats.answers).toMatchObject({
      invalid_message: expect.any(Number),
      invalid_payload: expect.any(Number),
      not_joined: expect.any(Number),
      not_found: expect.any(Number),
      forbidden: expect.any(Number),
      message_too_large: expect.any(Number),
    });
    // A sanity bound on leaks, not a performance figure.
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(100 * 1024 * 1024);
  });

  it("keeps a connection that sends an event named like Socket.io's reserved ones joined", async () => {
    const connectionsBefore = (await collabMetrics().connections.get()).values[0]?.value;
    // Each runs in its own session's connection: finish() above closed the first one.
    const fresh = await startFuzzSession(server, { maxMessageBytes: MAX_MESSAGE_BYTES });
    const reserved = ["disconnect", "disconnecting", "newListener", "error"].map((event) => ({
      via: "joined" as const,
      send: "raw" as const,
      event,
      args: ["forged"],
      ack: false,
      mustRefuse: false,
      kind: "reserved",
    }));
    for (const frame of reserved) await fresh.send(frame);
    // Still joined: an empty step 2 to the sandbox is accepted, not `not_joined`.
    await fresh.send({
      via: "joined",
      send: "emit",
      event: "doc:sync",
      args: [fresh.targets.sandbox, Buffer.from([1, 2, 0, 0])],
      ack: true,
      mustRefuse: false,
      kind: "empty-step2",
    });
    expect(fresh.stats.answers.ok).toBe(1);
    expect(fresh.stats.dropped).toEqual({});
    await fresh.finish();
    expect(fresh.failures).toEqual([]);
    expect((await collabMetrics().connections.get()).values[0]?.value).toBe(connectionsBefore);
  });

  it("refuses an update whose items point at later changes of their own client, and changes nothing", async () => {
    const fresh = await startFuzzSession(server, { maxMessageBytes: MAX_MESSAGE_BYTES });
    // Found by `npm run chaos:fuzz` (seed 1, frame 705 250): item 1:1 has parent 1:2, whose parent
    // is 1:1. Yjs integrated 1:0 (a new root type), then threw looking up 1:2; the sandbox changed
    // although the frame was refused.
    const forged = Buffer.from(
      "01440105010007010764656661756c7c0309706172616772617068070001020601000101018401020277772801046d6574610466757a7a017b7feffffffffffff80101010201",
      "hex",
    );
    await fresh.send({
      via: "joined",
      send: "emit",
      event: "doc:sync",
      args: [fresh.targets.sandbox, forged],
      ack: true,
      mustRefuse: false,
      kind: "forged-order",
    });
    expect(fresh.stats.answers).toEqual({ invalid_message: 1 });
    await fresh.finish();
    expect(fresh.failures).toEqual([]);
  });

  it("answers unknown events and acked awareness, and caps the awareness clients of one connection", async () => {
    const fresh = await startFuzzSession(server, { maxMessageBytes: MAX_MESSAGE_BYTES });
    const frame = (event: string, args: unknown[], kind: string): FuzzFrame => ({
      via: "joined",
      send: "emit",
      event,
      args,
      ack: true,
      mustRefuse: false,
      kind,
    });
    await fresh.send(frame("doc:jion", [{ documentId: fresh.targets.sandbox }], "typo"));
    expect(fresh.stats.answers).toEqual({ invalid_payload: 1 });
    for (let clientId = 1; clientId <= 9; clientId += 1) {
      const update = encodeAwarenessUpdate([{ clientId, clock: 1, state: { cursor: null } }]);
      await fresh.send(frame("doc:awareness", [fresh.targets.sandbox, Buffer.from(update)], "presence"));
    }
    // Eight client ids are plenty for one tab; the ninth is refused.
    expect(fresh.stats.answers).toEqual({ invalid_payload: 1, ok: 8, forbidden: 1 });
    await fresh.finish();
    expect(fresh.failures).toEqual([]);
  });
});
