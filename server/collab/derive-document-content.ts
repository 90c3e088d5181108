import * as Y from "yjs";

/** A ProseMirror node in JSON form. */
export interface ProseMirrorJson {
  type: string;
  attrs?: Record<string, unknown>;
  content?: ProseMirrorJson[];
  text?: string;
  marks?: { type: string; attrs?: Record<string, unknown> }[];
}

export interface DocumentContent {
  json: ProseMirrorJson;
  text: string;
}

/** The fragment Tiptap's Collaboration extension binds the editor to. */
export const EDITOR_FRAGMENT = "default";

// y-prosemirror stores overlapping marks of one type as `name--<8-char hash>` attributes.
const HASHED_MARK = /^(.*)--[a-zA-Z0-9+/=]{8}$/;

/**
 * ProseMirror JSON and plain text of a document's `default` fragment, derived with Yjs alone
 * (node names and attributes as y-prosemirror writes them), so the server needs no editor
 * schema. The result is the same JSON `yXmlFragmentToProsemirrorJSON` produces; validating it
 * against the schema in lib/editor is left to whoever renders or exports it.
 */
export function deriveDocumentContent(doc: Y.Doc): DocumentContent {
  const fragment = doc.getXmlFragment(EDITOR_FRAGMENT);
  const children = fragment.toArray();
  return {
    json: { type: "doc", content: children.flatMap(toJson) },
    text: children.flatMap(toLines).join("\n"),
  };
}

function toJson(node: Y.XmlElement | Y.XmlText | Y.XmlHook): ProseMirrorJson[] {
  if (node instanceof Y.XmlText) {
    return textRuns(node).map(({ insert, attributes }) => {
      const marks = Object.entries(attributes ?? {}).map(([name, attrs]) => ({
        type: HASHED_MARK.exec(name)?.[1] ?? name,
        ...(attrs && typeof attrs === "object" && Object.keys(attrs).length > 0
          ? { attrs: attrs as Record<string, unknown> }
          : {}),
      }));
      return { type: "text", text: insert, ...(marks.length > 0 ? { marks } : {}) };
    });
  }
  if (!(node instanceof Y.XmlElement)) return [];
  const attrs = node.getAttributes();
  const content = node.toArray().flatMap(toJson);
  return [
    {
      type: node.nodeName,
      ...(Object.keys(attrs).length > 0 ? { attrs } : {}),
      ...(content.length > 0 ? { content } : {}),
    },
  ];
}

/** Lines of plain text: one per text block (paragraph, heading, list item's paragraph …). */
function toLines(node: Y.XmlElement | Y.XmlText | Y.XmlHook): string[] {
  if (node instanceof Y.XmlText) return [runsText(node)];
  if (!(node instanceof Y.XmlElement)) return [];
  const children = node.toArray();
  const isTextBlock = children.length === 0 || children.some((child) => child instanceof Y.XmlText);
  if (!isTextBlock) return children.flatMap(toLines);
  return [
    children
      .map((child) =>
        child instanceof Y.XmlText
          ? runsText(child)
          : child instanceof Y.XmlElement && child.nodeName === "hardBreak"
            ? "\n"
            : "",
      )
      .join(""),
  ];
}

function textRuns(node: Y.XmlText): { insert: string; attributes?: Record<string, unknown> }[] {
  return (node.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[]).filter(
    (run): run is { insert: string; attributes?: Record<string, unknown> } => typeof run.insert === "string",
  );
}

function runsText(node: Y.XmlText): string {
  return textRuns(node)
    .map((run) => run.insert)
    .join("");
}
