import PDFDocument from "pdfkit";
import type { ExportInline } from "@/lib/exports/export-body";
import type { ExportJudgement, ExportModel } from "@/lib/exports/export-model";
import { EXPORT_SECTIONS, exportedOnLine } from "./export-text";
import { FONT, type FontName, fontSegments, MISSING_GLYPH, pdfFonts, unrenderableCharacters } from "./pdf-fonts";
import { TLP_COLOURS } from "./tlp-colours";

type Pdf = PDFKit.PDFDocument;

const MARGIN = { top: 72, bottom: 72, left: 64, right: 64 };

/** Writes runs of text as one flowing paragraph (pdfkit wraps it and adds pages as needed). */
/** A run of text in one font, maybe a link, underlined or struck through. */
interface PdfPart {
  text: string;
  font?: FontName;
  link?: string;
  underline?: boolean;
  strike?: boolean;
}

function runs(doc: Pdf, parts: PdfPart[], options: PDFKit.Mixins.TextOptions = {}) {
  // Each part split where its font lacks a character (drawn in the regular font, or as □).
  const visible = parts.flatMap((part) =>
    fontSegments(part.text, part.font ?? FONT.regular).map((segment) => ({
      ...segment,
      link: part.link,
      underline: part.underline,
      strike: part.strike,
    })),
  );
  if (visible.length === 0) {
    visible.push({ text: " ", font: FONT.regular, link: undefined, underline: undefined, strike: undefined });
  }
  visible.forEach((part, index) => {
    doc.font(part.font);
    doc.text(part.text, {
      ...options,
      continued: index < visible.length - 1,
      link: part.link ?? null,
      underline: Boolean(part.link || part.underline),
      strike: Boolean(part.strike),
    });
  });
  doc.moveDown(0.4);
}

function inlineParts(inlines: readonly ExportInline[]) {
  return inlines.map((inline): PdfPart => {
    if (inline.kind === "break") return { text: "\n" };
    if (inline.kind === "cite") return { text: `[${inline.number ?? "?"}]` };
    const font = inline.code ? FONT.mono : inline.bold ? FONT.bold : inline.italic ? FONT.italic : FONT.regular;
    return { text: inline.text, font, link: inline.href, underline: inline.underline, strike: inline.strike };
  });
}

function heading(doc: Pdf, text: string, size = 15) {
  doc.moveDown(0.6).fontSize(size);
  runs(doc, [{ text, font: FONT.bold }]);
  doc.fontSize(10.5);
}

function judgement(doc: Pdf, item: ExportJudgement, body?: ReturnType<typeof inlineParts>) {
  const notes = item.endnotes.map((number) => `[${number}]`).join("");
  runs(doc, [{ text: `${item.label}. `, font: FONT.bold }, ...(body ?? [{ text: `${item.statement}${notes}` }])]);
  runs(doc, [{ text: item.facts, font: FONT.italic }]);
}

/** One-font text (the legend's own wording): any character the font lacks shows as □. */
function plain(text: string): string {
  return fontSegments(text, FONT.regular)
    .map((segment) => segment.text)
    .join("");
}

/**
 * The note a reader needs when some characters cannot be drawn: which (by code point, since the
 * PDF cannot show them) and that the other formats keep them. Null when every character renders.
 */
function missingGlyphNote(model: ExportModel): string | null {
  const missing = unrenderableCharacters([JSON.stringify(model)]);
  if (missing.length === 0) return null;
  const shown = missing
    .slice(0, 6)
    .map((char) => `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`);
  return (
    `Note: ${missing.length === 1 ? "1 character" : `${missing.length} different characters`} in this assessment ` +
    `(${shown.join(", ")}${missing.length > shown.length ? ", …" : ""}), for example Korean, Chinese or Japanese script, ` +
    `cannot be drawn with the font embedded in this PDF and ${missing.length === 1 ? "is" : "are"} printed as ${MISSING_GLYPH}. ` +
    "The Markdown, DOCX, HTML and JSON exports keep the full text."
  );
}

/** A table of short rows; a row that would cross the bottom margin starts a new page. */
function table(doc: Pdf, head: string[], rows: string[][], widths: number[]) {
  const left = MARGIN.left;
  for (const [index, cells] of [head, ...rows].entries()) {
    doc.font(index === 0 ? FONT.bold : FONT.regular);
    const height = Math.max(...cells.map((cell, i) => doc.heightOfString(plain(cell), { width: widths[i] ?? 100 })));
    if (doc.y + height > doc.page.height - MARGIN.bottom) doc.addPage();
    const top = doc.y;
    let x = left;
    cells.forEach((cell, i) => {
      doc.text(plain(cell), x, top, { width: widths[i] ?? 100 });
      x += (widths[i] ?? 100) + 8;
    });
    doc.x = left;
    doc.y = top + height + 3;
  }
  doc.moveDown(0.6);
}

function body(doc: Pdf, model: ExportModel) {
  const byId = new Map(model.judgements.map((item) => [item.id, item]));
  for (const block of model.blocks) {
    if (block.kind === "heading")
      heading(doc, block.inlines.map((i) => (i.kind === "text" ? i.text : "")).join(""), 14 - block.level);
    else if (block.kind === "paragraph") runs(doc, inlineParts(block.inlines));
    else if (block.kind === "quote") runs(doc, inlineParts(block.inlines), { indent: 24 });
    else if (block.kind === "code") runs(doc, [{ text: block.text, font: FONT.mono }]);
    else if (block.kind === "rule") doc.moveDown(0.5);
    else if (block.kind === "list-item") {
      runs(doc, [{ text: `${block.marker} ` }, ...inlineParts(block.inlines)], { indent: 16 * (block.depth + 1) });
    } else {
      const item = block.judgementId ? byId.get(block.judgementId) : undefined;
      const parts = [
        ...inlineParts(block.inlines),
        { text: block.chips.map((number) => `[${number ?? "?"}]`).join("") },
      ];
      if (item) judgement(doc, item, parts);
      else runs(doc, parts);
    }
  }
}

/** The TLP marking (and a snapshot's status) at the top and bottom of every page, drawn once all pages exist. */
function markPages(doc: Pdf, model: ExportModel) {
  const label = model.marking.label;
  const range = doc.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index += 1) {
    doc.switchToPage(index);
    // Writing inside the bottom margin would otherwise make pdfkit start another page.
    const bottomMargin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font(FONT.bold).fontSize(10);
    const width = doc.widthOfString(label) + 12;
    const x = (doc.page.width - width) / 2;
    for (const y of [28, doc.page.height - 44]) {
      doc
        .save()
        .rect(x, y - 3, width, 16)
        .fill("#000000")
        .restore();
      doc
        .fillColor(`#${TLP_COLOURS[model.marking.tlp]}`)
        .text(label, x, y, { width, align: "center", lineBreak: false });
    }
    if (model.release.marking) {
      // A snapshot is marked on every page too, so no page of it passes for the published product.
      doc.font(FONT.bold).fontSize(9).fillColor("#C00000");
      for (const y of [48, doc.page.height - 60]) {
        doc.text(model.release.marking, MARGIN.left, y, {
          width: doc.page.width - MARGIN.left - MARGIN.right,
          align: "center",
          lineBreak: false,
        });
      }
    }
    doc.fillColor("#555555").font(FONT.regular).fontSize(8);
    doc.text(`Page ${index - range.start + 1} of ${range.count}`, MARGIN.left, doc.page.height - 40, {
      lineBreak: false,
    });
    doc.fillColor("#000000");
    doc.page.margins.bottom = bottomMargin;
  }
}

/**
 * A version as PDF (A4, DejaVu Sans and Sans Mono embedded, subset to the characters used, so
 * Latin, Cyrillic and Greek text prints as written; characters no embedded font has print as □
 * and a note under the title says so): the TLP
 * marking at the top and bottom of every page, overflow pages included, key judgements first,
 * the text, the source summary statement, the legend tables and the endnotes.
 */
export function renderPdf(model: ExportModel): Promise<Uint8Array> {
  const doc = new PDFDocument({
    size: "A4",
    margins: MARGIN,
    bufferPages: true,
    info: { Title: model.title },
    // No standard font is used: pdfkit would otherwise load Helvetica's metrics for nothing.
    font: null as unknown as string,
  });
  for (const [name, { data }] of pdfFonts()) doc.registerFont(name, data);
  doc.font(FONT.regular);
  const chunks: Buffer[] = [];
  const done = new Promise<Uint8Array>((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on("error", reject);
  });
  doc.fontSize(20);
  runs(doc, [{ text: model.title, font: FONT.bold }]);
  doc.fontSize(10.5);
  if (model.release.notice) {
    doc.fillColor("#C00000");
    runs(doc, [{ text: model.release.notice, font: FONT.bold }]);
    doc.fillColor("#000000");
  }
  const note = missingGlyphNote(model);
  if (note) runs(doc, [{ text: note, font: FONT.italic }]);
  runs(doc, [{ text: `${model.marking.label}: `, font: FONT.bold }, { text: model.marking.audience }]);
  runs(doc, [{ text: exportedOnLine(model) }]);
  if (model.keyQuestion) runs(doc, [{ text: "Key question: ", font: FONT.bold }, { text: model.keyQuestion }]);
  const key = model.judgements.filter((item) => item.isKey);
  const other = model.judgements.filter((item) => !item.isKey);
  heading(doc, EXPORT_SECTIONS.key);
  if (key.length === 0) runs(doc, [{ text: "No key judgements." }]);
  for (const item of key) judgement(doc, item);
  if (other.length > 0) heading(doc, EXPORT_SECTIONS.other);
  for (const item of other) judgement(doc, item);
  heading(doc, EXPORT_SECTIONS.body);
  body(doc, model);
  heading(doc, EXPORT_SECTIONS.summary);
  for (const paragraph of model.sourceSummary.paragraphs) runs(doc, [{ text: paragraph }]);
  heading(doc, EXPORT_SECTIONS.legend);
  const { legend } = model;
  table(
    doc,
    ["Likelihood (ICD 203)", "Also", "Probability"],
    legend.likelihood.map((r) => [r.term, r.equivalent, r.range]),
    [150, 150, 140],
  );
  table(
    doc,
    ["Confidence", "Meaning"],
    legend.confidence.map((r) => [r.label, r.definition]),
    [120, 330],
  );
  table(
    doc,
    ["Source reliability", "Meaning"],
    legend.reliability.map((r) => [r.grade, r.wording]),
    [120, 330],
  );
  table(
    doc,
    ["Information credibility", "Meaning"],
    legend.credibility.map((r) => [r.grade, r.wording]),
    [120, 330],
  );
  heading(doc, EXPORT_SECTIONS.endnotes);
  if (model.endnotes.length === 0) runs(doc, [{ text: "No sources cited." }]);
  for (const note of model.endnotes) runs(doc, [{ text: `${note.number}. `, font: FONT.bold }, { text: note.text }]);
  markPages(doc, model);
  doc.end();
  return done;
}
