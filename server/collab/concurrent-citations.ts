import * as Y from "yjs";
import { JUDGEMENT_NODE, toCitations } from "@/lib/editor/judgement-node";

/**
 * A judgement's citation chips are one attribute of its Y.XmlElement, and a Yjs attribute keeps
 * the last writer's value: two people citing on the same judgement at about the same time would
 * each set "the list plus mine", and one of the two citations would vanish without a word. The
 * server sees every update, so it mends that here. After a transaction, every value of a
 * judgement's `citations` that the transaction overwrote without its successor having seen it
 * (a concurrent value) is merged back into the current one, three-way against the last value both
 * sides had seen: what the lost side added is added, what it removed is removed, and the rest of
 * the winner stands. The mend is an ordinary update (broadcast and stored), so every copy
 * converges; two processes mending the same race write equal values, and merging equal values
 * changes nothing, so it stops there.
 *
 * Yjs keeps, for each attribute value, the id of the value its writer replaced (its origin), so
 * the causal history of a value can be followed back; but garbage collection drops the content of
 * overwritten values, and the three-way merge needs them. Documents therefore keep overwritten
 * citation lists, on the server and in browsers (`keepCitationValues`, lib/collab/citation-values.ts).
 */

const CITATIONS = "citations";

export interface CitationRepair {
  element: Y.XmlElement;
  citations: string[];
}

/**
 * The judgements whose citation list `transaction` left without a concurrent writer's change,
 * with the merged list each should get. Call it from an `afterTransaction` handler (before
 * garbage collection) and apply the repairs in a new transaction.
 */
function findCitationRepairs(transaction: Y.Transaction): CitationRepair[] {
  const repairs: CitationRepair[] = [];
  for (const [type, keys] of transaction.changed) {
    if (!keys.has(CITATIONS) || !isJudgement(type) || type._item?.deleted) continue;
    const current = type._map.get(CITATIONS);
    if (!current || current.deleted) continue;
    const merged = mergeLostValues(transaction, current);
    if (merged) repairs.push({ element: type, citations: merged });
  }
  return repairs;
}

/**
 * Finds the repairs `transaction` calls for and applies them in one new transaction without
 * origin, which Yjs runs right after this one. Call it from an `afterTransaction` handler.
 */
export function repairConcurrentCitations(transaction: Y.Transaction): void {
  const repairs = findCitationRepairs(transaction);
  if (repairs.length === 0) return;
  transaction.doc.transact(() => {
    for (const { element, citations } of repairs) {
      if (!element._item?.deleted) element.setAttribute(CITATIONS, citations as never);
    }
  });
}

function isJudgement(type: unknown): type is Y.XmlElement {
  return type instanceof Y.XmlElement && type.nodeName === JUDGEMENT_NODE;
}

function mergeLostValues(transaction: Y.Transaction, current: Y.Item): string[] | null {
  const { store } = transaction.doc;
  const currentId = lastId(current);
  const history = new Set(ancestry(store, currentId).map(idKey));
  // The values this transaction overwrote that the current value's writer never saw.
  const lost: Y.ID[] = [];
  for (let item = current.left; item; item = item.left) {
    const id = lastId(item);
    if (Y.isDeleted(transaction.deleteSet, id) && !history.has(idKey(id))) lost.push(id);
  }
  if (lost.length === 0) return null;
  // Of a writer's successive lost values, only the last counts (it includes the earlier ones).
  const lostChains = lost.map((id) => ancestry(store, id));
  const heads = lost.filter((id) => !lostChains.some((chain) => chain.slice(1).some((other) => sameId(other, id))));
  heads.sort((a, b) => a.client - b.client || a.clock - b.clock);

  const before = valueAt(store, currentId);
  if (!before) return null;
  let merged = before;
  for (const head of heads) {
    const theirs = valueAt(store, head);
    const commonId = ancestry(store, head).find((id) => history.has(idKey(id)));
    const base = commonId ? valueAt(store, commonId) : [];
    // A value whose content is gone (collected before this mend existed) cannot be merged safely.
    if (!theirs || !base) continue;
    merged = mergeThreeWay(base, merged, theirs);
  }
  return sameList(merged, before) ? null : merged;
}

/** `ours` with what `theirs` added to `base` and without what it removed, in `ours`' order. */
export function mergeThreeWay(base: string[], ours: string[], theirs: string[]): string[] {
  const removed = base.filter((id) => !theirs.includes(id));
  const added = theirs.filter((id) => !base.includes(id));
  const kept = ours.filter((id) => !removed.includes(id));
  return [...kept, ...added.filter((id) => !kept.includes(id))];
}

/** `id` and the values it replaced, newest first (each value's origin, as its writer saw it). */
function ancestry(store: Y.Doc["store"], id: Y.ID): Y.ID[] {
  const chain: Y.ID[] = [];
  let next: Y.ID | null = id;
  while (next) {
    chain.push(next);
    const item = findStruct(store, next);
    if (!(item instanceof Y.Item)) break;
    // Consecutive values of one writer may share a merged item; each replaced the one before it.
    next = next.clock > item.id.clock ? Y.createID(next.client, next.clock - 1) : item.origin;
  }
  return chain;
}

function valueAt(store: Y.Doc["store"], id: Y.ID): string[] | null {
  const item = findStruct(store, id);
  if (!(item instanceof Y.Item) || !(item.content instanceof Y.ContentAny)) return null;
  return toCitations(item.content.arr[id.clock - item.id.clock]);
}

/** The struct holding `id`, or null where the store has none (Yjs's `getItem` throws then). */
function findStruct(store: Y.Doc["store"], id: Y.ID): Y.Item | Y.GC | null {
  const structs = store.clients.get(id.client);
  const last = structs?.[structs.length - 1];
  if (!last || id.clock >= last.id.clock + last.length) return null;
  return Y.getItem(store, id);
}

function lastId(item: Y.Item): Y.ID {
  return Y.createID(item.id.client, item.id.clock + item.length - 1);
}

function idKey(id: Y.ID): string {
  return `${id.client}:${id.clock}`;
}

function sameId(a: Y.ID, b: Y.ID): boolean {
  return a.client === b.client && a.clock === b.clock;
}

function sameList(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((id, index) => id === b[index]);
}
