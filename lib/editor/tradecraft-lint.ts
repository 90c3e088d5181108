import { Extension } from "@tiptap/core";
import type { Node as ProseMirrorNode } from "@tiptap/pm/model";
import { type EditorState, Plugin, PluginKey } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";
import type { EvidenceLookup } from "@/lib/tradecraft";
import { type DocumentFinding, lintDocument } from "./lint-document";
import { changeMappingOf, findingBlockAt, mapFindings } from "./lint-findings";

export interface TradecraftLintOptions {
  /** Quiet time after the last change before the linter runs again, in milliseconds. */
  delayMs: number;
  /**
   * Told the findings after every run, and as they move with the text between runs (the side
   * panel lists them): findings of deleted text are gone at once, not 300 ms later.
   */
  onFindings: (findings: DocumentFinding[]) => void;
}

interface LintState {
  findings: DocumentFinding[];
  decorations: DecorationSet;
  /** The workspace library the evidence rules check citations against; null while unknown. */
  evidence: EvidenceLookup | null;
}

declare module "@tiptap/core" {
  interface Commands<ReturnType> {
    tradecraftLint: {
      /**
       * Gives the linter the workspace's evidence library (null: not loaded, evidence rules
       * skipped) and runs it again at once, without any change to the text.
       */
      setLintEvidence: (evidence: EvidenceLookup | null) => ReturnType;
    };
  }
}

/** The plugin holding the latest findings, their decorations and the evidence they were found with. */
export const tradecraftLintKey = new PluginKey<LintState>("tradecraftLint");

type LintMeta = { findings: DocumentFinding[] } | { evidence: EvidenceLookup | null };

function decorationsOf(doc: ProseMirrorNode, findings: DocumentFinding[]): DecorationSet {
  const decorations = findings.flatMap((finding) => {
    // Findings are always of `doc` here; a position past its end must still not throw.
    const block = findingBlockAt(doc, finding.blockPos);
    if (!block) return [];
    const attributes = { class: `lint-finding lint-${finding.severity}`, title: finding.message };
    const blockEnd = finding.blockPos + block.nodeSize - 1;
    if (finding.range && finding.to > finding.from && finding.from > finding.blockPos && finding.to <= blockEnd) {
      return [Decoration.inline(finding.from, finding.to, attributes)];
    }
    return [Decoration.node(finding.blockPos, finding.blockPos + block.nodeSize, { class: "lint-block" })];
  });
  return DecorationSet.create(doc, decorations);
}

function run(state: EditorState): DocumentFinding[] {
  return lintDocument(state.doc, tradecraftLintKey.getState(state)?.evidence ?? undefined);
}

/**
 * The live tradecraft linter: runs `lintDocument` a moment after the text stops changing (local
 * and remote edits alike) and at once when the evidence library changes (an observation
 * retracted elsewhere flags the judgements citing it with nobody touching the text), underlines
 * the findings with their message as a tooltip, and reports them for the side panel. Runs in
 * every open editor, read-only ones included; it only decorates and never changes the shared
 * document.
 */
export const TradecraftLint = Extension.create<TradecraftLintOptions>({
  name: "tradecraftLint",

  addOptions() {
    return { delayMs: 300, onFindings: () => {} };
  },

  addCommands() {
    return {
      setLintEvidence:
        (evidence) =>
        ({ tr, dispatch }) => {
          if (dispatch) tr.setMeta(tradecraftLintKey, { evidence } satisfies LintMeta).setMeta("addToHistory", false);
          return true;
        },
    };
  },

  addProseMirrorPlugins() {
    const { delayMs, onFindings } = this.options;
    return [
      new Plugin<LintState>({
        key: tradecraftLintKey,
        state: {
          init: () => ({ findings: [], decorations: DecorationSet.empty, evidence: null }),
          apply(tr, value, _old, state) {
            const meta = tr.getMeta(tradecraftLintKey) as LintMeta | undefined;
            if (meta && "findings" in meta) {
              return { ...value, findings: meta.findings, decorations: decorationsOf(state.doc, meta.findings) };
            }
            const next = meta && "evidence" in meta ? { ...value, evidence: meta.evidence } : value;
            if (!tr.docChanged) return next;
            // Between runs, findings and their decorations follow the text they mark; those of
            // deleted text go, so nothing reads a position past the end of the shorter text.
            const mapping = changeMappingOf(tr);
            return {
              ...next,
              findings: mapFindings(next.findings, mapping, tr.doc),
              decorations: next.decorations.map(mapping, tr.doc),
            };
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
              view.dispatch(
                view.state.tr
                  .setMeta(tradecraftLintKey, { findings } satisfies LintMeta)
                  .setMeta("addToHistory", false),
              );
            }, wait);
          };
          schedule(0);
          return {
            update(current, previous) {
              // Every new list (a run, or the last one moved by an edit) goes to the panel in the
              // same dispatch as the text it belongs to.
              const findings = tradecraftLintKey.getState(current.state)?.findings;
              if (findings && findings !== tradecraftLintKey.getState(previous)?.findings) onFindings(findings);
              const evidenceChanged =
                tradecraftLintKey.getState(current.state)?.evidence !== tradecraftLintKey.getState(previous)?.evidence;
              if (evidenceChanged) schedule(0);
              else if (current.state.doc !== previous.doc) schedule(delayMs);
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
