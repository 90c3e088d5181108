import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { MAX_JSON_BODY_BYTES, readJsonBody } from "./read-json-body";

const post = (body: BodyInit, headers: Record<string, string> = {}) =>
  new Request("http://localhost/api/v1/x", { method: "POST", body, headers, duplex: "half" } as RequestInit);

async function errorOf(promise: Promise<unknown>): Promise<AppError> {
  const result = await promise.catch((e: unknown) => e);
  expect(result).toBeInstanceOf(AppError);
  return result as AppError;
}

describe("readJsonBody", () => {
  it("parses a JSON object", async () => {
    expect(await readJsonBody(post(JSON.stringify({ name: "Desk" })))).toEqual({ name: "Desk" });
  });

  it("answers 400 with a message for malformed and empty bodies", async () => {
    const malformed = await errorOf(readJsonBody(post("{name:")));
    expect(malformed.status).toBe(400);
    expect(malformed.fields?.[""]?.[0]).toMatch(/not valid JSON/);
    expect((await errorOf(readJsonBody(post("")))).status).toBe(400);
  });

  it("refuses a body over 1 MB by its declared length", async () => {
    const error = await errorOf(readJsonBody(post("{}", { "content-length": String(MAX_JSON_BODY_BYTES + 1) })));
    expect(error.status).toBe(400);
    expect(error.code).toBe("bad_request:body_too_large");
  });

  it("refuses a streamed body that grows past 1 MB without a length", async () => {
    const chunk = new TextEncoder().encode(`"${"x".repeat(64 * 1024)}`);
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += chunk.byteLength;
        if (sent > 4 * MAX_JSON_BODY_BYTES) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const error = await errorOf(readJsonBody(post(stream)));
    expect(error.code).toBe("bad_request:body_too_large");
    // It stopped reading soon after the limit instead of buffering everything.
    expect(sent).toBeLessThan(MAX_JSON_BODY_BYTES + 3 * chunk.byteLength);
  });
});
