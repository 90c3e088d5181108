import Link from "next/link";
import { connection } from "next/server";
import { AuthShell } from "@/components/auth/auth-shell";

/** Also shown for other workspaces' ids: a page never reveals whether something exists. */
export default async function NotFound() {
  // Rendered per request, not prerendered: Next can only stamp the Content-Security-Policy nonce
  // (proxy.ts) on the scripts of a page it renders for that request.
  await connection();
  return (
    <AuthShell
      title="Page not found"
      footer={
        <Link href="/" className="font-medium text-accent-700 hover:underline">
          Go to your workspaces
        </Link>
      }
    >
      <p className="text-sm text-slate-700">
        This page does not exist, or you do not have access to it. If someone sent you a link, ask them to invite you to
        the workspace.
      </p>
    </AuthShell>
  );
}
