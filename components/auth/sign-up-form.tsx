"use client";

import { signIn } from "next-auth/react";
import { ActionForm } from "../forms/action-form";
import type { ActionState, FormAction } from "../forms/action-state";
import { SubmitButton } from "../forms/submit-button";
import { TextField } from "../forms/text-field";

/**
 * Creates the account with a server action, then signs in from the browser (next-auth sets
 * its cookie on that response) and continues to `callbackPath`, e.g. an invitation.
 */
export function SignUpForm({
  action,
  callbackPath,
  passwordMinLength,
}: {
  action: FormAction<{ email: string }>;
  callbackPath: string;
  /** Passed in rather than imported so that zod stays out of the browser bundle. */
  passwordMinLength: number;
}) {
  async function signUpAndSignIn(
    state: ActionState<{ email: string }>,
    formData: FormData,
  ): Promise<ActionState<{ email: string }>> {
    const result = await action(state, formData);
    if (result.status !== "success" || !result.data) return result;
    const signedIn = await signIn("credentials", {
      redirect: false,
      email: result.data.email,
      password: String(formData.get("password") ?? ""),
    });
    if (!signedIn || signedIn.error) {
      return {
        status: "error",
        error: `Your account was created, but signing in failed: ${signedIn?.error ?? "no response"}. Try signing in.`,
      };
    }
    window.location.assign(callbackPath);
    return { ...result, message: "Account created. Signing you in…" };
  }

  return (
    <ActionForm action={signUpAndSignIn} className="space-y-4" aria-label="Create an account" showSuccess>
      <TextField label="Name" name="name" autoComplete="name" required autoFocus maxLength={120} />
      <TextField label="Email" name="email" type="email" autoComplete="email" required />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={passwordMinLength}
        description={`At least ${passwordMinLength} characters.`}
      />
      <SubmitButton className="w-full" pendingLabel="Creating account…">
        Create account
      </SubmitButton>
    </ActionForm>
  );
}
