"use client";

import { signIn } from "next-auth/react";
import { type FormEvent, useState } from "react";
import { TextField } from "../forms/text-field";
import { Alert } from "../ui/alert";
import { Button, buttonClasses } from "../ui/button";

/** next-auth's code when `authorize` returned null (empty fields); everything else is our own message. */
function describeSignInError(error: string): string {
  return error === "CredentialsSignin" ? "Email or password is incorrect." : error;
}

/**
 * Email and password sign-in, plus the single sign-on button when the server has OIDC
 * configured. `callbackPath` has already been checked to be a path on this site.
 */
export function SignInForm({
  callbackPath,
  oidcName,
  initialError,
}: {
  callbackPath: string;
  /** Display name of the OIDC provider, or null when single sign-on is not configured. */
  oidcName: string | null;
  initialError?: string;
}) {
  const [error, setError] = useState<string | undefined>(initialError);
  const [pending, setPending] = useState(false);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(undefined);
    const result = await signIn("credentials", {
      redirect: false,
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
    });
    if (!result || result.error) {
      setError(describeSignInError(result?.error ?? "Sign-in is temporarily unavailable."));
      setPending(false);
      return;
    }
    // A full navigation, so that every server component renders with the new session cookie.
    window.location.assign(callbackPath);
  }

  return (
    <div className="space-y-6">
      <form onSubmit={handleSubmit} className="space-y-4" aria-label="Sign in with email">
        {error ? <Alert tone="error">{error}</Alert> : null}
        <TextField label="Email" name="email" type="email" autoComplete="email" required autoFocus />
        <TextField label="Password" name="password" type="password" autoComplete="current-password" required />
        <button type="submit" disabled={pending} className={buttonClasses({ variant: "primary", className: "w-full" })}>
          {pending ? "Signing in…" : "Sign in"}
        </button>
      </form>
      {oidcName ? (
        <div className="space-y-4">
          <div className="flex items-center gap-3 text-xs text-slate-500" aria-hidden="true">
            <span className="h-px flex-1 bg-slate-200" />
            or
            <span className="h-px flex-1 bg-slate-200" />
          </div>
          <Button className="w-full" onClick={() => signIn("oidc", { callbackUrl: callbackPath })}>
            Continue with {oidcName}
          </Button>
        </div>
      ) : null}
    </div>
  );
}
