import type { Metadata } from "next";
import { CreateTokenForm } from "@/components/tokens/create-token-form";
import { TokensTable } from "@/components/tokens/tokens-table";
import { Card, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireSessionActor } from "@/server/auth/session";
import { listApiTokens } from "@/server/tokens/list-api-tokens";
import { SignedInShell } from "../../_components/signed-in-shell";
import { createApiTokenAction, revokeApiTokenAction } from "./actions";

export const metadata: Metadata = { title: "API tokens" };

/** Personal API tokens: scripts and integrations act as you with these. */
export default async function TokensPage() {
  const actor = await requireSessionActor("/settings/tokens");
  const tokens = await listApiTokens({ actor });
  return (
    <SignedInShell actor={actor}>
      <PageHeader
        title="API tokens"
        description="Tokens let scripts and integrations use the Parallax API as you, with your roles in each workspace. Revoke any token you no longer use."
      />
      <div className="space-y-6">
        <Card aria-labelledby="create-token-heading">
          <CardHeader id="create-token-heading" title="Create a token" />
          <div className="p-5">
            <CreateTokenForm action={createApiTokenAction} />
          </div>
        </Card>
        <Card aria-labelledby="tokens-heading">
          <CardHeader id="tokens-heading" title="Your tokens" />
          <TokensTable tokens={tokens} revoke={revokeApiTokenAction} />
        </Card>
      </div>
    </SignedInShell>
  );
}
