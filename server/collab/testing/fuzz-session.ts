import { io, type Socket } from "socket.io-client";
import msgpackParser from "socket.io-msgpack-parser";
import * as Y from "yjs";
import { COLLAB_ERROR_CODES } from "@/lib/collab/protocol";
import type { Actor } from "../../auth/actor";
import { addTestMember, createTestTeam, createTestWorkspace } from "../../testing/factories";
import { CollabTestClient } from "./collab-test-client";
import { appendParagraph, documentText, storedDocument } from "./collab-test-helpers";
import type { FuzzFrame, FuzzTargets } from "./fuzz-frames";
import { type CollabTestServer, createTestDocument, createTestToken } from "./start-collab-test-server";

// The harness around the frames of fuzz-frames.ts: a fuzzing user, an honest client editing a
// document the fuzzer may only read, and the checks of what a user would notice. Used by
// server/collab/protocol-fuzz.test.ts and bench/chaos/fuzz.ts.

const KNOWN_CODES = new Set<string>(COLLAB_ERROR_CODES);
const ACK_TIMEOUT_MS = 10_000;

/** What the fuzzing found wrong; empty when the server held. */
export interface FuzzFailure {
  check: string;
  detail: string;
}

export interface FuzzStats {
  frames: number;
  /** Answers by outcome: `ok`, an error code, or `no-ack` for frames sent without asking. */
  answers: Record<string, number>;
  /** Frames by kind (fuzz-frames.ts labels). */
  kinds: Record<string, number>;
  /** Connections the server closed (e.g. a raw packet its parser refused), by reason. */
  dropped: Record<string, number>;
  /** `doc:error` events received by the fuzzing connections, by code. */
  errorEvents: Record<string, number>;
}

type AckResult = { ok?: unknown; error?: { code?: unknown } };
/** Sends a packet's data array as it is: Socket.io's client refuses reserved names in `emit`. */
function sendPacket(socket: Socket, data: unknown[]): void {
  (socket as unknown as { packet: (packet: { type: number; data: unknown[] }) => void }).packet({ type: 2, data });
}

function bump(counts: Record<string, number>, key: string, by = 1): void {
  counts[key] = (counts[key] ?? 0) + by;
}

export interface FuzzSession {
  targets: FuzzTargets;
  stats: FuzzStats;
  failures: FuzzFailure[];
  /** Sends one frame, waits for its ack when it asks for one, and checks the answer. */
  send: (frame: FuzzFrame) => Promise<void>;
  /** Sends frames all at once without waiting, then waits for every ack. */
  flood: (frames: FuzzFrame[]) => Promise<void>;
  /** The honest client writes one more paragraph and waits for it to be saved. */
  honestEdit: () => Promise<void>;
  /** Final checks: honest client, stored documents, a fresh client can still join and edit. */
  finish: () => Promise<void>;
}

export interface FuzzSessionOptions {
  /** Largest message the server accepts (frames just above it must be `message_too_large`). */
  maxMessageBytes: number;
  /**
   * The session this one takes over from (after its `finish()`): its counts and failures go on
   * in this one, so a long run can start over with fresh documents and still report one total.
   */
  after?: Pick<FuzzSession, "stats" | "failures">;
}

/**
 * Sets up the cast on `server` (which runs on the current database): workspace A holds the shared
 * document, edited by an honest analyst and readable by the fuzzing user (a reviewer there);
 * workspace C holds the sandbox document where the fuzzing user is an analyst; workspace B is
 * foreign to the fuzzing user. The fuzzing user has two connections: one joined to the sandbox
 * and the shared document, and a stranger that joined nothing.
 */
export async function startFuzzSession(server: CollabTestServer, options: FuzzSessionOptions): Promise<FuzzSession> {
  const home = await createTestTeam();
  const foreignTeam = await createTestTeam();
  const fuzzer: Actor = home.reviewer;
  const sandboxWorkspace = await createTestWorkspace(home.owner, "Fuzz sandbox");
  await addTestMember(sandboxWorkspace, fuzzer, "analyst");
  const shared = await createTestDocument(home.workspace.id);
  const sandbox = await createTestDocument(sandboxWorkspace.id);
  const foreign = await createTestDocument(foreignTeam.workspace.id);

  const honest = await CollabTestClient.connect(server.url, { token: await createTestToken(home.analyst) });
  const honestEntry = await honest.join(shared);
  honestEntry.awareness.setLocalState({ cursor: null });
  const honestTexts: string[] = [];
  let foreignChanges = 0;
  // The test client applies everything from the server with a non-null origin; the honest
  // client's own edits have none. The fuzzer may only read this document: nothing may arrive.
  honestEntry.doc.on("update", (_update: Uint8Array, origin: unknown) => {
    if (origin !== null) foreignChanges += 1;
  });

  const targets: FuzzTargets = {
    sandbox,
    shared,
    foreign,
    honestClientId: honestEntry.awareness.clientID,
    maxMessageBytes: options.maxMessageBytes,
  };
  const stats: FuzzStats = options.after?.stats ?? { frames: 0, answers: {}, kinds: {}, dropped: {}, errorEvents: {} };
  const failures: FuzzFailure[] = options.after?.failures ?? [];
  const fail = (check: string, detail: string) => {
    if (failures.length < 50) failures.push({ check, detail });
  };
  const token = await createTestToken(fuzzer);

  async function connect(): Promise<Socket> {
    const socket = io(`${server.url}/collab`, {
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
    socket.on("doc:error", (_documentId: unknown, error: { code?: unknown }) => {
      const code = String(error?.code);
      bump(stats.errorEvents, code);
      if (!KNOWN_CODES.has(code)) fail("doc:error code", `unknown code ${code}`);
    });
    socket.on("disconnect", (reason: string) => {
      if (reason !== "io client disconnect") bump(stats.dropped, reason);
    });
    return socket;
  }

  async function joinOwn(socket: Socket): Promise<void> {
    for (const documentId of [sandbox, shared]) {
      const answer = (await socket.timeout(ACK_TIMEOUT_MS).emitWithAck("doc:join", { documentId })) as AckResult;
      if (answer.ok !== true) throw new Error(`the fuzzing user could not join ${documentId}`);
    }
  }

  let joined = await connect();
  await joinOwn(joined);
  let stranger = await connect();

  /** A connection the server closed is opened again (and rejoined), so the fuzzing goes on. */
  async function socketFor(frame: FuzzFrame): Promise<Socket> {
    if (frame.via === "stranger") {
      if (!stranger.connected) stranger = await connect();
      return stranger;
    }
    if (!joined.connected) {
      joined = await connect();
      await joinOwn(joined);
    }
    return joined;
  }

  function sandboxState(): Buffer | null {
    const live = server.sockets.collab.registry.get(sandbox);
    return live ? Buffer.from(Y.encodeSnapshot(Y.snapshot(live.doc))) : null;
  }

  function emit(socket: Socket, frame: FuzzFrame): Promise<AckResult | "timeout"> | null {
    bump(stats.kinds, frame.kind);
    stats.frames += 1;
    if (frame.send === "raw") {
      sendPacket(socket, [frame.event, ...frame.args]);
      return null;
    }
    if (!frame.ack) {
      socket.emit(frame.event as string, ...frame.args);
      return null;
    }
    return (
      socket.timeout(ACK_TIMEOUT_MS).emitWithAck(frame.event as string, ...frame.args) as Promise<AckResult>
    ).catch(() => "timeout" as const);
  }

  /** Checks one answer; returns the error code when the frame was refused, else null. */
  function check(frame: FuzzFrame, answer: AckResult | "timeout" | null): string | null {
    if (answer === null) {
      bump(stats.answers, "no-ack");
      return null;
    }
    if (answer === "timeout") {
      bump(stats.answers, "timeout");
      fail("every ack is answered", `${frame.kind} ${String(frame.event)} got no answer in ${ACK_TIMEOUT_MS} ms`);
      return null;
    }
    if (answer.ok === true) {
      bump(stats.answers, "ok");
      if (frame.mustRefuse) fail("foreign frames are refused", `${frame.kind} ${describeFrame(frame)} was accepted`);
      return null;
    }
    const code = String(answer.error?.code);
    bump(stats.answers, code);
    if (answer.ok !== false || !KNOWN_CODES.has(code)) {
      fail("error acks carry a known code", `${frame.kind} answered ${JSON.stringify(answer).slice(0, 200)}`);
    }
    return code;
  }

  return {
    targets,
    stats,
    failures,
    async send(frame) {
      const socket = await socketFor(frame);
      const before = sandboxState();
      const refused = check(frame, await emit(socket, frame));
      if (refused !== null && before && !before.equals(sandboxState() ?? Buffer.alloc(0))) {
        fail(
          "refused input changes nothing",
          `${frame.kind} ${describeFrame(frame)} was refused (${refused}) but changed the document`,
        );
      }
    },
    async flood(frames) {
      const pending: Promise<void>[] = [];
      for (const frame of frames) {
        const socket = await socketFor(frame);
        const answer = emit(socket, frame);
        if (answer) pending.push(answer.then((result) => void check(frame, result)));
        else check(frame, null);
      }
      await Promise.all(pending);
    },
    async honestEdit() {
      const text = `honest ${honestTexts.length + 1}`;
      honestTexts.push(text);
      appendParagraph(honestEntry.doc, text);
      await honest.settled(shared);
      const last = honestEntry.acks.at(-1);
      if (!last?.ok) fail("the honest client keeps working", `its edit was answered ${JSON.stringify(last)}`);
    },
    async finish() {
      await server.sockets.collab.flush();
      const expected = honestTexts.join("\n");
      if (foreignChanges > 0) fail("the honest client sees only its own changes", `${foreignChanges} foreign updates`);
      if (documentText(honestEntry.doc) !== expected) {
        fail("the honest client's document is its own", JSON.stringify(documentText(honestEntry.doc)).slice(0, 300));
      }
      const stored = documentText(await storedDocument(shared));
      if (stored !== expected) fail("the shared document is stored unchanged", JSON.stringify(stored).slice(0, 300));
      const live = server.sockets.collab.registry.get(sandbox);
      if (live) {
        const storedSandbox = await storedDocument(sandbox);
        if (!Buffer.from(Y.encodeStateVector(storedSandbox)).equals(Buffer.from(Y.encodeStateVector(live.doc)))) {
          fail("what was accepted is what was stored", "the sandbox's stored state differs from its live state");
        }
      }
      if (!honest.socket.connected) fail("the honest client stays connected", "it was disconnected");

      // A newcomer can still join the shared document, sees exactly the honest text, and edits.
      const fresh = await CollabTestClient.connect(server.url, { token: await createTestToken(home.owner) });
      try {
        const entry = await fresh.join(shared);
        if (documentText(entry.doc) !== expected) fail("a fresh client sees the document", documentText(entry.doc));
        appendParagraph(entry.doc, "after the fuzzing");
        await fresh.settled(shared);
        if (!entry.acks.at(-1)?.ok) fail("a fresh client can edit", JSON.stringify(entry.acks.at(-1)));
      } finally {
        fresh.close();
      }
      honest.close();
      joined.disconnect();
      stranger.disconnect();
    },
  };
}

function describeFrame(frame: FuzzFrame): string {
  const args = frame.args.map((arg) =>
    Buffer.isBuffer(arg) ? `<${arg.byteLength} bytes ${arg.subarray(0, 24).toString("hex")}>` : JSON.stringify(arg),
  );
  return `${String(frame.event)}(${args.join(", ").slice(0, 300)}) via ${frame.via}`;
}
