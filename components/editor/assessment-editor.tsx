"use client";

import dynamic from "next/dynamic";
import type { CollaborativeEditorProps } from "./collaborative-editor";
import { StatusPill } from "./status-pill";

/** What shows until the editor's code has loaded: the same frame, so nothing jumps. */
function EditorLoading() {
  return (
    <div className="assessment-editor" aria-busy="true">
      <div className="flex min-h-11 items-center justify-end border-b border-slate-200 px-3 py-1.5">
        <StatusPill state={null} />
      </div>
      <div className="min-h-64" />
    </div>
  );
}

// The editor only ever runs in the browser (a live socket, IndexedDB, a DOM editor). Loading it
// client-side only keeps Yjs, Tiptap and Socket.io out of server rendering: the custom server
// already imports its own Yjs for the collaboration server, and a second copy in the same process
// breaks Yjs's constructor checks.
const CollaborativeEditor = dynamic(
  () => import("./collaborative-editor").then((module) => module.CollaborativeEditor),
  {
    ssr: false,
    loading: EditorLoading,
  },
);

/** The assessment page's live editor (client-only; see `CollaborativeEditor`). */
export function AssessmentEditor(props: CollaborativeEditorProps) {
  return <CollaborativeEditor {...props} />;
}
