"use server";

import { revalidatePath } from "next/cache";
import type { ActionState } from "@/components/forms/action-state";
import { requireSessionActor } from "@/server/auth/session";
import { markAllNotificationsRead } from "@/server/notifications/mark-all-notifications-read";
import { markNotificationRead } from "@/server/notifications/mark-notification-read";
import { actionError, formText } from "../_lib/action-result";

const NOTIFICATIONS_PATH = "/notifications";

/** Marks one of the caller's notifications read without opening it. */
export async function markNotificationReadAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireSessionActor(NOTIFICATIONS_PATH);
  try {
    await markNotificationRead({ actor, notificationId: formText(formData, "notificationId") ?? "" });
  } catch (error) {
    return actionError(error);
  }
  revalidatePath(NOTIFICATIONS_PATH);
  return { status: "success" };
}

/** Marks all of the caller's notifications read. */
export async function markAllNotificationsReadAction(_state: ActionState, _formData: FormData): Promise<ActionState> {
  const actor = await requireSessionActor(NOTIFICATIONS_PATH);
  try {
    await markAllNotificationsRead({ actor });
  } catch (error) {
    return actionError(error);
  }
  revalidatePath(NOTIFICATIONS_PATH);
  return { status: "success", message: "All notifications marked read." };
}
