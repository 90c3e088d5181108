import { Extension } from "@tiptap/core";
import type { Node as ProseMirrorNode } from "@tiptap/pm/model";
import { type EditorState, Plugin, PluginKey } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";
import { type DocumentFinding, lintDocument } from "./lint-document";

export interface TradecraftLintOptions {
  /** Quiet time after the last change before the linter runs again, in milliseconds. */
  delayMs: number;
  /** Told the findings after every run (the side panel lists them). */
  onFindings: (findings: DocumentFinding[]) => void;
}

interface LintState {
  findings: DocumentFinding[];
  decorations: DecorationSet;
}

/** The plugin holding the latest findings and their decorations. */
export const tradecraftLintKey = new PluginKey<LintState>("tradecraftLint");

function decorationsOf(doc: ProseMirrorNode, findings: DocumentFinding[]): DecorationSet {
  const decorations = findings.map((finding) => {
    const attributes = { class: `lint-finding lint-${finding.severity}`, title: finding.message };
    if (finding.range && finding.to > finding.from) return Decoration.inline(finding.from, finding.to, attributes);
    const block = doc.nodeAt(finding.blockPos);
    return Decoration.node(finding.blockPos, finding.blockPos + (block?.nodeSize ?? 1), {
      class: "lint-block",
    });
  });
  return DecorationSet.create(doc, decorations);
}

function run(state: EditorState): DocumentFinding[] {
  return lintDocument(state.doc);
}

/**
 * The live tradecraft linter: runs `lintDocument` a moment after the text stops changing (local
 * and remote edits alike), underlines the findings in the text with their message as a tooltip,
 * and reports them for the side panel. Runs in every open editor, read-only ones included; it
 * only decorates and never changes the shared document.
 */
export const TradecraftLint = Extension.create<TradecraftLintOptions>({
  name: "tradecraftLint",

  addOptions() {
    return { delayMs: 300, onFindings: () => {} };
  },

  addProseMirrorPlugins() {
    const { delayMs, onFindings } = this.options;
    return [
      new Plugin<LintState>({
        key: tradecraftLintKey,
        state: {
          init: () => ({ findings: [], decorations: DecorationSet.empty }),
          apply(tr, value, _old, state) {
            const findings = tr.getMeta(tradecraftLintKey) as DocumentFinding[] | undefined;
            if (findings) return { findings, decorations: decorationsOf(state.doc, findings) };
            // Between runs, decorations follow the text they mark.
            return tr.docChanged ? { ...value, decorations: value.decorations.map(tr.mapping, tr.doc) } : value;
          },
        },
        props: {
          decorations: (state) => tradecraftLintKey.getState(state)?.decorations,
        },
        view(view) {
          let timer: ReturnType<typeof setTimeout> | undefined;
          const schedule = (wait: number) => {
            clearTimeout(timer);
            timer = setTimeout(() => {
              if (view.isDestroyed) return;
              const findings = run(view.state);
              view.dispatch(view.state.tr.setMeta(tradecraftLintKey, findings).setMeta("addToHistory", false));
              onFindings(findings);
            }, wait);
          };
          schedule(0);
          return {
            update(current, previous) {
              if (current.state.doc !== previous.doc) schedule(delayMs);
            },
            destroy() {
              clearTimeout(timer);
            },
          };
        },
      }),
    ];
  },
});
