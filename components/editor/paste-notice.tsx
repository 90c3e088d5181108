import Link from "next/link";
import { useEffect } from "react";
import { FOCUS_RING } from "@/components/ui/button";

// Long enough to read twice; Dismiss closes it sooner.
const SHOW_MS = 20_000;

/**
 * Says that a paste held images the text cannot hold, and where they belong: an observation's
 * attachments in the evidence library. A status, not an alert: nothing that was typed is lost.
 */
export function PasteNotice({
  imageCount,
  workspaceId,
  onDismiss,
}: {
  /** How many images the last paste left out. */
  imageCount: number;
  /** The workspace whose library the link opens. */
  workspaceId: string;
  onDismiss: () => void;
}) {
  useEffect(() => {
    const timer = setTimeout(onDismiss, SHOW_MS);
    return () => clearTimeout(timer);
  }, [onDismiss]);

  return (
    <div
      role="status"
      className="flex items-start justify-between gap-3 border-b border-sky-200 bg-sky-50 px-4 py-2 text-sm text-sky-900"
    >
      <p>
        {imageCount === 1 ? "1 image was" : `${imageCount} images were`} left out of the paste. Images are not pasted
        into the text; attach them to an observation in the{" "}
        <Link href={`/w/${workspaceId}/library`} className="font-medium underline">
          evidence library
        </Link>
        .
      </p>
      <button
        type="button"
        onClick={onDismiss}
        className={`shrink-0 rounded px-1.5 text-xs font-medium text-sky-800 hover:bg-sky-100 ${FOCUS_RING}`}
      >
        Dismiss
      </button>
    </div>
  );
}
