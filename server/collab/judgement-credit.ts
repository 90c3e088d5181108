import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import * as Y from "yjs";
import { EDITOR_FIELD } from "@/lib/editor/editor-extensions";
import { JUDGEMENT_NODE } from "@/lib/editor/judgement-node";

/** One user's edits of judgement blocks: who, and the ids of the blocks they touched. */
export interface JudgementCredit {
  userId: string;
  judgementIds: string[];
}

/**
 * The ids of the judgement blocks a transaction edited: text inserted into or deleted from a
 * block (text merged in from another paragraph included), a changed attribute, or a judgement
 * block created whole (typed, pasted, inserted). A block deleted whole, in this transaction or
 * before, is a change of the document, not of the judgement, and is not counted. Call it from
 * `afterTransaction`: later, Yjs has garbage-collected what the transaction deleted.
 */
export function findTouchedJudgements(transaction: Y.Transaction): Set<string> {
  const fragment = transaction.doc.getXmlFragment(EDITOR_FIELD);
  const touched = new Set<string>();
  const note = (struct: unknown) => {
    const id = judgementIdOf(blockOf(struct, fragment));
    if (id) touched.add(id);
  };
  // A change inside an existing type (text, attributes, children) is recorded on that type.
  for (const type of transaction.changed.keys()) if (type._item) note(type._item);
  // Types made in this transaction are not recorded in `changed`, nor is what was inserted into
  // or deleted from the fragment itself: read the new structs and the deleted ones.
  for (const [client, clock] of transaction.afterState) {
    const before = transaction.beforeState.get(client) ?? 0;
    const structs = transaction.doc.store.clients.get(client);
    if (clock <= before || !structs) continue;
    for (let index = Y.findIndexSS(structs, before); index < structs.length; index += 1) note(structs[index]);
  }
  Y.iterateDeletedStructs(transaction, transaction.deleteSet, note);
  return touched;
}

/** The direct child of the editor fragment that holds `struct`, if any. */
function blockOf(struct: unknown, fragment: Y.XmlFragment): Y.Item | null {
  if (!(struct instanceof Y.Item)) return null;
  let item: Y.Item = struct;
  for (;;) {
    const parent = item.parent;
    if (!(parent instanceof Y.AbstractType)) return null;
    if (parent === fragment) return item;
    // Another root type (not the editor's) holds it.
    if (!parent._item) return null;
    item = parent._item;
  }
}

function judgementIdOf(block: Y.Item | null): string | null {
  if (!block || block.deleted || !(block.content instanceof Y.ContentType)) return null;
  const element = block.content.type;
  if (!(element instanceof Y.XmlElement) || element.nodeName !== JUDGEMENT_NODE) return null;
  const id = element.getAttribute("id");
  return typeof id === "string" && id !== "" ? id : null;
}

/** A credit as a relay payload. */
export function encodeJudgementCredit(credit: JudgementCredit): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, credit.userId);
  encoding.writeVarUint(encoder, credit.judgementIds.length);
  for (const id of credit.judgementIds) encoding.writeVarString(encoder, id);
  return encoding.toUint8Array(encoder);
}

/** A credit from a relay payload (throws on malformed bytes). */
export function decodeJudgementCredit(payload: Uint8Array): JudgementCredit {
  const decoder = decoding.createDecoder(payload);
  const userId = decoding.readVarString(decoder);
  const count = decoding.readVarUint(decoder);
  const judgementIds: string[] = [];
  for (let index = 0; index < count; index += 1) judgementIds.push(decoding.readVarString(decoder));
  return { userId, judgementIds };
}
