"use client";

import "./collaborative-editor.css";
import type { Editor } from "@tiptap/core";
import { EditorContent, useEditor } from "@tiptap/react";
import { useRouter } from "next/navigation";
import { type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { CommentsPanel } from "@/components/comments/comments-panel";
import { useLibraryUpdates } from "@/components/evidence/use-library-updates";
import { ReviewPanel } from "@/components/reviews/review-panel";
import { ReviewsProvider } from "@/components/reviews/reviews-context";
import { scrollToJudgement } from "@/components/reviews/scroll-to-judgement";
import type { CollabDocument } from "@/lib/collab/collab-document";
import type { CollabDocumentState } from "@/lib/collab/document-state";
import { inlineCitationsOf } from "@/lib/editor/citation-node";
import { CitationShortcut } from "@/lib/editor/citation-shortcut";
import { collaborativeExtensions } from "@/lib/editor/collaborative-extensions";
import { CommentHighlights } from "@/lib/editor/comment-highlights";
import { judgementOf } from "@/lib/editor/judgement-content";
import { JudgementFieldsKeyboard } from "@/lib/editor/judgement-fields-keyboard";
import { JUDGEMENT_NODE } from "@/lib/editor/judgement-node";
import type { DocumentFinding } from "@/lib/editor/lint-document";
import { PasteCleanup } from "@/lib/editor/paste-cleanup";
import { PasteSizeLimit } from "@/lib/editor/paste-size-limit";
import { TradecraftLint } from "@/lib/editor/tradecraft-lint";
import { CitationPicker } from "./citation-picker";
import { citationNodeView } from "./citation-view";
import { DocumentNotice, refusedPasteMessage } from "./document-notice";
import { type CitationPickerRequest, type EditorEvidence, EditorEvidenceContext } from "./editor-evidence";
import { EditorToolbar } from "./editor-toolbar";
import { judgementNodeView } from "./judgement-view";
import { LinkForm } from "./link-form";
import { LintPanel } from "./lint-panel";
import { PasteNotice } from "./paste-notice";
import { PresenceAvatars } from "./presence-avatars";
import { RefusedChangesNotice } from "./refused-changes-notice";
import { StatusPill } from "./status-pill";
import { useCollabDocument, useCollabState } from "./use-collab-document";
import { useDocumentChanges } from "./use-document-changes";
import { useLinkedTarget } from "./use-linked-target";
import { usePageRefresh } from "./use-page-refresh";
import { useUnsavedChangesWarning } from "./use-unsaved-changes-warning";
import { useWorkspaceEvidence } from "./use-workspace-evidence";

export interface CollaborativeEditorProps {
  /** The assessment id: its text is the collaborative document. */
  documentId: string;
  /** The assessment's workspace, whose evidence library citations point into. */
  workspaceId: string;
  /** The signed-in user (keys the offline copy; the server sets the identity others see). */
  user: { id: string; name: string };
  /** Whether the page lets this user edit (writer role, not archived). The server has the final say, live. */
  canEdit: boolean;
  /** Why the text is read-only when `canEdit` is false, e.g. "Archived". */
  readOnlyReason?: string;
  /** Why verdicts cannot be given now (archived, published), shown instead of the verdict buttons. */
  reviewClosedReason?: string;
}

/**
 * The live co-editor of an assessment's text: everyone's edits, carets and presence as they
 * happen; edits keep working offline and are sent when the connection is back. Read-only roles
 * see the same live text without any editing affordance.
 */
export function CollaborativeEditor(props: CollaborativeEditorProps) {
  const document = useCollabDocument(props.documentId, props.user.id);
  const state = useCollabState(document);
  return document ? (
    <EditorSurface key={document.id} document={document} state={state} {...props} />
  ) : (
    <EditorFrame state={null} header={null}>
      <div className="min-h-64" />
    </EditorFrame>
  );
}

/** The observations already cited where the caret is: the judgement's, or the block's inline ones. */
function citedAtCaret(editor: Editor): string[] {
  const block = editor.state.selection.$from.parent;
  return block.type.name === JUDGEMENT_NODE ? judgementOf(block).citations : inlineCitationsOf(block);
}

function EditorSurface({
  document,
  state,
  user,
  workspaceId,
  canEdit,
  readOnlyReason,
  reviewClosedReason,
}: CollaborativeEditorProps & { document: CollabDocument; state: CollabDocumentState | null }) {
  const isEditable = canEdit && state?.readOnly !== true && state?.status !== "closed" && !state?.refused;
  const [isLinkOpen, setLinkOpen] = useState(false);
  const [findings, setFindings] = useState<DocumentFinding[]>([]);
  const [pickerRequest, setPickerRequest] = useState<CitationPickerRequest | null>(null);
  const [refusedPaste, setRefusedPaste] = useState<string | null>(null);
  // Images the last paste left out (the text holds none); null once dismissed.
  const [droppedImages, setDroppedImages] = useState<{ count: number; paste: number } | null>(null);
  const dismissDroppedImages = useCallback(() => setDroppedImages(null), []);
  const evidence = useWorkspaceEvidence(workspaceId);
  useUnsavedChangesWarning(state?.hasUnsavedChanges ?? false);
  // A Y.Doc cannot forget the refused edits: once they are discarded (and no longer count as
  // unsaved, so no leave-page prompt), the page opens the document afresh from the server.
  const isDiscarded = state?.discarded ?? false;
  useEffect(() => {
    if (isDiscarded) window.location.reload();
  }, [isDiscarded]);
  const router = useRouter();
  // A status change, verdict, comment or judgement saved elsewhere re-renders the page's server
  // parts (status, publish checklist). Offline, Next.js turns a refresh that cannot reach the
  // server into a full page load, which would swap the editor for the browser's offline page; the
  // catch-up after reconnecting refreshes.
  const pageRefresh = usePageRefresh(() => {
    if (navigator.onLine) router.refresh();
  });
  useDocumentChanges(document, ["assessment", "reviews", "comments", "judgements", "history"], (change) => {
    // A verdict (this user's own too: it is announced to every page that joined), a thread or a
    // status change is one person's deliberate step, and the checklist must agree with the
    // Reviews panel that shows it at once. Judgements are saved every couple of seconds while
    // someone types in one, and a catch-up after a join is only a "may have changed": one merged
    // refresh per burst does for those. A new version only moves the number the next
    // publication gets, which can wait as long.
    if (change.kind !== "judgements" && change.kind !== "history" && !change.catchUp) pageRefresh.soon();
    else pageRefresh.later();
  });
  // A cited observation revised, re-graded or retracted makes approvals stale with no edit of the
  // text: the checklist must stop offering to publish as soon as the Reviews panel says so.
  useLibraryUpdates(workspaceId, (change) => {
    if (change.catchUp) pageRefresh.later();
    else pageRefresh.soon();
  });
  // Read by the editor's callbacks, which are created once per document.
  const live = useRef({ isEditable, isSynced: false, citeInline: () => {} });

  const editor = useEditor(
    {
      immediatelyRender: false,
      editable: isEditable,
      extensions: [
        // The same schema with the interactive judgement view swapped in: the view is React, so
        // it lives in components/ while the node itself stays in the shared lib/ schema.
        ...collaborativeExtensions({
          doc: document.doc,
          awareness: document.awareness,
          user: { id: user.id, name: user.name, color: "#64748b" },
          placeholder: () => (live.current.isSynced ? "Write the assessment…" : "Loading…"),
          judgementView: judgementNodeView,
          citationView: citationNodeView,
        }),
        TradecraftLint.configure({ onFindings: setFindings }),
        CitationShortcut.configure({ onCite: () => live.current.citeInline() }),
        JudgementFieldsKeyboard,
        // A paste too large to save is refused before anything else looks at it.
        PasteSizeLimit.configure({
          maxBytes: () => document.maxMessageBytes,
          onRefused: (bytes) => setRefusedPaste(refusedPasteMessage(bytes, document.maxMessageBytes)),
        }),
        // Numbered, so a second paste with images shows (and times) its notice afresh.
        PasteCleanup.configure({
          onImagesDropped: (count) => setDroppedImages((last) => ({ count, paste: (last?.paste ?? 0) + 1 })),
        }),
        CommentHighlights,
      ],
      editorProps: {
        attributes: () => ({
          role: "textbox",
          "aria-multiline": "true",
          "aria-label": "Assessment text",
          "aria-readonly": String(!live.current.isEditable),
        }),
      },
    },
    [document],
  );

  useEffect(() => {
    if (editor && !editor.isDestroyed && editor.isEditable !== isEditable) editor.setEditable(isEditable);
  }, [editor, isEditable]);

  // A notification's link (`#judgement-<id>`) opens at its judgement once the text is there.
  useLinkedTarget(
    "judgement",
    Boolean(editor) && (state?.isSynced ?? false),
    (id) => (editor ? scrollToJudgement(editor, id) : false),
    [editor],
  );

  // The linter re-runs at once with the new library: a retraction elsewhere shows without an edit.
  useEffect(() => {
    if (editor && !editor.isDestroyed) editor.commands.setLintEvidence(evidence.lookup);
  }, [editor, evidence.lookup]);

  const citeInline = useCallback(() => {
    if (!editor || editor.isDestroyed) return;
    setPickerRequest({
      title: "Cite evidence in the text",
      cited: citedAtCaret(editor),
      onChoose: (observationId) => editor.chain().insertCitation(observationId).run(),
      onClosed: () => editor.commands.focus(),
    });
  }, [editor]);
  live.current = { isEditable, isSynced: state?.isSynced ?? false, citeInline };
  const editorEvidence = useMemo<EditorEvidence>(() => ({ evidence, openPicker: setPickerRequest }), [evidence]);

  // The server's identity (name and colour) is what others see; show the same for this tab.
  const identity = state?.user;
  useEffect(() => {
    if (editor && !editor.isDestroyed && identity) editor.commands.updateUser(identity);
  }, [editor, identity]);

  const header =
    editor && isEditable ? (
      <EditorToolbar
        editor={editor}
        isLinkOpen={isLinkOpen}
        onToggleLink={() => setLinkOpen((open) => !open)}
        onCite={citeInline}
      />
    ) : (
      <p className="text-xs text-slate-600">
        Read only
        {readOnlyReason
          ? ` — ${readOnlyReason}`
          : state?.role === "reviewer" || state?.role === "viewer"
            ? ` — ${roleNote(state.role)}`
            : ""}
      </p>
    );

  return (
    <EditorEvidenceContext.Provider value={editorEvidence}>
      <ReviewsProvider document={document} workspaceId={workspaceId}>
        <EditorFrame state={state} header={header}>
          {editor && isEditable && isLinkOpen ? <LinkForm editor={editor} onDone={() => setLinkOpen(false)} /> : null}
          {editor && state?.refused ? (
            <RefusedChangesNotice
              refused={state.refused}
              readOnlyReason={readOnlyReason}
              getText={() => editor.getText({ blockSeparator: "\n\n" })}
              onDiscard={() => void document.discardRefusedChanges()}
            />
          ) : null}
          <DocumentNotice state={state} local={refusedPaste} onDismissLocal={() => setRefusedPaste(null)} />
          {droppedImages ? (
            <PasteNotice
              key={droppedImages.paste}
              imageCount={droppedImages.count}
              workspaceId={workspaceId}
              onDismiss={dismissDroppedImages}
            />
          ) : null}
          <div className="grid xl:grid-cols-[minmax(0,1fr)_17rem]">
            {editor ? <EditorContent editor={editor} /> : <div className="min-h-64" />}
            {editor ? (
              <aside className="border-t border-slate-200 bg-slate-50/60 xl:border-t-0 xl:border-l">
                <LintPanel editor={editor} findings={findings} readOnly={!isEditable} />
                <ReviewPanel
                  editor={editor}
                  document={document}
                  role={state?.role ?? null}
                  closedReason={reviewClosedReason}
                />
                <CommentsPanel
                  editor={editor}
                  document={document}
                  assessmentId={document.id}
                  workspaceId={workspaceId}
                  userId={user.id}
                  role={state?.role ?? null}
                  isSynced={state?.isSynced ?? false}
                />
              </aside>
            ) : null}
          </div>
        </EditorFrame>
      </ReviewsProvider>
      <CitationPicker request={pickerRequest} evidence={evidence} onClose={() => setPickerRequest(null)} />
    </EditorEvidenceContext.Provider>
  );
}

function roleNote(role: NonNullable<CollabDocumentState["role"]>): string {
  return role === "reviewer" ? "reviewers comment and approve; they do not edit the text" : "your role reads the text";
}

/** The editor's chrome: controls (or the read-only note) on the left, presence and status on the right. */
function EditorFrame({
  state,
  header,
  children,
}: {
  state: CollabDocumentState | null;
  header: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className="assessment-editor">
      <div className="flex min-h-11 flex-wrap items-center justify-between gap-2 border-b border-slate-200 px-3 py-1.5">
        <div className="min-w-0">{header}</div>
        <div className="flex items-center gap-3">
          <PresenceAvatars people={state?.people ?? []} />
          <StatusPill state={state} />
        </div>
      </div>
      {children}
    </div>
  );
}
