import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { AuthShell } from "@/components/auth/auth-shell";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { Alert } from "@/components/ui/alert";
import { PASSWORD_MIN_LENGTH } from "@/lib/schemas/users";
import { getSessionActor } from "@/server/auth/session";
import { env } from "@/server/env";
import { authPathWithCallback, safeCallbackPath } from "../_lib/safe-callback-path";
import { signUpAction } from "./actions";

export const metadata: Metadata = { title: "Create an account" };

export default async function SignUpPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const callbackPath = safeCallbackPath((await searchParams).callbackUrl);
  if (await getSessionActor()) redirect(callbackPath);
  const isInvitation = callbackPath.startsWith("/invite/");
  return (
    <AuthShell
      title="Create your account"
      description={isInvitation ? "After creating your account you can accept the invitation." : undefined}
      footer={
        <>
          Already have an account?{" "}
          <Link
            href={authPathWithCallback("/sign-in", callbackPath)}
            className="font-medium text-accent-700 hover:underline"
          >
            Sign in
          </Link>
        </>
      }
    >
      {env().ALLOW_SIGN_UP ? (
        <SignUpForm action={signUpAction} callbackPath={callbackPath} passwordMinLength={PASSWORD_MIN_LENGTH} />
      ) : (
        <Alert tone="info">
          Sign-up is turned off on this server. Ask an administrator of Parallax for an account.
        </Alert>
      )}
    </AuthShell>
  );
}
