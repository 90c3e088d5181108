"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { Dialog, DialogClose } from "../ui/dialog";
import { sendAttachmentRequest } from "./attachment-request";

export interface RemoveAttachmentButtonProps {
  /** The attachment's URL (`DELETE` removes it). */
  url: string;
  /** How the image is named to the user (caption or file name). */
  label: string;
}

/** Asks, then removes an image from its observation (a new revision; the history keeps it). */
export function RemoveAttachmentButton({ url, label }: RemoveAttachmentButtonProps) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();

  function handleConfirm() {
    startTransition(async () => {
      const result = await sendAttachmentRequest(url, { method: "DELETE" });
      if (!result.ok) return setError(result.message);
      setOpen(false);
      router.refresh();
    });
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) setError(null);
      }}
      title="Remove this image?"
      description={`“${label}” is removed from the observation. The change is kept in its history.`}
      trigger={
        <Button size="sm" variant="ghost">
          Remove<span className="sr-only"> image {label}</span>
        </Button>
      }
    >
      <div className="space-y-4">
        {error ? <Alert tone="error">{error}</Alert> : null}
        <div className="flex justify-end gap-2">
          <DialogClose asChild>
            <Button>Cancel</Button>
          </DialogClose>
          <Button variant="danger" onClick={handleConfirm} disabled={isPending}>
            {isPending ? "Removing…" : "Remove image"}
          </Button>
        </div>
      </div>
    </Dialog>
  );
}
