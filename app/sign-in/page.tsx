import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { AuthShell } from "@/components/auth/auth-shell";
import { SignInForm } from "@/components/auth/sign-in-form";
import { getSessionActor } from "@/server/auth/session";
import { env } from "@/server/env";
import { authPathWithCallback, safeCallbackPath } from "../_lib/safe-callback-path";

export const metadata: Metadata = { title: "Sign in" };

/** Messages for the error codes next-auth puts in `?error=` after a failed single sign-on. */
const OAUTH_ERRORS: Record<string, string> = {
  OAuthAccountNotLinked:
    "This single sign-on account cannot be linked to a Parallax account. Its email may be unverified or already used by another sign-in method.",
  AccessDenied: "Sign-in was refused.",
  SessionRequired: "Sign in to continue.",
};

function describeQueryError(code: string | string[] | undefined): string | undefined {
  const value = Array.isArray(code) ? code[0] : code;
  if (!value) return undefined;
  return OAUTH_ERRORS[value] ?? "Sign-in did not complete. Try again.";
}

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const callbackPath = safeCallbackPath(params.callbackUrl);
  if (await getSessionActor()) redirect(callbackPath);
  const config = env();
  const isInvitation = callbackPath.startsWith("/invite/");
  return (
    <AuthShell
      title="Sign in to Parallax"
      description={isInvitation ? "Sign in or create an account to accept your invitation." : undefined}
      footer={
        config.ALLOW_SIGN_UP ? (
          <>
            New to Parallax?{" "}
            <Link
              href={authPathWithCallback("/sign-up", callbackPath)}
              className="font-medium text-accent-700 hover:underline"
            >
              Create an account
            </Link>
          </>
        ) : null
      }
    >
      <SignInForm
        callbackPath={callbackPath}
        oidcName={config.oidcEnabled ? config.OIDC_NAME : null}
        initialError={describeQueryError(params.error)}
      />
    </AuthShell>
  );
}
