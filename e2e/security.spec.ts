import { type BrowserContext, expect, type Page, test } from "@playwright/test";
import * as Y from "yjs";
import { testPng } from "../server/evidence/testing/test-images";
import { editorOf, signUp, UUID, unique } from "./support/people";

// Web hardening in a real browser: the security headers are on pages, API responses and static
// files; the key pages run under the nonce-based Content-Security-Policy without a single
// violation; and script-shaped text in every user-controlled field renders as inert text.

/** An `<img onerror>` that would set `window.__xss` if it ever became an element. */
const PAYLOAD = "<img src=x onerror=window.__xss=1>";

/** Records CSP violations (and console errors about the policy) of every page of `context`. */
async function watchForViolations(context: BrowserContext): Promise<string[]> {
  const consoleErrors: string[] = [];
  await context.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener("securitypolicyviolation", (event) => {
      w.__csp.push(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`);
    });
  });
  context.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy/i.test(message.text()))
      consoleErrors.push(message.text());
  });
  return consoleErrors;
}

/** Visits `path` and checks: no CSP violation, the payload (where shown) is text, no script ran. */
async function expectInert(page: Page, path: string, consoleErrors: string[], visible?: string) {
  await page.goto(path);
  await page.waitForLoadState("load");
  if (visible) await expect(page.getByText(visible).first()).toBeVisible();
  expect(await page.locator('img[src="x"]').count(), `${path}: payload became an element`).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss), path).toBeUndefined();
  expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp), path).toEqual([]);
  expect(consoleErrors, path).toEqual([]);
}

/** Base64 of a Yjs relative position, as the editor sends a comment's anchor. */
function anchor(index: number): string {
  const text = new Y.Doc().getText("default");
  text.insert(0, "Rail cars at the depot");
  return Buffer.from(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, index))).toString("base64");
}

async function postJson(page: Page, path: string, data: unknown): Promise<{ id: string }> {
  const response = await page.request.post(path, { data });
  expect(response.status(), `${path}: ${await response.text()}`).toBe(201);
  return (await response.json()) as { id: string };
}

test("pages, API responses and static files carry the security headers, with a fresh nonce per page", async ({
  request,
}) => {
  const first = await request.get("/sign-in");
  const second = await request.get("/sign-in");
  const policy = first.headers()["content-security-policy"] ?? "";
  expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{16,}' 'strict-dynamic'(;|$)/);
  for (const directive of ["frame-ancestors 'none'", "base-uri 'none'", "object-src 'none'", "form-action 'self'"]) {
    expect(policy).toContain(directive);
  }
  expect(policy).not.toContain("unsafe-eval");
  const nonce = /'nonce-([^']+)'/.exec(policy)?.[1] ?? "";
  expect(second.headers()["content-security-policy"]).not.toContain(nonce);
  // Next stamped the nonce on its own scripts.
  const html = await first.text();
  expect(html).toContain(`nonce="${nonce}"`);

  // The 404 page of an unknown address is rendered per request too, so its scripts carry the nonce.
  const missing = await request.get("/no-such-page");
  expect(missing.status()).toBe(404);
  const missingNonce = /'nonce-([^']+)'/.exec(missing.headers()["content-security-policy"] ?? "")?.[1];
  expect(await missing.text()).toContain(`nonce="${missingNonce}"`);

  const script = /src="(\/_next\/static\/[^"]+\.js)"/.exec(html)?.[1];
  expect(script).toBeTruthy();
  for (const response of [first, await request.get("/api/health"), await request.get(script ?? "")]) {
    const headers = response.headers();
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["cross-origin-opener-policy"]).toBe("same-origin");
    expect(headers["permissions-policy"]).toContain("camera=()");
    // PUBLIC_URL is http here: no HSTS.
    expect(headers["strict-transport-security"]).toBeUndefined();
  }
});

test("script-shaped text in every user field renders inert, and no key page violates the CSP", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const run = unique();
  // The display name is the payload too.
  const owner = await signUp(browser, baseURL, { name: `${PAYLOAD} Owner`, email: `xss-${run}@e2e.parallax.test` });
  try {
    const consoleErrors = await watchForViolations(owner.context);
    const { page } = owner;
    await expectInert(page, "/sign-in", consoleErrors);

    const workspace = await postJson(page, "/api/v1/workspaces", { name: `${PAYLOAD} desk ${run}` });
    const api = `/api/v1/workspaces/${workspace.id}`;
    const assessment = await postJson(page, `${api}/assessments`, { title: `${PAYLOAD} title` });
    await postJson(page, `/api/v1/assessments/${assessment.id}/comment-threads`, {
      anchorStart: anchor(0),
      anchorEnd: anchor(9),
      quote: "Rail cars",
      body: `${PAYLOAD} comment`,
    });
    const source = await postJson(page, `${api}/sources`, {
      publisher: `${PAYLOAD} publisher`,
      title: `${PAYLOAD} source`,
      type: "imagery",
      reliability: "B",
    });
    const site = await postJson(page, `${api}/sites`, {
      name: `${PAYLOAD} site`,
      latitude: 45.85,
      longitude: 40.13,
      coordinatePrecision: "approx_1km",
      country: "RU",
    });
    const observation = await postJson(page, `${api}/observations`, {
      summary: `${PAYLOAD} summary`,
      siteId: site.id,
      observed: { precision: "month", month: "2024-04" },
      credibility: 2,
      sourceIds: [source.id],
    });
    const upload = await page.request.post(`${api}/observations/${observation.id}/attachments`, {
      multipart: {
        file: { name: `${PAYLOAD}.png`, mimeType: "image/png", buffer: Buffer.from(testPng(8, 8)) },
        caption: `${PAYLOAD} caption`,
      },
    });
    expect(upload.status(), await upload.text()).toBe(201);

    await expectInert(page, `/w/${workspace.id}`, consoleErrors, `${PAYLOAD} title`);

    // The assessment editor, with a judgement whose statement is the payload, and the comment.
    const assessmentPath = `/w/${workspace.id}/a/${assessment.id}`;
    await expectInert(page, assessmentPath, consoleErrors, `${PAYLOAD} title`);
    await expect(page.getByRole("status", { name: "Document status: Live" })).toBeVisible();
    await editorOf(page).click();
    await page.getByRole("toolbar", { name: "Formatting" }).getByRole("button", { name: "Judgement" }).click();
    await page.keyboard.type(`${PAYLOAD} judgement`);
    await expect(editorOf(page).locator("[data-judgement-id]")).toContainText(`${PAYLOAD} judgement`);
    await expect(page.getByText(`${PAYLOAD} comment`).first()).toBeVisible();
    await expectInert(page, assessmentPath, consoleErrors, `${PAYLOAD} judgement`);

    const library = `/w/${workspace.id}/library`;
    await expectInert(page, `${library}/observations/${observation.id}`, consoleErrors, `${PAYLOAD} summary`);
    await expect(page.getByText(`${PAYLOAD}.png`).first()).toBeVisible();
    await expectInert(page, `${library}/sources/${source.id}`, consoleErrors, `${PAYLOAD} source`);
    await expectInert(page, `${library}/sites/${site.id}`, consoleErrors, `${PAYLOAD} site`);
    await expectInert(page, `${library}/map`, consoleErrors);
    await expectInert(page, `/w/${workspace.id}/members`, consoleErrors, `${PAYLOAD} Owner`);
    await expectInert(page, `/w/${workspace.id}/audit`, consoleErrors, `${PAYLOAD} Owner`);
    expect(page.url()).toMatch(new RegExp(`/w/${UUID}/audit$`));
  } finally {
    await owner.context.close();
  }
});
