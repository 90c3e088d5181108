"use client";

import clsx from "clsx";
import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import { CONTROL_CLASSES } from "@/components/forms/control-classes";
import { Button } from "@/components/ui/button";
import type { ReviewJudgementInput } from "@/lib/schemas/reviews";
import { type SubmitReviewResult, submitReview } from "./submit-review";

type Refusal = Extract<SubmitReviewResult, { ok: false }>;

/**
 * Approve, or request changes with a comment, on one judgement (reviewers and owners). The
 * server has the final say: a refusal (approving one's own change, a role that may not review)
 * is shown with the server's reason, and nothing is recorded.
 */
export function ReviewActions({
  assessmentId,
  judgementId,
  describedBy,
  mayApprove = true,
  onReviewed,
}: {
  assessmentId: string;
  judgementId: string;
  /** False for someone who edited the judgement: nobody approves their own work (they may still request changes). */
  mayApprove?: boolean;
  /** Id of the element naming the judgement, so "Approve" says what it approves. */
  describedBy?: string;
  /** Called after a verdict was recorded, to show it at once. */
  onReviewed: () => void;
}) {
  const [isRequesting, setRequesting] = useState(false);
  const [comment, setComment] = useState("");
  const [isPending, setPending] = useState(false);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [notice, setNotice] = useState("");
  const commentId = useId();
  const errorId = useId();
  const ownWorkId = useId();
  const commentError = refusal?.fields?.comment?.join(" ");
  const textarea = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (isRequesting) textarea.current?.focus();
  }, [isRequesting]);

  async function send(input: ReviewJudgementInput, done: string) {
    setPending(true);
    setRefusal(null);
    setNotice("");
    const result = await submitReview(assessmentId, judgementId, input);
    setPending(false);
    if (!result.ok) {
      setRefusal(result);
      return;
    }
    setNotice(done);
    setRequesting(false);
    setComment("");
    onReviewed();
  }

  function handleRequest(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!comment.trim()) {
      // The server says the same; asking first saves a round trip for an empty box.
      setRefusal({
        ok: false,
        code: "bad_request:validation",
        message: "",
        fields: { comment: ["Say what should change."] },
      });
      return;
    }
    void send({ verdict: "changes_requested", comment }, "Changes requested.");
  }

  return (
    <div className="mt-2 space-y-2">
      {isRequesting ? (
        <form onSubmit={handleRequest} aria-label="Request changes" className="space-y-1.5">
          <label htmlFor={commentId} className="block text-xs font-medium text-slate-800">
            What should change?
          </label>
          <textarea
            ref={textarea}
            id={commentId}
            value={comment}
            onChange={(event) => setComment(event.target.value)}
            rows={3}
            maxLength={4000}
            aria-invalid={commentError ? true : undefined}
            aria-describedby={commentError ? errorId : undefined}
            className={clsx(CONTROL_CLASSES, "text-xs", commentError ? "border-red-400" : "border-slate-300")}
          />
          {commentError ? (
            <p id={errorId} className="text-xs text-red-700">
              {commentError}
            </p>
          ) : null}
          <div className="flex flex-wrap gap-1.5">
            <Button type="submit" size="sm" variant="primary" disabled={isPending}>
              {isPending ? "Sending…" : "Send request"}
            </Button>
            <Button size="sm" variant="ghost" onClick={() => setRequesting(false)} disabled={isPending}>
              Cancel
            </Button>
          </div>
        </form>
      ) : (
        <div className="flex flex-wrap gap-1.5">
          <Button
            size="sm"
            variant="primary"
            disabled={isPending || !mayApprove}
            aria-describedby={clsx(describedBy, !mayApprove && ownWorkId) || undefined}
            onClick={() => void send({ verdict: "approved" }, "Approved.")}
          >
            {isPending ? "Sending…" : "Approve"}
          </Button>
          <Button size="sm" disabled={isPending} aria-describedby={describedBy} onClick={() => setRequesting(true)}>
            Request changes
          </Button>
          {mayApprove ? null : (
            <p id={ownWorkId} className="w-full text-xs text-slate-600">
              You edited this judgement, so someone else approves it.
            </p>
          )}
        </div>
      )}
      {refusal?.message ? (
        <p role="alert" className="rounded border border-red-200 bg-red-50 px-2 py-1.5 text-xs text-red-800">
          <span className="font-medium">Not recorded: </span>
          {refusal.message}
        </p>
      ) : null}
      <p role="status" className="sr-only">
        {notice}
      </p>
    </div>
  );
}
