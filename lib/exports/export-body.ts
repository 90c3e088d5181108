/**
 * The text of a version (ProseMirror JSON in the editor schema) as flat blocks every renderer can
 * lay out: headings, paragraphs, list items with their depth and marker, quotes, code, rules and
 * judgement blocks, with inline citations already mapped to endnote numbers. Reads the JSON
 * directly (no schema instance) so it runs the same in the browser and on the server.
 */

/** A run of inline content. `cite` is a citation: its endnote number, or null when unresolved. */
export type ExportInline =
  | {
      kind: "text";
      text: string;
      bold?: boolean;
      italic?: boolean;
      underline?: boolean;
      strike?: boolean;
      code?: boolean;
      href?: string;
    }
  | { kind: "break" }
  | { kind: "cite"; number: number | null };

export type ExportBlock =
  | { kind: "heading"; level: number; inlines: ExportInline[] }
  | { kind: "paragraph"; inlines: ExportInline[] }
  | {
      kind: "list-item";
      /** 0 for a top-level item. */
      depth: number;
      /** "•" or "3." */
      marker: string;
      inlines: ExportInline[];
    }
  | { kind: "quote"; inlines: ExportInline[] }
  | { kind: "code"; text: string }
  | { kind: "rule" }
  /**
   * A judgement block: `judgementId` names it in the model's judgements (null if it has no id);
   * `chips` are the endnote numbers of the citations attached to the block rather than written inline.
   */
  | { kind: "judgement"; judgementId: string | null; inlines: ExportInline[]; chips: (number | null)[] };

interface JsonNode {
  type?: string;
  attrs?: Record<string, unknown>;
  content?: JsonNode[];
  text?: string;
  marks?: { type?: string; attrs?: Record<string, unknown> }[];
}

/** Endnote numbers ascending, unresolved citations (null) last: a cluster reads [3][7][10], not [10][7][3]. */
export function byEndnoteNumber(a: number | null, b: number | null): number {
  return (a ?? Number.POSITIVE_INFINITY) - (b ?? Number.POSITIVE_INFINITY);
}

/** Sorts each run of adjacent citations by endnote number, leaving the text around them in place. */
function sortCitationRuns(inlines: ExportInline[]): ExportInline[] {
  const out: ExportInline[] = [];
  let run: number[] = [];
  const flush = () => {
    const sorted = run.map((index) => inlines[index] as Extract<ExportInline, { kind: "cite" }>);
    sorted.sort((a, b) => byEndnoteNumber(a.number, b.number));
    out.push(...sorted);
    run = [];
  };
  inlines.forEach((inline, index) => {
    if (inline.kind === "cite") run.push(index);
    else {
      flush();
      out.push(inline);
    }
  });
  flush();
  return out;
}

function inlinesOf(node: JsonNode, endnoteOf: (id: string) => number | null): ExportInline[] {
  const inlines: ExportInline[] = [];
  for (const child of node.content ?? []) {
    if (child.type === "text" && typeof child.text === "string") {
      const marks = new Set((child.marks ?? []).map((mark) => mark.type));
      const link = (child.marks ?? []).find((mark) => mark.type === "link");
      const href = typeof link?.attrs?.href === "string" ? link.attrs.href : undefined;
      inlines.push({
        kind: "text",
        text: child.text,
        ...(marks.has("bold") ? { bold: true } : {}),
        ...(marks.has("italic") ? { italic: true } : {}),
        ...(marks.has("underline") ? { underline: true } : {}),
        ...(marks.has("strike") ? { strike: true } : {}),
        ...(marks.has("code") ? { code: true } : {}),
        ...(href ? { href } : {}),
      });
    } else if (child.type === "hardBreak") {
      inlines.push({ kind: "break" });
    } else if (child.type === "citation") {
      const id = child.attrs?.observationId;
      if (typeof id === "string" && id !== "") inlines.push({ kind: "cite", number: endnoteOf(id) });
    }
  }
  return sortCitationRuns(inlines);
}

function plainText(node: JsonNode): string {
  if (typeof node.text === "string") return node.text;
  return (node.content ?? []).map((child) => (child.type === "hardBreak" ? "\n" : plainText(child))).join("");
}

function walk(node: JsonNode, depth: number, out: ExportBlock[], endnoteOf: (id: string) => number | null): void {
  switch (node.type) {
    case "heading":
      out.push({ kind: "heading", level: Number(node.attrs?.level) || 1, inlines: inlinesOf(node, endnoteOf) });
      return;
    case "paragraph":
      out.push({ kind: "paragraph", inlines: inlinesOf(node, endnoteOf) });
      return;
    case "judgement": {
      const id = node.attrs?.id;
      const chips = Array.isArray(node.attrs?.citations) ? node.attrs.citations : [];
      out.push({
        kind: "judgement",
        judgementId: typeof id === "string" && id !== "" ? id : null,
        inlines: inlinesOf(node, endnoteOf),
        chips: chips
          .filter((chip): chip is string => typeof chip === "string" && chip !== "")
          .map(endnoteOf)
          .sort(byEndnoteNumber),
      });
      return;
    }
    case "codeBlock":
      out.push({ kind: "code", text: plainText(node) });
      return;
    case "horizontalRule":
      out.push({ kind: "rule" });
      return;
    case "blockquote":
      for (const child of node.content ?? []) {
        if (child.type === "paragraph") out.push({ kind: "quote", inlines: inlinesOf(child, endnoteOf) });
        else walk(child, depth, out, endnoteOf);
      }
      return;
    case "bulletList":
    case "orderedList": {
      const start = Number(node.attrs?.start) || 1;
      (node.content ?? []).forEach((item, index) => {
        const marker = node.type === "orderedList" ? `${start + index}.` : "•";
        const [first, ...rest] = item.content ?? [];
        const inlines = first?.type === "paragraph" ? inlinesOf(first, endnoteOf) : [];
        out.push({ kind: "list-item", depth, marker, inlines });
        const nested = first?.type === "paragraph" ? rest : (item.content ?? []);
        for (const child of nested) walk(child, depth + 1, out, endnoteOf);
      });
      return;
    }
    default:
      for (const child of node.content ?? []) walk(child, depth, out, endnoteOf);
  }
}

/**
 * The blocks of a document in reading order. `endnoteOf` maps a cited observation id to its
 * endnote number (null: the citation names no observation of the workspace).
 */
export function exportBlocksOf(document: unknown, endnoteOf: (id: string) => number | null): ExportBlock[] {
  const out: ExportBlock[] = [];
  if (document && typeof document === "object") walk(document as JsonNode, 0, out, endnoteOf);
  return out;
}

/** The plain text of inline content, citations written `[n]` (or `[?]` when unresolved). */
export function inlineText(inlines: readonly ExportInline[]): string {
  return inlines
    .map((inline) => {
      if (inline.kind === "text") return inline.text;
      if (inline.kind === "break") return "\n";
      return `[${inline.number ?? "?"}]`;
    })
    .join("");
}
