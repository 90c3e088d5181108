import type { StaleEdit } from "@/components/evidence/stale-edit-notice";
import type { ActionState } from "@/components/forms/action-state";
import { isAppError } from "@/lib/errors";
import { actionError, formText, optionalFormText } from "../../../../_lib/action-result";

/** The library's pages under a workspace. */
export function libraryPath(workspaceId: string, rest = ""): string {
  return `/w/${workspaceId}/library${rest}`;
}

/**
 * The revision an edit is saved against: the one the form was opened at, or, when the analyst chose
 * "Save mine over theirs" after a conflict, the revision of the version they were shown.
 */
export function revisionOf(formData: FormData): number | undefined {
  const value = optionalFormText(formData, "overwriteRevision") ?? optionalFormText(formData, "revision");
  return value === undefined ? undefined : Number(value);
}

/** A text field where blank means "none" (nullable columns). */
export function textOrNull(formData: FormData, name: string): string | null {
  return optionalFormText(formData, name) ?? null;
}

/** A text field as typed, trimmed; blank stays "" (columns that are never null). */
export function textOrEmpty(formData: FormData, name: string): string {
  return formText(formData, name)?.trim() ?? "";
}

/**
 * Form state for a failed library write. A lost race (409 `conflict:*_revision`) carries the
 * record as it is now, so the form can show the other analyst's values next to the ones typed.
 */
export function libraryActionError<T>(error: unknown): ActionState<StaleEdit<T>> {
  if (isAppError(error) && error.kind === "conflict" && error.code.endsWith("_revision")) {
    return { status: "error", error: error.message, data: { current: error.current as T } };
  }
  return actionError(error);
}
