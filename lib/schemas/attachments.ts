import { z } from "zod";

/** Image types an observation may carry, decided from the bytes, never from the name or the client's claim. */
export const ATTACHMENT_MEDIA_TYPES = ["image/png", "image/jpeg", "image/gif", "image/webp"] as const;
export type AttachmentMediaType = (typeof ATTACHMENT_MEDIA_TYPES)[number];

/** The form fields of an upload besides the file itself. */
export const addAttachmentInput = z.object({
  caption: z
    .string({ error: "The caption must be text." })
    .trim()
    .max(500, "Use at most 500 characters for the caption.")
    .default(""),
});
export type AddAttachmentInput = z.infer<typeof addAttachmentInput>;

/** The multipart body of `POST …/attachments`, for the API description. */
export const addAttachmentForm = z.object({
  file: z.string().meta({ format: "binary" }).describe("The image: PNG, JPEG, GIF or WebP (checked from its bytes)."),
  caption: z.string().max(500).optional().describe("What the image shows, shown under the thumbnail."),
});

export const attachmentDto = z
  .object({
    id: z.uuid(),
    observationId: z.uuid(),
    fileName: z.string().describe("The uploaded file's name, made safe (no path, no control characters)."),
    mediaType: z.enum(ATTACHMENT_MEDIA_TYPES).describe("Sniffed from the bytes."),
    byteSize: z.number().int(),
    sha256: z.string().describe("Hex SHA-256 of the bytes; the same image attached twice is one attachment."),
    caption: z.string(),
    createdBy: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    createdAt: z.iso.datetime(),
    url: z.string().describe("Where the image itself is served (same authentication)."),
  })
  .meta({ id: "ObservationAttachment" });
export type AttachmentDto = z.infer<typeof attachmentDto>;
