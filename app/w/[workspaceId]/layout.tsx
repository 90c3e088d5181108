import type { ReactNode } from "react";
import { getSessionActor } from "@/server/auth/session";
import { SignedInShell } from "../../_components/signed-in-shell";

/** Every workspace page has the top bar with this workspace's sections. */
export default async function WorkspaceLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ workspaceId: string }>;
}) {
  const { workspaceId } = await params;
  const actor = await getSessionActor();
  // Signed out: each page redirects to sign-in itself, with its own path as the callback, which
  // the layout cannot know.
  if (!actor) return children;
  return (
    <SignedInShell actor={actor} currentWorkspaceId={workspaceId}>
      {children}
    </SignedInShell>
  );
}
