import type { ReactNode } from "react";
import { LibraryTabs } from "@/components/evidence/library-tabs";
import { LiveLibraryRefresh } from "@/components/evidence/live-library-refresh";
import { PageHeader } from "@/components/ui/page-header";
import { getSessionActor } from "@/server/auth/session";
import { getWorkspace } from "@/server/workspaces/get-workspace";
import { loadOrNotFound } from "../../../_lib/load-or-not-found";

/**
 * Every page of the evidence library: its header, its sections, and a live refresh so that what
 * a colleague records, edits or retracts shows up without reloading.
 */
export default async function LibraryLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ workspaceId: string }>;
}) {
  const { workspaceId } = await params;
  const actor = await getSessionActor();
  // Signed out: the page itself redirects to sign-in with its own path as the callback.
  if (!actor) return children;
  const workspace = await loadOrNotFound(getWorkspace({ actor, workspaceId }));
  return (
    <>
      <PageHeader
        eyebrow={workspace.name}
        title="Evidence library"
        description="Sources graded for reliability (A–F), the sites they describe, and dated observations graded for credibility (1–6). Judgements cite these observations."
      />
      <LibraryTabs workspaceId={workspaceId} />
      <LiveLibraryRefresh workspaceId={workspaceId} />
      {children}
    </>
  );
}
