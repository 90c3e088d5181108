"use server";

import { headers } from "next/headers";
import type { ActionState } from "@/components/forms/action-state";
import { clientIpFromHeaders } from "@/server/auth/client-ip";
import { env } from "@/server/env";
import { createUser } from "@/server/users/create-user";
import { limitSignUps } from "@/server/users/limit-sign-ups";
import { actionError, formText } from "../_lib/action-result";

/** Creates an account from the sign-up form; the browser signs in afterwards. */
export async function signUpAction(
  _state: ActionState<{ email: string }>,
  formData: FormData,
): Promise<ActionState<{ email: string }>> {
  if (!env().ALLOW_SIGN_UP) {
    return { status: "error", error: "Sign-up is turned off on this server. Ask an administrator for an account." };
  }
  try {
    await limitSignUps(clientIpFromHeaders(await headers()));
    const user = await createUser({
      name: formText(formData, "name") ?? "",
      email: formText(formData, "email") ?? "",
      password: formText(formData, "password") ?? "",
    });
    return { status: "success", data: { email: user.email } };
  } catch (error) {
    return actionError(error);
  }
}
