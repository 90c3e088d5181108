import { readFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import * as Y from "yjs";
import { EDITOR_FIELD } from "@/lib/editor/editor-extensions";

/** The clownschool trace (Gentle, editing-traces, CC BY 4.0): three agents editing concurrently. */
export const CONCURRENT_TRACE_FILE = path.join(import.meta.dirname, "data", "clownschool.json.gz");

interface ConcurrentTrace {
  kind: "concurrent";
  endContent: string;
  numAgents: number;
  /** In a causal order; `parents` index earlier transactions (the version the patches apply to). */
  txns: { parents: number[]; agent: number; patches: [number, number, string][] }[];
}

/** How a client tells that one transaction of another agent has arrived. */
export type Witness =
  /** The transaction inserted: its last character has this id. */
  | { kind: "insert"; client: number; clock: number }
  /** The transaction only deleted: this item, which no other transaction deletes, is deleted. */
  | { kind: "delete"; client: number; clock: number };

export interface ReplayTransaction {
  /** The Yjs update the agent's transaction produced (computed offline, see below). */
  update: Uint8Array;
  /** Per agent: how many of that agent's transactions must have arrived before this one is sent. */
  needs: number[];
}

export interface ConcurrentReplay {
  /** Creates the shared paragraph (client id 1); applied by agent 0 before the replay. */
  setupUpdate: Uint8Array;
  /** Per agent: its Yjs client id and its transactions in order, each with the witness of its arrival. */
  agents: { clientId: number; transactions: ReplayTransaction[]; witnesses: Witness[] }[];
  endContent: string;
  transactions: number;
}

const SETUP_CLIENT = 1;
const AGENT_CLIENT_BASE = 1000;

/**
 * Turns the trace into per-agent Yjs updates. Each transaction's positions refer to the document
 * at its parents' version, so it is replayed offline on its agent's Y.Doc after bringing in
 * exactly the other agents' transactions in its causal history (an agent's own transactions form
 * a chain, so a history is a prefix of each agent's list). Live, each agent's client then sends
 * its updates in order, each only once every transaction it depends on has arrived from the
 * server: the network run respects the trace's causal order. Throws when the offline merge does
 * not end in `endContent`.
 */
export function buildConcurrentReplay(): ConcurrentReplay {
  const trace = JSON.parse(gunzipSync(readFileSync(CONCURRENT_TRACE_FILE)).toString("utf8")) as ConcurrentTrace;
  const agents = trace.numAgents;
  const setup = new Y.Doc();
  setup.clientID = SETUP_CLIENT;
  const paragraph = new Y.XmlElement("paragraph");
  paragraph.insert(0, [new Y.XmlText()]);
  setup.getXmlFragment(EDITOR_FIELD).insert(0, [paragraph]);
  const setupUpdate = Y.encodeStateAsUpdate(setup);
  const docs = Array.from({ length: agents }, (_, agent) => {
    const doc = new Y.Doc();
    doc.clientID = AGENT_CLIENT_BASE + agent;
    Y.applyUpdate(doc, setupUpdate);
    return doc;
  });
  const updates: Uint8Array[][] = Array.from({ length: agents }, () => []);
  const needsOf: number[][][] = Array.from({ length: agents }, () => []);
  const applied = docs.map(() => new Array<number>(agents).fill(0));
  const versions: number[][] = [];
  const globalIndex: number[][] = Array.from({ length: agents }, () => []);
  const updateAt: Uint8Array[] = [];
  for (const [global, txn] of trace.txns.entries()) {
    const needs = new Array<number>(agents).fill(0);
    for (const parent of txn.parents) {
      versions[parent]?.forEach((count, agent) => {
        needs[agent] = Math.max(needs[agent] ?? 0, count);
      });
    }
    const doc = docs[txn.agent];
    const have = applied[txn.agent];
    if (!doc || !have) throw new Error(`agent ${txn.agent} out of range`);
    if ((needs[txn.agent] ?? 0) !== have[txn.agent]) throw new Error("an agent's transactions do not form a chain");
    // Missing transactions go in in the trace's order: out of causal order Yjs would park them
    // as pending and re-merge the pending set on every later update.
    const missing: number[] = [];
    for (let agent = 0; agent < agents; agent += 1) {
      if ((have[agent] ?? 0) > (needs[agent] ?? 0)) throw new Error("an agent's document is past the parents' version");
      for (let index = have[agent] ?? 0; index < (needs[agent] ?? 0); index += 1) {
        missing.push(globalIndex[agent]?.[index] ?? 0);
      }
      have[agent] = needs[agent] ?? 0;
    }
    missing.sort((a, b) => a - b);
    for (const global of missing) Y.applyUpdate(doc, updateAt[global] ?? new Uint8Array());
    const update = applyPatches(doc, txn.patches);
    updates[txn.agent]?.push(update);
    updateAt[global] = update;
    globalIndex[txn.agent]?.push(global);
    needsOf[txn.agent]?.push(needs);
    have[txn.agent] = (have[txn.agent] ?? 0) + 1;
    versions.push(needs.map((count, agent) => (agent === txn.agent ? (have[agent] ?? 0) : count)));
  }
  const merged = new Y.Doc();
  Y.applyUpdate(merged, setupUpdate);
  for (const update of updateAt) Y.applyUpdate(merged, update);
  if (paragraphText(merged) !== trace.endContent) throw new Error("the offline merge does not end in endContent");
  const witnesses = witnessesOf(updates);
  return {
    setupUpdate,
    agents: updates.map((list, agent) => ({
      clientId: AGENT_CLIENT_BASE + agent,
      transactions: list.map((update, index) => ({ update, needs: needsOf[agent]?.[index] ?? [] })),
      witnesses: witnesses[agent] ?? [],
    })),
    endContent: trace.endContent,
    transactions: trace.txns.length,
  };
}

function applyPatches(doc: Y.Doc, patches: [number, number, string][]): Uint8Array {
  let captured: Uint8Array | undefined;
  const capture = (update: Uint8Array) => {
    captured = update;
  };
  doc.on("update", capture);
  const text = paragraphTextType(doc);
  doc.transact(() => {
    for (const [position, deleted, inserted] of patches) {
      if (deleted > 0) text.delete(position, deleted);
      if (inserted) text.insert(position, inserted);
    }
  });
  doc.off("update", capture);
  if (!captured) throw new Error("a trace transaction changed nothing");
  return captured;
}

/** The witness of each transaction; deletions witnessed by an item only that transaction deletes. */
function witnessesOf(updates: Uint8Array[][]): Witness[][] {
  const deletedBy = new Map<string, number>();
  const decoded = updates.map((list) => list.map((update) => Y.decodeUpdate(update)));
  for (const list of decoded) {
    for (const { ds } of list) {
      for (const [client, ranges] of ds.clients) {
        for (const { clock, len } of ranges) {
          for (let offset = 0; offset < len; offset += 1) {
            const key = `${client}:${clock + offset}`;
            deletedBy.set(key, (deletedBy.get(key) ?? 0) + 1);
          }
        }
      }
    }
  }
  return decoded.map((list) =>
    list.map(({ structs, ds }): Witness => {
      const last = structs.at(-1);
      if (last) return { kind: "insert", client: last.id.client, clock: last.id.clock + last.length - 1 };
      for (const [client, ranges] of ds.clients) {
        for (const { clock, len } of ranges) {
          for (let offset = 0; offset < len; offset += 1) {
            if (deletedBy.get(`${client}:${clock + offset}`) === 1)
              return { kind: "delete", client, clock: clock + offset };
          }
        }
      }
      const [client, ranges] = [...ds.clients][0] ?? [0, []];
      return { kind: "delete", client, clock: ranges[0]?.clock ?? 0 };
    }),
  );
}

/** Whether the transaction `witness` stands for has arrived in `doc`. */
export function hasArrived(doc: Y.Doc, witness: Witness): boolean {
  if (Y.getState(doc.store, witness.client) <= witness.clock) return false;
  if (witness.kind === "insert") return true;
  return Y.getItem(doc.store, Y.createID(witness.client, witness.clock)).deleted;
}

function paragraphTextType(doc: Y.Doc): Y.XmlText {
  const paragraph = doc.getXmlFragment(EDITOR_FIELD).get(0);
  const text = paragraph instanceof Y.XmlElement ? paragraph.get(0) : undefined;
  if (!(text instanceof Y.XmlText)) throw new Error("no paragraph");
  return text;
}

/** The text of the shared paragraph. */
export function paragraphText(doc: Y.Doc): string {
  return paragraphTextType(doc).toString();
}
