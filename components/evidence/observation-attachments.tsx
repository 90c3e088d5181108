import { formatBytes } from "@/lib/format-bytes";
import type { AttachmentDto } from "@/lib/schemas/attachments";
import { Card, CardHeader } from "../ui/card";
import { AttachmentUploadForm } from "./attachment-upload-form";
import { RemoveAttachmentButton } from "./remove-attachment-button";

export interface ObservationAttachmentsProps {
  /** The observation's images, oldest first (from `listObservationAttachments`). */
  attachments: AttachmentDto[];
  /** Where uploads go: `/api/v1/workspaces/{w}/observations/{o}/attachments`. */
  uploadUrl: string;
  /** Owners and analysts may add and remove images, unless the observation is retracted. */
  canEdit: boolean;
  /** The server's upload limit in bytes (ATTACHMENT_MAX_BYTES). */
  maxBytes: number;
}

/**
 * An observation's images as captioned thumbnails, each opening full size in a new tab; writers
 * also get an upload form and a remove button per image.
 */
export function ObservationAttachments({ attachments, uploadUrl, canEdit, maxBytes }: ObservationAttachmentsProps) {
  return (
    <Card aria-labelledby="observation-attachments-heading">
      <CardHeader
        id="observation-attachments-heading"
        title="Attachments"
        description="Imagery excerpts and screenshots that support this observation."
      />
      <div className="space-y-5 px-5 py-4">
        {attachments.length === 0 ? (
          <p className="text-sm text-slate-600">No images attached.</p>
        ) : (
          <ul className="grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-4" aria-label="Attached images">
            {attachments.map((attachment) => {
              const label = attachment.caption || attachment.fileName;
              return (
                <li key={attachment.id} className="flex flex-col gap-2">
                  <figure className="overflow-hidden rounded-md border border-slate-200 bg-slate-50">
                    <a href={attachment.url} target="_blank" rel="noopener" className="block">
                      {/* biome-ignore lint/performance/noImgElement: served by the API with its session check; next/image would proxy and cache it. */}
                      <img src={attachment.url} alt={label} loading="lazy" className="h-32 w-full object-contain" />
                      <span className="sr-only"> (open full size in a new tab)</span>
                    </a>
                    <figcaption className="border-t border-slate-200 bg-white px-2 py-1.5 text-xs text-slate-700">
                      <span className="block break-words">{attachment.caption || "No caption"}</span>
                      <span className="block truncate text-slate-500" title={attachment.fileName}>
                        {attachment.fileName} · {formatBytes(attachment.byteSize)}
                      </span>
                    </figcaption>
                  </figure>
                  {canEdit ? <RemoveAttachmentButton url={attachment.url} label={label} /> : null}
                </li>
              );
            })}
          </ul>
        )}
        {canEdit ? <AttachmentUploadForm uploadUrl={uploadUrl} maxBytes={maxBytes} /> : null}
      </div>
    </Card>
  );
}
