"use client";

import { createContext, useContext } from "react";
import type { WorkspaceEvidence } from "./use-workspace-evidence";

/** What the citation picker is opened for. */
export interface CitationPickerRequest {
  /** The dialog's title, e.g. "Cite evidence". */
  title: string;
  /** Observation UUIDs already cited there; the picker marks them. */
  cited: readonly string[];
  /** Called with the chosen observation's UUID, before the picker closes. */
  onChoose: (observationId: string) => void;
  /** Where focus goes once the picker has closed; by default back to what had it before. */
  onClosed?: () => void;
}

/** The evidence library and the citation picker, for everything inside the editor (node views included). */
export interface EditorEvidence {
  evidence: WorkspaceEvidence;
  openPicker: (request: CitationPickerRequest) => void;
}

const EMPTY: EditorEvidence = {
  evidence: { status: "loading", observations: [], sources: [], sites: [], observationById: new Map(), lookup: null },
  openPicker: () => {},
};

/**
 * Tiptap renders React node views through portals inside `EditorContent`, so a provider around
 * the editor reaches judgement blocks and inline citations.
 */
export const EditorEvidenceContext = createContext<EditorEvidence>(EMPTY);

/** The editor's evidence library and citation picker. */
export function useEditorEvidence(): EditorEvidence {
  return useContext(EditorEvidenceContext);
}
