"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useId, useState, useTransition } from "react";
import { ATTACHMENT_MEDIA_TYPES } from "@/lib/schemas/attachments";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { sendAttachmentRequest } from "./attachment-request";

export interface AttachmentUploadFormProps {
  /** `POST` target: the observation's attachments collection. */
  uploadUrl: string;
  /** The server's size limit, checked here first so nobody waits for a doomed upload. */
  maxBytes: number;
}

type Feedback = { tone: "success" | "error"; message: string; field?: "file" | "caption" } | null;

/** Uploads an image (PNG, JPEG, GIF or WebP) with an optional caption; the page refreshes to show it. */
export function AttachmentUploadForm({ uploadUrl, maxBytes }: AttachmentUploadFormProps) {
  const router = useRouter();
  const id = useId();
  const [feedback, setFeedback] = useState<Feedback>(null);
  const [isPending, startTransition] = useTransition();

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const file = data.get("file");
    if (!(file instanceof File) || file.size === 0) {
      return setFeedback({ tone: "error", message: "Choose an image file to upload.", field: "file" });
    }
    if (file.size > maxBytes) {
      const limit = `${Math.round((maxBytes / (1024 * 1024)) * 10) / 10} MiB`;
      return setFeedback({ tone: "error", message: `The image must be at most ${limit}.`, field: "file" });
    }
    startTransition(async () => {
      const result = await sendAttachmentRequest(uploadUrl, { method: "POST", body: data });
      if (!result.ok) {
        const field = result.fields.caption ? "caption" : "file";
        setFeedback({ tone: "error", message: result.fields[field]?.join(" ") ?? result.message, field });
        return;
      }
      form.reset();
      setFeedback({
        tone: "success",
        message: result.status === 201 ? "Image attached." : "This image was already attached.",
      });
      router.refresh();
    });
  }

  const fileError = feedback?.tone === "error" && feedback.field === "file";
  const captionError = feedback?.tone === "error" && feedback.field === "caption";
  return (
    <form onSubmit={handleSubmit} aria-label="Attach an image" className="space-y-3">
      <div className="flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor={`${id}-file`} className="block text-sm font-medium text-slate-800">
            Image
          </label>
          <input
            id={`${id}-file`}
            name="file"
            type="file"
            required
            accept={ATTACHMENT_MEDIA_TYPES.join(",")}
            aria-invalid={fileError || undefined}
            aria-describedby={`${id}-hint${fileError ? ` ${id}-feedback` : ""}`}
            className="mt-1 block text-sm text-slate-700 file:mr-3 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:py-1.5 file:text-sm file:font-medium"
          />
        </div>
        <div className="min-w-48 flex-1">
          <label htmlFor={`${id}-caption`} className="block text-sm font-medium text-slate-800">
            Caption <span className="font-normal text-slate-500">(optional)</span>
          </label>
          <input
            id={`${id}-caption`}
            name="caption"
            type="text"
            maxLength={500}
            aria-invalid={captionError || undefined}
            aria-describedby={captionError ? `${id}-feedback` : undefined}
            className="mt-1 block h-9 w-full rounded-md border border-slate-300 px-3 text-sm"
          />
        </div>
        <Button type="submit" variant="primary" disabled={isPending}>
          {isPending ? "Uploading…" : "Upload image"}
        </Button>
      </div>
      <p id={`${id}-hint`} className="text-xs text-slate-500">
        PNG, JPEG, GIF or WebP, up to {Math.round((maxBytes / (1024 * 1024)) * 10) / 10} MiB.
      </p>
      {feedback ? (
        <div id={`${id}-feedback`}>
          <Alert tone={feedback.tone}>{feedback.message}</Alert>
        </div>
      ) : null}
    </form>
  );
}
