"use client";

import type { Editor } from "@tiptap/core";
import clsx from "clsx";
import { FOCUS_RING } from "@/components/ui/button";
import { blockLabelOf } from "@/lib/editor/block-label";
import type { DocumentFinding } from "@/lib/editor/lint-document";
import { findingBlockAt } from "@/lib/editor/lint-findings";
import type { FindingSeverity } from "@/lib/tradecraft";

const SEVERITY: Record<FindingSeverity, { label: string; className: string }> = {
  error: { label: "Error", className: "bg-red-50 text-red-800 ring-red-200" },
  warning: { label: "Warning", className: "bg-amber-50 text-amber-800 ring-amber-200" },
  info: { label: "Note", className: "bg-sky-50 text-sky-800 ring-sky-200" },
};

interface FindingGroup {
  key: string;
  title: string;
  findings: DocumentFinding[];
}

/** Findings grouped by the judgement or paragraph they are about, in document order. */
function groupFindings(editor: Editor, findings: DocumentFinding[]): FindingGroup[] {
  const groups = new Map<string, FindingGroup>();
  for (const finding of findings) {
    const key = finding.judgementKey ? `judgement:${finding.judgementKey}` : `block:${finding.blockPos}`;
    let group = groups.get(key);
    if (!group) {
      group = { key, title: titleOf(editor, finding), findings: [] };
      groups.set(key, group);
    }
    group.findings.push(finding);
  }
  return [...groups.values()];
}

// The findings can be a moment older than the text (the linter waits for a pause): a block that
// is no longer there gets a plain title instead of a lookup past the end of the document.
function titleOf(editor: Editor, finding: DocumentFinding): string {
  const block = findingBlockAt(editor.state.doc, finding.blockPos);
  if (block) return blockLabelOf(block);
  return `${finding.judgementKey ? "Judgement" : "Text"} (changed)`;
}

/** Puts the caret on a finding (its text, or the start of its block) and scrolls it into view. */
function focusFinding(editor: Editor, finding: DocumentFinding) {
  const size = editor.state.doc.content.size;
  const from = Math.min(finding.from, size);
  const to = Math.min(Math.max(finding.to, from), size);
  editor.chain().focus().setTextSelection({ from, to }).scrollIntoView().run();
}

/**
 * The tradecraft findings of the document beside the editor: grouped by judgement or text,
 * each with why it matters. A finding is a button that takes the caret to the place it is about.
 */
export function LintPanel({
  editor,
  findings,
  readOnly = false,
}: {
  editor: Editor;
  findings: DocumentFinding[];
  /** Whether this user cannot edit the text here: the advice is then for those who write it. */
  readOnly?: boolean;
}) {
  const groups = groupFindings(editor, findings);
  return (
    <section aria-labelledby="tradecraft-heading" className="space-y-3 p-3 text-sm">
      <div>
        <h2 id="tradecraft-heading" className="font-semibold text-slate-900">
          Tradecraft checks
        </h2>
        <p aria-live="polite" className="text-xs text-slate-600">
          {findings.length === 0
            ? "No findings: every check of ICD 203/206 passes."
            : `${findings.length} finding${findings.length === 1 ? "" : "s"}`}
        </p>
        {readOnly && findings.length > 0 ? (
          <p className="mt-1 text-xs text-slate-600">
            You cannot edit this text here: the advice is for whoever writes it.
          </p>
        ) : null}
      </div>
      {groups.map((group) => (
        <div key={group.key} className="space-y-1.5">
          <h3 className="text-xs font-semibold text-slate-700">{group.title}</h3>
          <ul className="space-y-2">
            {group.findings.map((finding) => (
              <li key={finding.key} className="rounded border border-slate-200 bg-white p-2">
                <button
                  type="button"
                  onClick={() => focusFinding(editor, finding)}
                  className={clsx("w-full rounded text-left text-slate-900 hover:text-accent-700", FOCUS_RING)}
                >
                  <span
                    className={clsx(
                      "mr-1.5 inline-flex rounded-full px-1.5 text-[0.7rem] font-medium ring-1 ring-inset",
                      SEVERITY[finding.severity].className,
                    )}
                  >
                    {SEVERITY[finding.severity].label}
                  </span>
                  {finding.message}
                </button>
                <p className="mt-1 text-xs text-slate-600">
                  <span className="font-medium">Why it matters: </span>
                  {finding.why}
                </p>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
