"use server";

import { revalidatePath } from "next/cache";
import type { ActionState } from "@/components/forms/action-state";
import { requireSessionActor } from "@/server/auth/session";
import { createApiToken } from "@/server/tokens/create-api-token";
import { revokeApiToken } from "@/server/tokens/revoke-api-token";
import { actionError, formText, optionalFormInteger } from "../../_lib/action-result";

const TOKENS_PATH = "/settings/tokens";

/** Creates a personal API token; its secret is returned once, in the form state. */
export async function createApiTokenAction(
  _state: ActionState<{ name: string; secret: string }>,
  formData: FormData,
): Promise<ActionState<{ name: string; secret: string }>> {
  const actor = await requireSessionActor(TOKENS_PATH);
  try {
    const { token, secret } = await createApiToken({
      actor,
      name: formText(formData, "name") ?? "",
      expiresInDays: optionalFormInteger(formData, "expiresInDays"),
    });
    revalidatePath(TOKENS_PATH);
    return { status: "success", data: { name: token.name, secret } };
  } catch (error) {
    return actionError(error);
  }
}

/** Revokes one of the caller's own tokens; it stops working at once. */
export async function revokeApiTokenAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireSessionActor(TOKENS_PATH);
  try {
    await revokeApiToken({ actor, tokenId: formText(formData, "tokenId") ?? "" });
  } catch (error) {
    return actionError(error);
  }
  revalidatePath(TOKENS_PATH);
  return { status: "success", message: "Token revoked." };
}
