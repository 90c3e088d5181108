import type { ApiTokenSummary } from "@/lib/schemas/tokens";
import type { FormAction } from "../forms/action-state";
import { Badge } from "../ui/badge";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { RelativeTime } from "../ui/relative-time";
import { TableHead } from "../ui/table-head";

function tokenState(token: ApiTokenSummary, now: Date): "active" | "revoked" | "expired" {
  if (token.revokedAt) return "revoked";
  if (token.expiresAt && new Date(token.expiresAt) <= now) return "expired";
  return "active";
}

/** The signed-in user's API tokens (never their secrets), with revoke for active ones. */
export function TokensTable({ tokens, revoke }: { tokens: ApiTokenSummary[]; revoke: FormAction }) {
  if (tokens.length === 0) return <p className="px-5 py-6 text-sm text-slate-600">You have no API tokens.</p>;
  const now = new Date();
  return (
    <div className="relative overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Your API tokens</caption>
        <TableHead
          columns={["Name", "Token", "Status", "Created", "Last used", "Expires", { label: "Actions", hidden: true }]}
        />
        <tbody className="divide-y divide-slate-100">
          {tokens.map((token) => {
            const state = tokenState(token, now);
            return (
              <tr key={token.id}>
                <th scope="row" className="px-5 py-3 font-medium text-slate-900">
                  {token.name}
                </th>
                <td className="px-5 py-3 font-mono text-xs text-slate-600">{token.prefix}…</td>
                <td className="px-5 py-3">
                  {state === "active" ? (
                    <Badge tone="success">Active</Badge>
                  ) : (
                    <Badge>{state === "revoked" ? "Revoked" : "Expired"}</Badge>
                  )}
                </td>
                <td className="px-5 py-3 whitespace-nowrap text-slate-600">
                  <RelativeTime date={token.createdAt} />
                </td>
                <td className="px-5 py-3 whitespace-nowrap text-slate-600">
                  {token.lastUsedAt ? <RelativeTime date={token.lastUsedAt} /> : "Never"}
                </td>
                <td className="px-5 py-3 whitespace-nowrap text-slate-600">
                  {token.expiresAt ? <RelativeTime date={token.expiresAt} /> : "Never"}
                </td>
                <td className="px-5 py-3 text-right">
                  {state === "active" ? (
                    <ConfirmDialog
                      action={revoke}
                      fields={{ tokenId: token.id }}
                      triggerLabel={
                        <>
                          Revoke<span className="sr-only"> token {token.name}</span>
                        </>
                      }
                      title={`Revoke “${token.name}”?`}
                      description="Scripts using this token stop working at once. This cannot be undone."
                      confirmLabel="Revoke token"
                    />
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
