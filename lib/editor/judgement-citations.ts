import { mergeAttributes, Node } from "@tiptap/core";
import type { Node as ProseMirrorNode } from "@tiptap/pm/model";
import type { Transaction } from "@tiptap/pm/state";
import { CITATION_NODE, citationIdOf } from "./citation-node";
import { JUDGEMENT_CITATIONS_NODE, toCitations } from "./judgement-node";

export { JUDGEMENT_CITATIONS_NODE };

/**
 * A judgement's citation chips: the last child of the judgement, after the statement, holding
 * one `citation` atom per cited observation. Each citation is its own element in the shared
 * document, so citations added or removed by two people at once merge like text; a list in one
 * attribute would keep only the last writer's (Yjs attributes are last-writer-wins). The editor
 * shows the chips below the statement, never inside it: the node renders nothing there and the
 * caret cannot enter it (`JudgementEditing` keeps it out). Last, not first: y-prosemirror
 * rewrites a block's only text when an element is inserted before it, which would duplicate the
 * statement when two people cite at once and detach comments anchored in it.
 */
export const JudgementCitations = Node.create({
  name: JUDGEMENT_CITATIONS_NODE,
  inline: true,
  atom: true,
  selectable: false,
  draggable: false,
  content: `${CITATION_NODE}*`,

  parseHTML() {
    return [{ tag: `span[data-type="${JUDGEMENT_CITATIONS_NODE}"]` }];
  },

  renderHTML({ HTMLAttributes }) {
    return ["span", mergeAttributes(HTMLAttributes, { "data-type": JUDGEMENT_CITATIONS_NODE, hidden: "hidden" }), 0];
  },

  // Copied text reads as the statement alone, as before citations were nodes.
  renderText() {
    return "";
  },

  addNodeView() {
    return () => {
      // Empty rather than hidden: browsers will not move the caret (End, Ctrl+End) to the end of a
      // line that ends in an element they do not display.
      const dom = document.createElement("span");
      dom.dataset.type = JUDGEMENT_CITATIONS_NODE;
      dom.contentEditable = "false";
      return { dom, ignoreMutation: () => true };
    };
  },
});

/** Whether `node` is a judgement's list of citation chips. */
export function isJudgementCitations(node: ProseMirrorNode): boolean {
  return node.type.name === JUDGEMENT_CITATIONS_NODE;
}

/**
 * The observation ids of a judgement's chips, in citation order, each once: those of the
 * `citations` attribute of documents written before chips were nodes, then those of its chip
 * lists (two people citing on a judgement without one at the same moment each make one).
 */
export function chipCitationsOf(judgement: ProseMirrorNode): string[] {
  const ids = toCitations(judgement.attrs.citations);
  judgement.forEach((child) => {
    if (!isJudgementCitations(child)) return;
    child.forEach((citation) => {
      const id = citationIdOf(citation);
      if (id) ids.push(id);
    });
  });
  return toCitations(ids);
}

interface JsonNode {
  type?: string;
  attrs?: Record<string, unknown>;
  content?: JsonNode[];
}

/** `chipCitationsOf` for a judgement block as ProseMirror JSON (a version's frozen content). */
export function chipCitationsOfJson(judgement: JsonNode): string[] {
  const ids = toCitations(judgement.attrs?.citations);
  for (const child of judgement.content ?? []) {
    if (child.type !== JUDGEMENT_CITATIONS_NODE) continue;
    for (const citation of child.content ?? []) {
      const id = citation.attrs?.observationId;
      if (typeof id === "string") ids.push(id);
    }
  }
  return toCitations(ids);
}

/**
 * Cites `observationId` on the judgement at `pos` (a chip), unless it is cited already.
 * Returns whether `tr` changed.
 */
export function addJudgementCitation(tr: Transaction, pos: number, observationId: string): boolean {
  const judgement = tr.doc.nodeAt(pos);
  if (!judgement || observationId.trim() === "" || chipCitationsOf(judgement).includes(observationId)) return false;
  writeChips(tr, pos, { add: observationId });
  return true;
}

/**
 * Removes every chip citing `observationId` from the judgement at `pos` (a repeat made by two
 * people citing it at once included). Returns whether `tr` changed.
 */
export function removeJudgementCitation(tr: Transaction, pos: number, observationId: string): boolean {
  const judgement = tr.doc.nodeAt(pos);
  if (!judgement || !chipCitationsOf(judgement).includes(observationId)) return false;
  writeChips(tr, pos, { remove: observationId });
  return true;
}

/**
 * Adds or removes one chip as single citation nodes, never by rewriting the list, so a
 * colleague's concurrent change of another chip survives. A judgement still holding its chips in
 * the `citations` attribute has them moved into nodes first (and the attribute cleared).
 */
function writeChips(tr: Transaction, pos: number, change: { add?: string; remove?: string }): void {
  const judgement = tr.doc.nodeAt(pos);
  const citationType = tr.doc.type.schema.nodes[CITATION_NODE];
  const listType = tr.doc.type.schema.nodes[JUDGEMENT_CITATIONS_NODE];
  if (!judgement || !citationType || !listType) return;
  const inLists = new Set<string>();
  const removals: number[] = [];
  let listEnd: number | null = null;
  judgement.forEach((child, offset) => {
    if (!isJudgementCitations(child)) return;
    const listPos = pos + 1 + offset;
    listEnd = listPos + child.nodeSize - 1;
    child.forEach((citation, citationOffset) => {
      const id = citationIdOf(citation);
      if (id === null) return;
      if (id === change.remove) removals.push(listPos + 1 + citationOffset);
      else inLists.add(id);
    });
  });
  const legacy = toCitations(judgement.attrs.citations);
  const added = [...legacy, ...(change.add ? [change.add] : [])].filter(
    (id) => id !== change.remove && !inLists.has(id),
  );
  // Last first, so earlier positions stay valid.
  for (const at of removals.reverse()) tr.delete(at, at + 1);
  const citations = toCitations(added).map((observationId) => citationType.create({ observationId }));
  if (citations.length > 0) {
    if (listEnd === null) tr.insert(pos + judgement.nodeSize - 1, listType.create(null, citations));
    else tr.insert(tr.mapping.map(listEnd), citations);
  }
  if (legacy.length > 0) tr.setNodeAttribute(pos, "citations", []);
}
