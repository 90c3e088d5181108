import { count, eq } from "drizzle-orm";
import { workAsyncStorage } from "next/dist/server/app-render/work-async-storage.external";
import { workUnitAsyncStorage } from "next/dist/server/app-render/work-unit-async-storage.external";
import { RequestCookies } from "next/dist/server/web/spec-extension/cookies";
import { describe, expect, it } from "vitest";
import * as attachmentRoute from "@/app/api/v1/workspaces/[workspaceId]/observations/[observationId]/attachments/[attachmentId]/route";
import * as attachmentsRoute from "@/app/api/v1/workspaces/[workspaceId]/observations/[observationId]/attachments/route";
import { getDatabase } from "@/db/client";
import { evidenceRevisions, observationAttachments, observations } from "@/db/schema";
import { describeRevisionChanges } from "@/lib/evidence-revisions";
import type { Actor } from "../auth/actor";
import { env } from "../env";
import { createTestObservation, createTestSource } from "../testing/evidence-factories";
import { createTestApiToken, createTestTeam, createTestUser, createTestWorkspace } from "../testing/factories";
import { listEvidenceRevisions } from "./list-evidence-revisions";
import { retractObservation } from "./retract-observation";
import { testImage5x3, testJpeg, testPng } from "./testing/test-images";
import { updateObservation } from "./update-observation";
import { updateSource } from "./update-source";

type Params = { workspaceId: string; observationId: string; attachmentId?: string };
type Handler = (request: Request, context: { params: Promise<Params> }) => Promise<Response>;

/** Calls a route handler the way Next would, with a Bearer token, inside Next's request scope. */
async function send(handler: Handler, actor: Actor, params: Params, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.set("authorization", `Bearer ${await createTestApiToken(actor)}`);
  const request = new Request("http://localhost/api/v1/attachments", { ...init, headers });
  const scope = { type: "request", phase: "render", headers, cookies: new RequestCookies(headers) };
  return workAsyncStorage.run({ route: "/api/v1/attachments" } as never, () =>
    workUnitAsyncStorage.run(scope as never, () => handler(request, { params: Promise.resolve(params) })),
  );
}

/** Uploads `bytes` as a multipart `file` named `name` (with a client-claimed type) and an optional caption. */
function upload(
  actor: Actor,
  params: Params,
  bytes: Uint8Array,
  name: string,
  options: { caption?: string; type?: string } = {},
) {
  const form = new FormData();
  form.set("file", new File([new Uint8Array(bytes)], name, { type: options.type ?? "image/png" }));
  if (options.caption !== undefined) form.set("caption", options.caption);
  return send(attachmentsRoute.POST as Handler, actor, params, { method: "POST", body: form });
}

async function createLibrary() {
  const team = await createTestTeam();
  const workspaceId = team.workspace.id;
  const source = await createTestSource(team.analyst, workspaceId);
  const observation = await createTestObservation(team.analyst, workspaceId, {
    summary: "About 50 rail cars at the Tikhoretsk depot",
    observed: { precision: "month", month: "2024-04" },
    credibility: 2,
    sourceIds: [source.id],
  });
  return { ...team, workspaceId, observation, params: { workspaceId, observationId: observation.id } };
}

/** What an error must leave untouched: the attachments, the observation's revision and its history. */
async function writtenState(observationId: string) {
  const db = getDatabase();
  const [attachments] = await db
    .select({ n: count() })
    .from(observationAttachments)
    .where(eq(observationAttachments.observationId, observationId));
  const [row] = await db
    .select({ revision: observations.revision })
    .from(observations)
    .where(eq(observations.id, observationId));
  const [history] = await db
    .select({ n: count() })
    .from(evidenceRevisions)
    .where(eq(evidenceRevisions.recordId, observationId));
  return { attachments: attachments?.n, revision: row?.revision, history: history?.n };
}

describe("observation attachments", () => {
  it("attaches PNG and JPEG images as new revisions and serves them back byte for byte", async () => {
    const { analyst, viewer, params, observation } = await createLibrary();
    const png = testPng(4, 3);
    const response = await upload(analyst, params, png, "depot/../tikhoretsk.png", { caption: " Rail cars, April " });
    expect(response.status).toBe(201);
    const attachment = await response.json();
    expect(attachment).toMatchObject({
      observationId: observation.id,
      fileName: "tikhoretsk.png",
      mediaType: "image/png",
      byteSize: png.byteLength,
      caption: "Rail cars, April",
      createdBy: { id: analyst.id, name: analyst.name },
      url: `/api/v1/workspaces/${params.workspaceId}/observations/${observation.id}/attachments/${attachment.id}`,
    });
    expect(response.headers.get("location")).toBe(attachment.url);

    // A JPEG whose name claims otherwise keeps its real type, and gets a matching extension.
    const jpeg = await upload(analyst, params, testJpeg(), "scan.png", { type: "image/png" });
    expect(jpeg.status).toBe(201);
    expect(await jpeg.json()).toMatchObject({ mediaType: "image/jpeg", fileName: "scan.png.jpg", caption: "" });

    const list = await send(attachmentsRoute.GET as Handler, viewer, params);
    expect((await list.json()).map((item: { fileName: string }) => item.fileName)).toEqual([
      "tikhoretsk.png",
      "scan.png.jpg",
    ]);

    const image = await send(attachmentRoute.GET as Handler, viewer, { ...params, attachmentId: attachment.id });
    expect(image.status).toBe(200);
    expect(new Uint8Array(await image.arrayBuffer())).toEqual(png);
    expect(image.headers.get("content-type")).toBe("image/png");
    expect(image.headers.get("x-content-type-options")).toBe("nosniff");
    expect(image.headers.get("content-disposition")).toBe(
      `inline; filename="tikhoretsk.png"; filename*=UTF-8''tikhoretsk.png`,
    );
    expect(image.headers.get("cache-control")).toMatch(/^private/);
    const etag = image.headers.get("etag") ?? "";
    const again = await send(
      attachmentRoute.GET as Handler,
      viewer,
      { ...params, attachmentId: attachment.id },
      {
        headers: { "if-none-match": etag },
      },
    );
    expect(again.status).toBe(304);

    const history = await listEvidenceRevisions({
      actor: viewer,
      ...params,
      kind: "observation",
      recordId: observation.id,
    });
    expect(history.map((entry) => [entry.revision, entry.action, entry.by?.id])).toEqual([
      [3, "attachment_added", analyst.id],
      [2, "attachment_added", analyst.id],
      [1, "created", analyst.id],
    ]);
    expect(history[0]?.snapshot).toMatchObject({ revision: 3, summary: "About 50 rail cars at the Tikhoretsk depot" });
  });

  it("refuses an image whose width and height cannot be read, saying so", async () => {
    const { analyst, params, observation } = await createLibrary();
    const before = await writtenState(observation.id);
    const response = await upload(analyst, params, new TextEncoder().encode("GIF89a"), "tiny.gif", {
      type: "image/gif",
    });
    expect(response.status).toBe(400);
    expect((await response.json()).error.fields).toEqual({
      file: ["The image's width and height cannot be read: the file is not a complete GIF image."],
    });
    expect(await writtenState(observation.id)).toEqual(before);
  });

  it("accepts GIF and WebP images whose headers state their size", async () => {
    const { analyst, params } = await createLibrary();
    for (const [kind, name, mediaType] of [
      ["gif", "a.gif", "image/gif"],
      ["webp-lossy", "b.webp", "image/webp"],
      ["webp-lossless", "c.webp", "image/webp"],
      ["webp-extended", "d.webp", "image/webp"],
    ] as const) {
      const response = await upload(analyst, params, testImage5x3(kind), name, { type: mediaType });
      expect(response.status, kind).toBe(201);
      expect(await response.json()).toMatchObject({ mediaType, byteSize: testImage5x3(kind).byteLength });
    }
  });

  it("returns the existing attachment when the same image is attached again", async () => {
    const { analyst, owner, params, observation } = await createLibrary();
    const png = testPng(2, 2);
    const first = await (await upload(analyst, params, png, "a.png", { caption: "First" })).json();
    const before = await writtenState(observation.id);
    const second = await upload(owner, params, png, "copy.png", { caption: "Second" });
    expect(second.status).toBe(200);
    expect(await second.json()).toEqual(first);
    expect(await writtenState(observation.id)).toEqual(before);
  });

  it("refuses files that are not PNG, JPEG, GIF or WebP images, whatever they claim, and writes nothing", async () => {
    const { analyst, params, observation } = await createLibrary();
    const before = await writtenState(observation.id);
    const html = new TextEncoder().encode("<html><script>alert(1)</script></html>");
    const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    for (const [bytes, name, type] of [
      [html, "photo.png", "image/png"],
      [svg, "drawing.svg", "image/svg+xml"],
      [new Uint8Array(0), "empty.png", "image/png"],
      [testPng().slice(0, 6), "truncated.png", "image/png"],
      // Magic bytes and nothing else: file-type calls it a GIF, but there is no image to show.
      [new TextEncoder().encode("GIF89a"), "tiny.gif", "image/gif"],
      [testPng(3, 3).slice(0, 20), "cut-header.png", "image/png"],
    ] as const) {
      const response = await upload(analyst, params, bytes, name, { type });
      expect(response.status, name).toBe(400);
      expect((await response.json()).error).toMatchObject({
        code: "bad_request:attachment",
        fields: { file: [expect.any(String)] },
      });
    }
    const notMultipart = await send(attachmentsRoute.POST as Handler, analyst, params, {
      method: "POST",
      headers: { "content-type": "image/png" },
      body: new Uint8Array(testPng()),
    });
    expect(notMultipart.status).toBe(400);
    const tooLongCaption = await upload(analyst, params, testPng(), "a.png", { caption: "x".repeat(501) });
    expect(tooLongCaption.status).toBe(400);
    expect((await tooLongCaption.json()).error.fields).toHaveProperty("caption");
    expect(await writtenState(observation.id)).toEqual(before);
  });

  it("refuses images over ATTACHMENT_MAX_BYTES with 413 and writes nothing", async () => {
    const { analyst, params, observation } = await createLibrary();
    const before = await writtenState(observation.id);
    const max = env().ATTACHMENT_MAX_BYTES;
    const png = testPng();
    const oversize = new Uint8Array(max + 1);
    oversize.set(png);
    const response = await upload(analyst, params, oversize, "huge.png");
    expect(response.status).toBe(413);
    expect((await response.json()).error).toMatchObject({
      code: "payload_too_large:attachment",
      fields: { file: [expect.any(String)] },
    });
    // A body far past the limit is refused while it is read, before it is parsed.
    const enormous = await upload(analyst, params, new Uint8Array(max * 2), "enormous.png");
    expect(enormous.status).toBe(413);
    expect(await writtenState(observation.id)).toEqual(before);
  });

  it("lets only owners and analysts of the observation's workspace attach and remove images", async () => {
    const library = await createLibrary();
    const { params, observation } = library;
    const attachment = await (await upload(library.analyst, params, testPng(), "a.png")).json();
    const before = await writtenState(observation.id);
    const item = { ...params, attachmentId: attachment.id };

    for (const reader of [library.viewer, library.reviewer]) {
      expect((await upload(reader, params, testPng(3, 3), "b.png")).status).toBe(403);
      expect((await send(attachmentRoute.DELETE as Handler, reader, item, { method: "DELETE" })).status).toBe(403);
      expect((await send(attachmentRoute.GET as Handler, reader, item)).status).toBe(200);
    }
    const stranger = await createTestUser({ name: "Sam Stranger" });
    expect((await upload(stranger, params, testPng(3, 3), "b.png")).status).toBe(404);
    expect((await send(attachmentsRoute.GET as Handler, stranger, params)).status).toBe(404);
    expect((await send(attachmentRoute.GET as Handler, stranger, item)).status).toBe(404);
    expect((await send(attachmentRoute.DELETE as Handler, stranger, item, { method: "DELETE" })).status).toBe(404);

    // The owner of another workspace cannot reach this observation through their own workspace.
    const other = await createTestWorkspace(stranger, "Other team");
    const elsewhere = { workspaceId: other.id, observationId: observation.id };
    expect((await upload(stranger, elsewhere, testPng(3, 3), "b.png")).status).toBe(404);
    expect(
      (await send(attachmentRoute.GET as Handler, stranger, { ...elsewhere, attachmentId: attachment.id })).status,
    ).toBe(404);
    expect(
      (await send(attachmentRoute.GET as Handler, library.viewer, { ...params, attachmentId: "nope" })).status,
    ).toBe(404);
    expect(await writtenState(observation.id)).toEqual(before);
  });

  it("removes an image as a new revision", async () => {
    const { analyst, viewer, params, observation } = await createLibrary();
    const attachment = await (await upload(analyst, params, testPng(), "a.png")).json();
    const item = { ...params, attachmentId: attachment.id };
    expect((await send(attachmentRoute.DELETE as Handler, analyst, item, { method: "DELETE" })).status).toBe(204);
    expect((await send(attachmentRoute.GET as Handler, viewer, item)).status).toBe(404);
    expect(await (await send(attachmentsRoute.GET as Handler, viewer, params)).json()).toEqual([]);
    expect((await send(attachmentRoute.DELETE as Handler, analyst, item, { method: "DELETE" })).status).toBe(404);
    const [latest] = await listEvidenceRevisions({
      actor: viewer,
      ...params,
      kind: "observation",
      recordId: observation.id,
    });
    expect(latest).toMatchObject({ revision: 3, action: "attachment_removed", by: { id: analyst.id } });
  });

  it("keeps each revision's images in its snapshot and credits a source re-grade to the source, not a later upload", async () => {
    const { analyst, viewer, params, observation, workspaceId } = await createLibrary();
    const [source] = observation.sources;
    if (!source) throw new Error("the test observation has a source");
    await updateSource({
      actor: analyst,
      workspaceId,
      sourceId: source.id,
      input: { externalId: "S-SW", revision: 1 },
    });
    await updateObservation({
      actor: analyst,
      ...params,
      input: { notes: "Checked against March imagery.", revision: 1 },
    });
    // The source is re-graded and renamed through its own API; only then are two images attached.
    await updateSource({
      actor: analyst,
      workspaceId,
      sourceId: source.id,
      input: { publisher: "Known-good imagery desk", reliability: "A", revision: 2 },
    });
    const first = await (await upload(analyst, params, testPng(2, 2), "depot-north.png")).json();
    await upload(analyst, params, testPng(3, 3), "depot-south.png");
    const item = { ...params, attachmentId: first.id };
    expect((await send(attachmentRoute.DELETE as Handler, analyst, item, { method: "DELETE" })).status).toBe(204);

    const history = await listEvidenceRevisions({
      actor: viewer,
      ...params,
      kind: "observation",
      recordId: observation.id,
    });
    expect(
      history.map((entry) => [
        entry.revision,
        (entry.snapshot.attachments as { fileName: string }[]).map((attachment) => attachment.fileName),
      ]),
    ).toEqual([
      [5, ["depot-south.png"]],
      [4, ["depot-north.png", "depot-south.png"]],
      [3, ["depot-north.png"]],
      [2, []],
      [1, []],
    ]);
    const described = history.map((entry, index) => [
      entry.revision,
      describeRevisionChanges(entry.snapshot, history[index + 1]?.snapshot),
    ]);
    expect(described).toEqual([
      [5, { changed: ["removed “depot-north.png”"], meanwhile: [] }],
      [4, { changed: ["attached “depot-south.png”"], meanwhile: [] }],
      [
        3,
        {
          changed: ["attached “depot-north.png”"],
          meanwhile: ["S-SW re-graded B → A, renamed “CSIS Beyond Parallel” → “Known-good imagery desk”"],
        },
      ],
      [2, { changed: ["notes"], meanwhile: [] }],
      [1, { changed: [], meanwhile: [] }],
    ]);
  });

  it("keeps a retracted observation's images as they are", async () => {
    const { analyst, viewer, params, observation } = await createLibrary();
    const attachment = await (await upload(analyst, params, testPng(), "a.png")).json();
    await retractObservation({ actor: analyst, ...params, reason: "Imagery misread" });
    const before = await writtenState(observation.id);
    const added = await upload(analyst, params, testPng(5, 5), "b.png");
    expect(added.status).toBe(409);
    expect((await added.json()).error.code).toBe("conflict:observation_retracted");
    const removed = await send(
      attachmentRoute.DELETE as Handler,
      analyst,
      { ...params, attachmentId: attachment.id },
      {
        method: "DELETE",
      },
    );
    expect(removed.status).toBe(409);
    expect(await writtenState(observation.id)).toEqual(before);
    expect(
      (await send(attachmentRoute.GET as Handler, viewer, { ...params, attachmentId: attachment.id })).status,
    ).toBe(200);
  });
});
