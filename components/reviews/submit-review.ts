import type { FieldErrors } from "@/lib/errors";
import type { ReviewJudgementInput } from "@/lib/schemas/reviews";

/** The server's answer to a verdict: recorded, or refused with a message meant for the user. */
export type SubmitReviewResult =
  | { ok: true }
  | { ok: false; code: string | null; message: string; fields?: FieldErrors };

/**
 * Posts a verdict on one judgement (the session cookie authenticates). The server decides who
 * may review, so a refusal (self-approval, role, archived) comes back with its reason intact.
 */
export async function submitReview(
  assessmentId: string,
  judgementId: string,
  input: ReviewJudgementInput,
): Promise<SubmitReviewResult> {
  const url = `/api/v1/assessments/${encodeURIComponent(assessmentId)}/judgements/${encodeURIComponent(judgementId)}/reviews`;
  let response: Response;
  try {
    response = await fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify(input),
    });
  } catch {
    return { ok: false, code: null, message: "The server could not be reached. Check the connection and try again." };
  }
  if (response.ok) return { ok: true };
  const body = (await response.json().catch(() => null)) as {
    error?: { code?: string; message?: string; fields?: FieldErrors };
  } | null;
  return {
    ok: false,
    code: body?.error?.code ?? null,
    message: body?.error?.message ?? `The verdict was not recorded (HTTP ${response.status}).`,
    fields: body?.error?.fields,
  };
}
