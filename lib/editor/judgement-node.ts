import { mergeAttributes, Node, type NodeViewRenderer } from "@tiptap/core";
import { TextSelection } from "@tiptap/pm/state";
import { CONFIDENCE_LEVELS, type ConfidenceLevel } from "@/lib/standards/confidence";
import { LIKELIHOOD_BANDS, type LikelihoodBand } from "@/lib/standards/icd203";

/** The node name of judgement blocks in the editor schema and in the Y.Doc. */
export const JUDGEMENT_NODE = "judgement";

/** The attributes of a judgement block. */
export interface JudgementAttributes {
  /** Stable id ("jdg_…"), set once when the block is inserted; reviews and comments refer to it. */
  id: string | null;
  /** The ICD 203 band, or null while the analyst has not chosen one. */
  likelihood: LikelihoodBand | null;
  /** Analytic confidence, or null while not chosen. */
  confidence: ConfidenceLevel | null;
  /** Whether the judgement is one of the assessment's key judgements. */
  isKey: boolean;
  /** Ids of the cited observations, in citation order. */
  citations: string[];
}

export interface JudgementOptions {
  /** The browser's interactive view of the block; the server and tests use plain HTML. */
  nodeView: NodeViewRenderer | null;
}

declare module "@tiptap/core" {
  interface Commands<ReturnType> {
    judgement: {
      /** Inserts a judgement block with a new id after the current block (or in place of an empty paragraph). */
      insertJudgement: (attributes?: Partial<Omit<JudgementAttributes, "id">>) => ReturnType;
    };
  }
}

/**
 * A new judgement id. Made only when a block is inserted (never when a document is loaded or
 * normalised): every open editor would otherwise invent a different id for the same block and
 * race to write it into the shared document. `getRandomValues` also works on plain http origins,
 * unlike `randomUUID`.
 */
export function createJudgementId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(10));
  return `jdg_${Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("")}`;
}

/** A likelihood band from stored or pasted data; anything else counts as "not chosen". */
export function toLikelihood(value: unknown): LikelihoodBand | null {
  return (LIKELIHOOD_BANDS as readonly unknown[]).includes(value) ? (value as LikelihoodBand) : null;
}

/** A confidence level from stored or pasted data; anything else counts as "not chosen". */
export function toConfidence(value: unknown): ConfidenceLevel | null {
  return (CONFIDENCE_LEVELS as readonly unknown[]).includes(value) ? (value as ConfidenceLevel) : null;
}

/** Citation ids from stored or pasted data: distinct non-empty strings, order kept. */
export function toCitations(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return [...new Set(value.filter((item): item is string => typeof item === "string" && item.trim() !== ""))];
}

function parseCitations(element: HTMLElement): string[] {
  try {
    return toCitations(JSON.parse(element.getAttribute("data-citations") ?? "[]"));
  } catch {
    return [];
  }
}

/**
 * A judgement block: the statement as inline rich text, with its likelihood, confidence,
 * key-judgement flag and citations as attributes. Part of the one editor schema, so the server
 * reads judgements from a stored Y.Doc exactly as the editor wrote them.
 */
export const Judgement = Node.create<JudgementOptions>({
  name: JUDGEMENT_NODE,
  group: "block",
  content: "inline*",
  defining: true,

  addOptions() {
    return { nodeView: null };
  },

  addAttributes() {
    return {
      id: {
        default: null,
        parseHTML: (element) => element.getAttribute("data-id"),
        renderHTML: (attributes) => (attributes.id ? { "data-id": attributes.id } : {}),
      },
      likelihood: {
        default: null,
        parseHTML: (element) => toLikelihood(element.getAttribute("data-likelihood")),
        renderHTML: (attributes) => (attributes.likelihood ? { "data-likelihood": attributes.likelihood } : {}),
      },
      confidence: {
        default: null,
        parseHTML: (element) => toConfidence(element.getAttribute("data-confidence")),
        renderHTML: (attributes) => (attributes.confidence ? { "data-confidence": attributes.confidence } : {}),
      },
      isKey: {
        default: false,
        parseHTML: (element) => element.getAttribute("data-key") === "true",
        renderHTML: (attributes) => (attributes.isKey ? { "data-key": "true" } : {}),
      },
      citations: {
        default: [],
        parseHTML: parseCitations,
        renderHTML: (attributes) => ({ "data-citations": JSON.stringify(toCitations(attributes.citations)) }),
      },
    };
  },

  parseHTML() {
    return [{ tag: `div[data-type="${JUDGEMENT_NODE}"]` }];
  },

  renderHTML({ HTMLAttributes }) {
    return ["div", mergeAttributes(HTMLAttributes, { "data-type": JUDGEMENT_NODE }), 0];
  },

  addNodeView() {
    return this.options.nodeView;
  },

  addCommands() {
    return {
      insertJudgement:
        (attributes = {}) =>
        ({ state, tr, dispatch }) => {
          const type = state.schema.nodes[JUDGEMENT_NODE];
          if (!type) return false;
          const node = type.create({ ...attributes, id: createJudgementId() });
          const { $from } = state.selection;
          const isEmptyTopParagraph =
            $from.depth === 1 && $from.parent.type.name === "paragraph" && $from.parent.content.size === 0;
          if (!dispatch) return true;
          const at = isEmptyTopParagraph ? $from.before(1) : $from.depth > 0 ? $from.after(1) : $from.pos;
          if (isEmptyTopParagraph) tr.replaceWith(at, at + $from.parent.nodeSize, node);
          else tr.insert(at, node);
          tr.setSelection(TextSelection.create(tr.doc, at + 1)).scrollIntoView();
          return true;
        },
    };
  },
});
