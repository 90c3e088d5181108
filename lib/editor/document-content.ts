import type { JSONContent } from "@tiptap/core";
import type { Mark, NodeType, Node as ProseMirrorNode, Schema } from "@tiptap/pm/model";
import * as Y from "yjs";
import { stripNulCharacters, withoutNulCharacters } from "../nul-character";
import { EDITOR_FIELD } from "./editor-extensions";
import { editorSchema } from "./editor-schema";
import {
  formatJudgementLine,
  type JudgementContent,
  judgementOf,
  readableTextOf,
  readJudgements,
} from "./judgement-content";
import { JUDGEMENT_NODE } from "./judgement-node";

/** A document's text as the editor shows it: ProseMirror JSON and plain text. */
export interface EditorContent {
  json: JSONContent;
  /**
   * Plain text, one line per text block (paragraph, heading, list item, judgement), for search
   * and export. A judgement's line carries its likelihood, confidence, key flag and citations.
   */
  text: string;
  /** The judgement blocks, in document order. */
  judgements: JudgementContent[];
}

// y-prosemirror stores overlapping marks of one type as `<name>--<8-char hash>` attributes.
const HASHED_MARK = /^(.*)--[a-zA-Z0-9+/=]{8}$/;

/**
 * Converts the editor fragment of a Y.Doc into ProseMirror JSON (checked against the editor
 * schema) and plain text.
 * Runs in Node (no DOM) and never writes to `doc`: y-prosemirror's own converters delete nodes
 * the schema rejects from the Y.Doc itself, which on the server would be an unsaved,
 * unbroadcast edit. Rejected nodes and unknown marks are left out here instead — the same
 * content an editor shows after it has dropped them.
 *
 * NUL characters (U+0000) typed or pasted into the text are left out of everything derived here:
 * PostgreSQL text and JSON cannot hold them, and one would make every save of the derived copy
 * fail. The shared document itself keeps them, so no edit is refused or lost.
 */
export function documentToContent(doc: Y.Doc, field: string = EDITOR_FIELD): EditorContent {
  const schema = editorSchema();
  const node = fragmentToNode(doc.getXmlFragment(field), schema);
  return {
    json: node.toJSON() as JSONContent,
    text: plainText(node),
    judgements: readJudgements(node),
  };
}

/**
 * One line per text block; hard breaks become line breaks inside their block's line. An inline
 * citation in a paragraph stays where it is as `[observation id]`; a judgement's citations,
 * inline ones included, are listed at the end of its line instead.
 */
export function plainText(node: ProseMirrorNode): string {
  const lines: string[] = [];
  node.descendants((child) => {
    if (!child.isTextblock) return true;
    if (child.type.name === JUDGEMENT_NODE) {
      lines.push(formatJudgementLine(judgementOf(child)));
      return false;
    }
    lines.push(readableTextOf(child, (id) => `[${id}]`));
    return false;
  });
  return lines.join("\n");
}

/** The ProseMirror document node of a fragment, validated against `schema`, without NUL characters. */
export function fragmentToNode(fragment: Y.XmlFragment, schema: Schema = editorSchema()): ProseMirrorNode {
  const children = fragment.toArray().flatMap((child) => toNodes(child, schema));
  return createNode(schema.topNodeType, null, children) ?? schema.topNodeType.create();
}

function toNodes(item: Y.XmlElement | Y.XmlText | Y.XmlHook, schema: Schema): ProseMirrorNode[] {
  if (item instanceof Y.XmlText) return textNodes(item, schema);
  if (!(item instanceof Y.XmlElement)) return [];
  const type = schema.nodes[item.nodeName];
  if (!type) return [];
  const children = item.toArray().flatMap((child) => toNodes(child, schema));
  const node = createNode(type, stripNulCharacters(item.getAttributes() as Record<string, unknown>), children);
  return node ? [node] : [];
}

/**
 * A node with valid content when possible: as is, else with what is missing filled in (an empty
 * document gets its empty paragraph). Failing both, unchecked, as y-prosemirror builds what the
 * editor shows (e.g. after concurrent edits left a mark where it is not allowed), so no text is
 * lost. Null when even the attributes are unacceptable: the editor drops such nodes too.
 */
function createNode(
  type: NodeType,
  attrs: Record<string, unknown> | null,
  children: ProseMirrorNode[],
): ProseMirrorNode | null {
  try {
    return type.createChecked(attrs, children);
  } catch {
    try {
      return type.createAndFill(attrs, children) ?? type.create(attrs, children);
    } catch {
      return null;
    }
  }
}

function textNodes(text: Y.XmlText, schema: Schema): ProseMirrorNode[] {
  const runs = text.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[];
  return runs.flatMap((run) => {
    const insert = typeof run.insert === "string" ? withoutNulCharacters(run.insert) : "";
    if (insert.length === 0) return [];
    return [schema.text(insert, marksOf(stripNulCharacters(run.attributes), schema))];
  });
}

function marksOf(attributes: Record<string, unknown> | undefined, schema: Schema): Mark[] {
  const marks: Mark[] = [];
  for (const [name, attrs] of Object.entries(attributes ?? {})) {
    const type = schema.marks[HASHED_MARK.exec(name)?.[1] ?? name];
    if (!type) continue;
    try {
      marks.push(type.create(attrs && typeof attrs === "object" ? (attrs as Record<string, unknown>) : null));
    } catch {
      // An attribute the mark does not accept: drop the mark, keep the text.
    }
  }
  return marks;
}
