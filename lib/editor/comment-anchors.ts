import type { Node as ProseMirrorNode } from "@tiptap/pm/model";
import type { EditorState } from "@tiptap/pm/state";
import {
  absolutePositionToRelativePosition,
  relativePositionToAbsolutePosition,
  ySyncPluginKey,
} from "@tiptap/y-tiptap";
import * as Y from "yjs";
import { JUDGEMENT_NODE } from "./judgement-node";
import { isLiveIn } from "./restored-anchors";

/** y-prosemirror's map from Yjs types to the ProseMirror nodes they currently render as. */
export type ProsemirrorMapping = Parameters<typeof absolutePositionToRelativePosition>[2];

/** What turns ProseMirror positions into Yjs relative positions and back: the editor's Yjs binding. */
export interface AnchorBinding {
  doc: Y.Doc;
  /** The fragment the editor renders (`default`). */
  type: Y.XmlFragment;
  mapping: ProsemirrorMapping;
}

/** A comment range as ProseMirror positions, `from < to`. */
export interface AnchorRange {
  from: number;
  to: number;
}

/** The binding of an editor with the Collaboration extension; null before it exists. */
export function anchorBindingOf(state: EditorState): AnchorBinding | null {
  const sync = ySyncPluginKey.getState(state) as
    | { doc?: Y.Doc; type?: Y.XmlFragment; binding?: { mapping?: ProsemirrorMapping } }
    | undefined;
  if (!sync?.doc || !sync.type || !sync.binding?.mapping) return null;
  return { doc: sync.doc, type: sync.type, mapping: sync.binding.mapping };
}

/** Base64 of `Y.encodeRelativePosition`, the form the comments API stores. */
export function encodeAnchor(position: Y.RelativePosition): string {
  let binary = "";
  for (const byte of Y.encodeRelativePosition(position)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** The relative position an anchor encodes; null for anything that is not one. */
export function decodeAnchor(value: string): Y.RelativePosition | null {
  try {
    return Y.decodeRelativePosition(Uint8Array.from(atob(value), (char) => char.charCodeAt(0)));
  } catch {
    return null;
  }
}

/**
 * The relative position of `pos` with the given association. y-prosemirror always associates
 * with the character before (-1); the start of a comment must stick to its first character
 * (0) instead, or text typed just before the phrase would be pulled into the highlight.
 */
function relativePositionOf(binding: AnchorBinding, pos: number, assoc: 0 | -1): Y.RelativePosition {
  const relative = absolutePositionToRelativePosition(pos, binding.type, binding.mapping) as Y.RelativePosition;
  if (assoc === -1) return relative;
  const absolute = Y.createAbsolutePositionFromRelativePosition(relative, binding.doc);
  if (!absolute || !(absolute.type instanceof Y.XmlText)) return relative;
  return Y.createRelativePositionFromTypeIndex(absolute.type, absolute.index, assoc);
}

/**
 * Anchors of the range `from`–`to` of the editor's document, encoded for the API. The range
 * keeps to its words: text typed at either edge stays outside, text typed inside is part of it.
 */
export function encodeAnchorRange(
  binding: AnchorBinding,
  range: AnchorRange,
): { anchorStart: string; anchorEnd: string } {
  return {
    anchorStart: encodeAnchor(relativePositionOf(binding, range.from, 0)),
    anchorEnd: encodeAnchor(relativePositionOf(binding, range.to, -1)),
  };
}

/**
 * y-prosemirror's conversion, without its guard against drag-and-drop misplacement: it answers
 * null for every character-anchored position at or before 1, taking it for a position left in a
 * moved (deleted) block, but 1 is also the first character of the document. A position in text
 * that is still in the document is placed here from the start of that text; one in deleted
 * text stays unplaced, as the guard intends.
 */
function absolutePositionOf(binding: AnchorBinding, position: Y.RelativePosition): number | null {
  try {
    const absolute = relativePositionToAbsolutePosition(binding.doc, binding.type, position, binding.mapping);
    if (absolute !== null) return absolute;
    const decoded = Y.createAbsolutePositionFromRelativePosition(position, binding.doc);
    if (!decoded || !(decoded.type instanceof Y.XmlText) || !isLiveIn(binding.type, decoded.type)) return null;
    // Anchored to the text itself rather than a character: not what the guard rejects.
    const textStart = Y.createRelativePositionFromTypeIndex(decoded.type, 0, -1);
    const start = relativePositionToAbsolutePosition(binding.doc, binding.type, textStart, binding.mapping);
    return start === null ? null : start + decoded.index;
  } catch {
    // An anchor naming structure this copy cannot place (e.g. a malformed position) is unplaced, not fatal.
    return null;
  }
}

/**
 * Where an anchored range is now, after everyone's edits; null when it cannot be placed or its
 * text was deleted (the range collapsed), i.e. the thread is detached.
 */
export function resolveAnchorRange(
  binding: AnchorBinding,
  start: Y.RelativePosition,
  end: Y.RelativePosition,
): AnchorRange | null {
  const from = absolutePositionOf(binding, start);
  const to = absolutePositionOf(binding, end);
  if (from === null || to === null || from >= to) return null;
  return { from, to };
}

/** The block range of the judgement with this id (the first, as the projection counts), or null. */
export function findJudgementRange(doc: ProseMirrorNode, judgementId: string): AnchorRange | null {
  let found: AnchorRange | null = null;
  doc.descendants((node, pos) => {
    if (found) return false;
    if (node.type.name === JUDGEMENT_NODE && node.attrs.id === judgementId) {
      found = { from: pos, to: pos + node.nodeSize };
      return false;
    }
    return !node.isTextblock;
  });
  return found;
}

/** The judgement block around a position, if any: its id and range. */
export function judgementAt(doc: ProseMirrorNode, pos: number): { id: string; range: AnchorRange } | null {
  const $pos = doc.resolve(pos);
  for (let depth = $pos.depth; depth > 0; depth--) {
    const node = $pos.node(depth);
    if (node.type.name === JUDGEMENT_NODE) {
      const id = typeof node.attrs.id === "string" && node.attrs.id !== "" ? node.attrs.id : null;
      return id ? { id, range: { from: $pos.before(depth), to: $pos.after(depth) } } : null;
    }
  }
  return null;
}
