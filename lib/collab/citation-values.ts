import * as Y from "yjs";
import { JUDGEMENT_NODE } from "@/lib/editor/judgement-node";

/**
 * A Yjs `gcFilter` that keeps the content of overwritten citation lists (a judgement's
 * `citations` attribute). The server merges a list overwritten by a concurrent writer back into
 * the current one (server/collab/concurrent-citations.ts) and needs both lists and the one before
 * them. Browsers keep them too: a browser that was offline receives the other writer's list when
 * it reconnects, before it sends its own, and without this its own list would already be
 * collected, sent as deleted content the server cannot merge. They are small (one array per
 * citation change).
 */
export function keepCitationValues(item: Y.Item): boolean {
  return !(
    item.parentSub === "citations" &&
    item.parent instanceof Y.XmlElement &&
    item.parent.nodeName === JUDGEMENT_NODE
  );
}

/** Options for every Y.Doc holding an assessment's text, in browsers and on the server. */
export const DOCUMENT_DOC_OPTIONS = { gcFilter: keepCitationValues } as const;
