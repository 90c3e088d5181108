import fc from "fast-check";
import * as encoding from "lib0/encoding";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";
import { COLLAB_CLIENT_EVENTS } from "@/lib/collab/protocol";
import { type AwarenessEntry, encodeAwarenessUpdate } from "../awareness-messages";

// Generators of hostile `/collab` traffic, shared by server/collab/protocol-fuzz.test.ts (a short
// run in the test suite) and bench/chaos/fuzz.ts (the long run). Valid y-protocols messages are
// the starting point of most frames: mutated ones get past the first bytes of the decoder and
// reach the code behind it, where random bytes rarely go.

/** The documents a fuzzing connection aims at. */
export interface FuzzTargets {
  /** Joined by the fuzzing connection as an analyst: whatever valid update it sends lands here. */
  sandbox: string;
  /** Joined by the fuzzing connection read-only and edited by an honest client: must never change. */
  shared: string;
  /** A document of a workspace the fuzzing user is not a member of. */
  foreign: string;
  /** The awareness client id of the honest client (another connection's presence). */
  honestClientId: number;
  /** Largest message the server accepts (frames just above it must be `message_too_large`). */
  maxMessageBytes: number;
}

/** One thing a fuzzing client sends. */
export interface FuzzFrame {
  /** `joined`: the connection that joined the sandbox and shared documents; `stranger`: one that joined nothing. */
  via: "joined" | "stranger";
  /** `emit`: a normal Socket.io event; `raw`: the packet's data array as it is (event name of any type). */
  send: "emit" | "raw";
  event: unknown;
  args: unknown[];
  /** Ask for an acknowledgement (every acked event must be answered). */
  ack: boolean;
  /** Aimed at a document the sender may not write or see: an `ok` answer is a failure. */
  mustRefuse: boolean;
  /** What kind of frame this is, for the report. */
  kind: string;
}

/** Event names Socket.io's client refuses to emit (they are sent as raw packets instead). */
export const CLIENT_RESERVED_EVENTS = new Set([
  "connect",
  "connect_error",
  "disconnect",
  "disconnecting",
  "newListener",
  "removeListener",
]);

/** Buffers: notepack encodes any other typed array as its whole underlying ArrayBuffer. */
const toBuffer = (bytes: Uint8Array): Buffer => Buffer.from(bytes);

function syncMessage(type: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, type);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

/** A small editor document written by a fixed client id (so a seed reproduces the same bytes). */
const editedDocument = fc
  .record({
    clientId: fc.integer({ min: 1, max: 0xffffffff }),
    paragraphs: fc.array(fc.string({ maxLength: 24 }), { minLength: 1, maxLength: 3 }),
    bold: fc.boolean(),
    deleteCount: fc.nat({ max: 4 }),
    mapEntry: fc.option(fc.jsonValue({ maxDepth: 2 }), { nil: undefined }),
  })
  .map(({ clientId, paragraphs, bold, deleteCount, mapEntry }) => {
    const doc = new Y.Doc();
    doc.clientID = clientId;
    const fragment = doc.getXmlFragment("default");
    for (const text of paragraphs) {
      const paragraph = new Y.XmlElement(bold ? "heading" : "paragraph");
      const xmlText = new Y.XmlText();
      xmlText.insert(0, text, bold ? { bold: true } : undefined);
      paragraph.insert(0, [xmlText]);
      fragment.insert(fragment.length, [paragraph]);
    }
    const first = (fragment.get(0) as Y.XmlElement).get(0) as Y.XmlText;
    if (deleteCount > 0 && first.length > 0) first.delete(0, Math.min(deleteCount, first.length));
    if (mapEntry !== undefined) doc.getMap("meta").set("fuzz", mapEntry);
    return doc;
  });

/** Well-formed y-protocols sync messages: step 1, step 2 and updates. */
const validSyncMessage = fc.oneof(
  editedDocument.map((doc) => syncMessage(syncProtocol.messageYjsUpdate, Y.encodeStateAsUpdate(doc))),
  editedDocument.map((doc) => syncMessage(syncProtocol.messageYjsSyncStep2, Y.encodeStateAsUpdate(doc))),
  editedDocument.map((doc) => syncMessage(syncProtocol.messageYjsSyncStep1, Y.encodeStateVector(doc))),
  fc.constant(syncMessage(syncProtocol.messageYjsSyncStep2, Y.encodeStateAsUpdate(new Y.Doc()))),
);

/** Awareness states, well-formed or not (a state must be an object or null). */
const awarenessState = fc.oneof(
  fc.constant(null),
  fc.record({
    cursor: fc.option(fc.record({ anchor: fc.nat(), head: fc.nat() })),
    user: fc.jsonValue({ maxDepth: 2 }),
  }),
  fc.jsonValue({ maxDepth: 3 }),
);

function validAwareness(targets: FuzzTargets): fc.Arbitrary<Uint8Array> {
  const clientId = fc.oneof(
    fc.integer({ min: 0, max: 0xffffffff }),
    fc.constant(targets.honestClientId),
    fc.constant(Number.MAX_SAFE_INTEGER),
  );
  return (
    fc
      .array(fc.record({ clientId, clock: fc.nat(), state: awarenessState }), { minLength: 0, maxLength: 10 })
      // States that are not objects are kept: the server must refuse them.
      .map((entries) => encodeAwarenessUpdate(entries as unknown as AwarenessEntry[]))
  );
}

/** A varint of `length` bytes: all continuation bytes, then a last one (far past 2^53 when long). */
const hugeVarint = fc
  .record({ length: fc.integer({ min: 2, max: 24 }), fill: fc.integer({ min: 0x80, max: 0xff }), last: fc.nat(0x7f) })
  .map(({ length, fill, last }) => Uint8Array.from([...Array.from({ length: length - 1 }, () => fill), last]));

type Mutation = (bytes: Uint8Array) => Uint8Array;

/** One change to a message: truncation, bit flips, inserted, deleted or overwritten bytes, a huge varint. */
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.nat().map(
    (at): Mutation =>
      (bytes) =>
        bytes.slice(0, at % Math.max(1, bytes.length)),
  ),
  fc.array(fc.tuple(fc.nat(), fc.nat(7)), { minLength: 1, maxLength: 4 }).map(
    (flips): Mutation =>
      (bytes) => {
        const copy = bytes.slice();
        for (const [at, bit] of flips) {
          if (copy.length > 0) copy[at % copy.length] = (copy[at % copy.length] ?? 0) ^ (1 << bit);
        }
        return copy;
      },
  ),
  fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })).map(
    ([at, value]): Mutation =>
      (bytes) => {
        const copy = bytes.slice();
        if (copy.length > 0) copy[at % copy.length] = value;
        return copy;
      },
  ),
  fc.tuple(fc.nat(), fc.uint8Array({ minLength: 1, maxLength: 8 })).map(
    ([at, inserted]): Mutation =>
      (bytes) => {
        const cut = at % (bytes.length + 1);
        return Uint8Array.from([...bytes.subarray(0, cut), ...inserted, ...bytes.subarray(cut)]);
      },
  ),
  fc.tuple(fc.nat(), fc.integer({ min: 1, max: 6 })).map(
    ([at, count]): Mutation =>
      (bytes) => {
        const cut = at % Math.max(1, bytes.length);
        return Uint8Array.from([...bytes.subarray(0, cut), ...bytes.subarray(cut + count)]);
      },
  ),
  fc.tuple(fc.nat(), hugeVarint).map(
    ([at, varint]): Mutation =>
      (bytes) => {
        const cut = at % (bytes.length + 1);
        return Uint8Array.from([...bytes.subarray(0, cut), ...varint, ...bytes.subarray(cut)]);
      },
  ),
  fc.uint8Array({ minLength: 1, maxLength: 4 }).map(
    (tail): Mutation =>
      (bytes) =>
        Uint8Array.from([...bytes, ...tail]),
  ),
);

function mutated(base: fc.Arbitrary<Uint8Array>): fc.Arbitrary<Uint8Array> {
  return fc
    .tuple(base, fc.array(mutation, { minLength: 1, maxLength: 3 }))
    .map(([bytes, mutations]) => mutations.reduce((current, mutate) => mutate(current), bytes));
}

/** Payload bytes of a `doc:sync` or `doc:awareness` frame, labelled with their kind. */
function bytesPayload(targets: FuzzTargets): fc.Arbitrary<{ kind: string; bytes: Uint8Array }> {
  const label = (kind: string) => (bytes: Uint8Array) => ({ kind, bytes });
  return fc.oneof(
    { weight: 2, arbitrary: fc.uint8Array({ maxLength: 300 }).map(label("random-bytes")) },
    { weight: 1, arbitrary: validSyncMessage.map(label("valid-sync")) },
    { weight: 5, arbitrary: mutated(validSyncMessage).map(label("mutated-sync")) },
    { weight: 1, arbitrary: validAwareness(targets).map(label("valid-awareness")) },
    { weight: 3, arbitrary: mutated(validAwareness(targets)).map(label("mutated-awareness")) },
    {
      weight: 2,
      arbitrary: fc
        .tuple(fc.nat(3), hugeVarint, fc.uint8Array({ maxLength: 16 }))
        .map(([type, varint, tail]) => Uint8Array.from([type, ...varint, ...tail]))
        .map(label("huge-varint")),
    },
    {
      weight: 1,
      arbitrary: fc
        .integer({ min: 1, max: 1024 })
        .map((extra) => new Uint8Array(targets.maxMessageBytes + extra))
        .map(label("oversize")),
    },
  );
}

/** Document ids: the fuzzer's own, someone else's, unknown and malformed ones. */
function documentId(targets: FuzzTargets): fc.Arbitrary<{ id: unknown; mine: boolean }> {
  const mine = (id: unknown) => ({ id, mine: true });
  const notMine = (id: unknown) => ({ id, mine: false });
  return fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(targets.sandbox, targets.shared).map(mine) },
    { weight: 1, arbitrary: fc.constant(targets.sandbox.toUpperCase()).map(mine) },
    { weight: 2, arbitrary: fc.constant(targets.foreign).map(notMine) },
    { weight: 1, arbitrary: fc.uuid().map(notMine) },
    {
      weight: 1,
      arbitrary: fc
        .oneof(
          fc.string({ maxLength: 80 }),
          fc.constantFrom("", "__proto__", "constructor", `${targets.shared} `, `${targets.foreign}\u0000`),
          fc.integer(),
          fc.constant(null),
        )
        .map(notMine),
    },
  );
}

/** Any value msgpack can carry, including bytes and prototype-pollution keys. */
const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.uint8Array({ maxLength: 64 }).map(toBuffer),
  fc.string({ maxLength: 2000 }),
  fc.constantFrom(
    undefined,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    -0,
    2 ** 64,
    JSON.parse('{"__proto__":{"polluted":true}}'),
    JSON.parse('{"constructor":{"prototype":{"polluted":true}}}'),
    new ArrayBuffer(3),
  ),
);

function wellFormedFrame(targets: FuzzTargets): fc.Arbitrary<FuzzFrame> {
  const sync = fc
    .record({ target: documentId(targets), payload: bytesPayload(targets), via: fc.constantFrom("joined", "stranger") })
    .map(
      ({ target, payload, via }): FuzzFrame => ({
        via: via as FuzzFrame["via"],
        send: "emit",
        event: "doc:sync",
        args: [target.id, toBuffer(payload.bytes)],
        ack: true,
        mustRefuse: !target.mine || via === "stranger",
        kind: `sync:${payload.kind}`,
      }),
    );
  const awareness = fc
    .record({
      target: documentId(targets),
      payload: bytesPayload(targets),
      via: fc.constantFrom("joined", "stranger"),
      ack: fc.boolean(),
    })
    .map(
      ({ target, payload, via, ack }): FuzzFrame => ({
        via: via as FuzzFrame["via"],
        send: "emit",
        event: "doc:awareness",
        args: [target.id, toBuffer(payload.bytes)],
        ack,
        mustRefuse: !target.mine || via === "stranger",
        kind: `awareness:${payload.kind}`,
      }),
    );
  const join = fc
    .record({
      target: documentId(targets),
      stateVector: fc.option(
        bytesPayload(targets).map((payload) => toBuffer(payload.bytes)),
        { nil: undefined },
      ),
      extra: fc.option(fc.dictionary(fc.string({ maxLength: 12 }), anyValue, { maxKeys: 3 }), { nil: undefined }),
    })
    .map(
      ({ target, stateVector, extra }): FuzzFrame => ({
        via: "joined",
        send: "emit",
        event: "doc:join",
        args: [{ ...extra, documentId: target.id, ...(stateVector ? { stateVector } : {}) }],
        ack: true,
        mustRefuse: !target.mine,
        kind: "join",
      }),
    );
  // Leaving the fuzzer's own documents would only turn later frames into `not_joined`.
  const leave = fc.oneof(fc.constant(targets.foreign), fc.uuid(), anyValue).map(
    (id): FuzzFrame => ({
      via: "joined",
      send: "emit",
      event: "doc:leave",
      args: [{ documentId: id }],
      ack: true,
      mustRefuse: false,
      kind: "leave",
    }),
  );
  return fc.oneof(
    { weight: 10, arbitrary: sync },
    { weight: 4, arbitrary: awareness },
    { weight: 2, arbitrary: join },
    { weight: 1, arbitrary: leave },
  );
}

/** Known events with arguments of the wrong type, number or order. */
function wrongArguments(targets: FuzzTargets): fc.Arbitrary<FuzzFrame> {
  const argument = fc.oneof(
    anyValue,
    documentId(targets).map((target) => target.id),
  );
  return fc
    .record({
      event: fc.constantFrom(...COLLAB_CLIENT_EVENTS),
      args: fc.array(argument, { maxLength: 5 }),
      via: fc.constantFrom("joined", "stranger"),
    })
    .map(({ event, args, via }) => ({
      // A stranger must stay one: it never sends a join.
      via: (event === "doc:join" ? "joined" : via) as FuzzFrame["via"],
      send: "emit",
      event,
      args,
      // A join of one of its own documents with a well-formed payload may succeed; nothing else can.
      ack: true,
      mustRefuse: event === "doc:sync" && via === "stranger",
      kind: "wrong-arguments",
    }));
}

/** Events the server does not know, sent as events and as raw packets with non-string names. */
function wrongEvents(targets: FuzzTargets): fc.Arbitrary<FuzzFrame> {
  const name = fc.oneof(
    fc.string({ maxLength: 30 }),
    fc.constantFrom(
      "doc:Join",
      "doc:sync ",
      "doc:error",
      "doc:closed",
      "library:watch",
      "__proto__",
      "constructor",
      "toString",
      "hasOwnProperty",
      "error",
      ...CLIENT_RESERVED_EVENTS,
    ),
  );
  const emitted = fc
    .record({
      event: name,
      args: fc.array(
        fc.oneof(
          anyValue,
          documentId(targets).map((t) => t.id),
        ),
        { maxLength: 3 },
      ),
    })
    .map(
      ({ event, args }): FuzzFrame => ({
        via: "joined",
        send: CLIENT_RESERVED_EVENTS.has(event) ? "raw" : "emit",
        event,
        args,
        ack: !CLIENT_RESERVED_EVENTS.has(event),
        mustRefuse: false,
        kind: "unknown-event",
      }),
    );
  const raw = fc
    .record({
      event: fc.oneof(fc.integer(), fc.constant(null), fc.jsonValue({ maxDepth: 1 }), fc.uint8Array({ maxLength: 4 })),
      args: fc.array(anyValue, { maxLength: 3 }),
    })
    .map(
      ({ event, args }): FuzzFrame => ({
        via: "joined",
        send: "raw",
        event,
        args,
        ack: false,
        mustRefuse: false,
        kind: "raw-packet",
      }),
    );
  return fc.oneof(emitted, raw);
}

/** Every kind of hostile frame, in proportions that keep most of them at the decoders. */
export function fuzzFrame(targets: FuzzTargets): fc.Arbitrary<FuzzFrame> {
  return fc.oneof(
    { weight: 8, arbitrary: wellFormedFrame(targets) },
    { weight: 2, arbitrary: wrongArguments(targets) },
    { weight: 1, arbitrary: wrongEvents(targets) },
  );
}
