import type { JSONContent } from "@tiptap/core";
import { JUDGEMENT_NODE } from "../editor/judgement-node";
import { diffWords } from "../reviews/word-diff";
import type { BlockDiffDto } from "../schemas/history";

/** One text block of a document other than a judgement: its kind and its plain text. */
export interface TextBlock {
  type: string;
  text: string;
}

/** Nodes that only hold other blocks; their text blocks are compared one by one. */
const CONTAINERS: Record<string, string | null> = {
  doc: null,
  bulletList: "bullet list",
  orderedList: "numbered list",
  listItem: null,
  blockquote: "quote",
};

/** Plain text of an inline run: hard breaks become line breaks; inline citations are left out. */
function inlineText(node: JSONContent): string {
  if (node.type === "text") return node.text ?? "";
  if (node.type === "hardBreak") return "\n";
  return (node.content ?? []).map(inlineText).join("");
}

function blockType(node: JSONContent, within: string | null): string {
  if (node.type === "heading") return `heading ${Number(node.attrs?.level ?? 1)}`;
  if (node.type === "horizontalRule") return "divider";
  if (within && node.type === "paragraph") return `${within} item`;
  return node.type === "codeBlock" ? "code block" : (node.type ?? "block");
}

/** The text blocks of a ProseMirror JSON document in reading order, judgements left out (they are compared on their own). */
export function textBlocksOf(document: JSONContent | Record<string, unknown>): TextBlock[] {
  const blocks: TextBlock[] = [];
  const visit = (node: JSONContent, within: string | null) => {
    const type = node.type ?? "";
    if (type === JUDGEMENT_NODE) return;
    if (type in CONTAINERS) {
      for (const child of node.content ?? []) visit(child, CONTAINERS[type] ?? within);
      return;
    }
    blocks.push({ type: blockType(node, within), text: inlineText(node) });
  };
  visit(document as JSONContent, null);
  return blocks;
}

type Step = { kind: "same" | "removed" | "added"; block: TextBlock };

/** The longest common subsequence of two block lists (same kind and text), as steps. */
function alignBlocks(a: readonly TextBlock[], b: readonly TextBlock[]): Step[] {
  const key = (block: TextBlock) => `${block.type}\u0000${block.text}`;
  const width = b.length + 1;
  const lengths = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lengths[i * width + j] =
        key(a[i] as TextBlock) === key(b[j] as TextBlock)
          ? (lengths[(i + 1) * width + j + 1] ?? 0) + 1
          : Math.max(lengths[(i + 1) * width + j] ?? 0, lengths[i * width + j + 1] ?? 0);
    }
  }
  const steps: Step[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const left = a[i];
    const right = b[j];
    if (left && right && key(left) === key(right)) {
      steps.push({ kind: "same", block: left });
      i++;
      j++;
    } else if (left && (!right || (lengths[(i + 1) * width + j] ?? 0) >= (lengths[i * width + j + 1] ?? 0))) {
      steps.push({ kind: "removed", block: left });
      i++;
    } else if (right) {
      steps.push({ kind: "added", block: right });
      j++;
    }
  }
  return steps;
}

/**
 * How the text other than judgements changed, in reading order: blocks added and removed, and a
 * block edited in place (a removed block followed by an added one in the same stretch) as one
 * changed block with a word diff.
 */
export function diffBlocks(before: readonly TextBlock[], after: readonly TextBlock[]): BlockDiffDto[] {
  const result: BlockDiffDto[] = [];
  let removed: TextBlock[] = [];
  let added: TextBlock[] = [];
  const flush = () => {
    const paired = Math.min(removed.length, added.length);
    for (let index = 0; index < Math.max(removed.length, added.length); index++) {
      const old = removed[index];
      const now = added[index];
      if (index < paired && old && now) {
        result.push({
          change: "changed",
          type: now.type,
          before: old.text,
          after: now.text,
          diff: diffWords(old.text, now.text),
        });
      } else if (old) {
        result.push({
          change: "removed",
          type: old.type,
          before: old.text,
          after: null,
          diff: diffWords(old.text, ""),
        });
      } else if (now) {
        result.push({ change: "added", type: now.type, before: null, after: now.text, diff: diffWords("", now.text) });
      }
    }
    removed = [];
    added = [];
  };
  for (const step of alignBlocks(before, after)) {
    if (step.kind === "same") flush();
    else if (step.kind === "removed") removed.push(step.block);
    else added.push(step.block);
  }
  flush();
  return result;
}
