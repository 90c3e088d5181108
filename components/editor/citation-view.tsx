"use client";

import { type NodeViewProps, NodeViewWrapper, ReactNodeViewRenderer } from "@tiptap/react";
import { citationIdOf } from "@/lib/editor/citation-node";
import { CitationChip } from "./citation-chip";

/** An inline citation in the text: a chip with the observation card, like a judgement's chips. */
function CitationView({ node, selected }: NodeViewProps) {
  const id = citationIdOf(node);
  return (
    <NodeViewWrapper as="span" className="citation-node" contentEditable={false}>
      {id ? <CitationChip observationId={id} isSelected={selected} /> : <span className="text-xs">[?]</span>}
    </NodeViewWrapper>
  );
}

/** The node view renderer of inline citations, passed to the editor schema in the browser. */
export const citationNodeView = ReactNodeViewRenderer(CitationView, { as: "span" });
