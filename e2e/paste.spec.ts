import { expect, type Page, test } from "@playwright/test";
import { createAssessment, editorOf, signUp, unique } from "./support/people";

// Pasting from Word or a web page into the assessment text: what the schema cannot hold
// (tables, images) is turned into text or named, never silently scrambled or lost.

// As Word puts it on the clipboard: a title, a paragraph, a 2×2 table with a paragraph per
// cell, an image in a paragraph of its own and one loose.
const WORD_HTML = `<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word">
<head><style>p.MsoNormal{margin:0}</style></head><body>
<!--StartFragment--><h1 class=MsoTitle>Word Title</h1>
<p class=MsoNormal><b>Bold lead.</b> Counted from <a href="https://example.org/report">imagery</a>.</p>
<table class=MsoTableGrid border=1>
 <tr><td><p class=MsoNormal>Site</p></td><td><p class=MsoNormal>Rail cars</p></td></tr>
 <tr><td><p class=MsoNormal>Tikhoretsk</p></td><td><p class=MsoNormal><b>50</b></p></td></tr>
</table>
<p class=MsoNormal><img src="data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==" width=100 height=100 alt="Depot imagery"></p>
<img src="https://example.org/tracker.png">
<p class=MsoNormal>After the table.</p><!--EndFragment--></body></html>`;

/** Dispatches a paste of `html` (and its plain text) into the editor, as the browser does. */
async function pasteHtml(page: Page, html: string, text: string) {
  await editorOf(page).evaluate(
    (root, clipboard) => {
      const data = new DataTransfer();
      data.setData("text/html", clipboard.html);
      data.setData("text/plain", clipboard.text);
      root.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
    },
    { html, text },
  );
}

test("a pasted Word table keeps each row on one line, dropped images are named, and a heading stays apart", async ({
  browser,
  baseURL,
}) => {
  const run = unique();
  const avery = await signUp(browser, baseURL, { name: "Avery Owner", email: `avery-p-${run}@e2e.parallax.test` });
  try {
    const page = avery.page;
    const { workspaceId } = await createAssessment(page, "Paste desk", run);
    await expect(page.getByRole("status", { name: "Document status: Live" })).toBeVisible();
    const editor = editorOf(page);
    await editor.click();
    await page.keyboard.type("Before paste. ");
    await pasteHtml(page, WORD_HTML, "Word Title\nBold lead. Counted from imagery.\nSite\tRail cars");

    // One block per line as pasted: the title a heading of its own after the existing
    // paragraph, each table row one paragraph with its cells in order.
    await expect(editor.locator(":scope > *")).toHaveText([
      "Before paste.",
      "Word Title",
      "Bold lead. Counted from imagery.",
      "Site | Rail cars",
      "Tikhoretsk | 50",
      "After the table.",
    ]);
    await expect(editor.locator(":scope > h1")).toHaveText("Word Title");
    // Formatting inside a cell survives.
    await expect(editor.locator("p", { hasText: "Tikhoretsk" }).locator("strong")).toHaveText("50");

    // The two images are named, with where they belong.
    const notice = page.getByRole("status").filter({ hasText: "Images are not pasted into the text" });
    await expect(notice).toContainText("2 images were left out of the paste.");
    await expect(notice.getByRole("link", { name: "evidence library" })).toHaveAttribute(
      "href",
      `/w/${workspaceId}/library`,
    );
    await notice.getByRole("button", { name: "Dismiss" }).click();
    await expect(notice).toHaveCount(0);

    // A screenshot pasted alone comes as a file, which the text cannot hold either.
    await editorOf(page).evaluate((root) => {
      const data = new DataTransfer();
      data.items.add(new File([new Uint8Array([137, 80, 78, 71])], "screenshot.png", { type: "image/png" }));
      root.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
    });
    await expect(notice).toContainText("1 image was left out of the paste.");
    await notice.getByRole("button", { name: "Dismiss" }).click();
    await expect(notice).toHaveCount(0);

    // A paste with no image says nothing.
    await page.keyboard.press("Control+End");
    await pasteHtml(page, "<p>Plain <i>words</i>.</p>", "Plain words.");
    await expect(editor.locator(":scope > *").last()).toHaveText("After the table.Plain words.");
    await expect(page.getByRole("status").filter({ hasText: "Images are not pasted" })).toHaveCount(0);
  } finally {
    await avery.context.close();
  }
});
