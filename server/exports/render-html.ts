import { isAllowedLink } from "@/lib/editor/editor-extensions";
import type { ExportBlock, ExportInline } from "@/lib/exports/export-body";
import type { ExportJudgement, ExportModel } from "@/lib/exports/export-model";
import { escapeHtml } from "../lifecycle/render-version-html";
import { EXPORT_SECTIONS, exportedOnLine } from "./export-text";
import { TLP_COLOURS } from "./tlp-colours";

// Enough to read and print a version on its own; the app's version page has the full styling.
const STYLE = `body{font:16px/1.55 system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#0f172a}
.tlp{display:inline-block;background:#000;font:600 .8rem monospace;padding:.15rem .4rem;border-radius:.2rem}
.tlp-audience{font-size:.85rem;color:#475569}.release,.notice{color:#b91c1c;font-weight:700}
.meta{color:#475569;font-size:.9rem}.pl-judgement{border-left:3px solid #cbd5e1;background:#f8fafc;padding:.5rem .75rem;margin:1rem 0}
.pl-judgement--key{border-left-color:#4f46e5}.pl-judgement__label{margin:0;font-size:.7rem;font-weight:600;text-transform:uppercase;color:#64748b}
.pl-judgement__statement{margin:.25rem 0;font-weight:500}.pl-judgement__facts{margin:0;font-size:.85rem;color:#475569;font-style:italic}
table{border-collapse:collapse;margin:1rem 0;font-size:.9rem}th,td{border:1px solid #cbd5e1;padding:.2rem .5rem;text-align:left;vertical-align:top}
.pl-references{border-top:1px solid #e2e8f0;margin-top:2rem;font-size:.9rem}.pl-reference--retracted{color:#991b1b}`;

const cite = (number: number | null) =>
  number === null
    ? `<sup class="pl-citation pl-citation--unresolved" title="Not an observation of this workspace">[?]</sup>`
    : `<sup class="pl-citation"><a href="#ref-${number}">[${number}]</a></sup>`;

function inlineHtml(inlines: readonly ExportInline[]): string {
  return inlines
    .map((inline) => {
      if (inline.kind === "break") return "<br>";
      if (inline.kind === "cite") return cite(inline.number);
      let html = escapeHtml(inline.text);
      if (inline.code) html = `<code>${html}</code>`;
      if (inline.bold) html = `<strong>${html}</strong>`;
      if (inline.italic) html = `<em>${html}</em>`;
      if (inline.underline) html = `<u>${html}</u>`;
      if (inline.strike) html = `<s>${html}</s>`;
      // Only the protocols the editor allows: a frozen link is never a script.
      if (inline.href && isAllowedLink(inline.href)) html = `<a href="${escapeHtml(inline.href)}">${html}</a>`;
      return html;
    })
    .join("");
}

function judgementHtml(judgement: ExportJudgement, statement: string): string {
  const id = escapeHtml(judgement.id);
  return [
    `<div class="pl-judgement${judgement.isKey ? " pl-judgement--key" : ""}" data-judgement-id="${id}">`,
    `<p class="pl-judgement__label">${escapeHtml(judgement.label)}</p>`,
    `<p class="pl-judgement__statement">${statement}</p>`,
    `<p class="pl-judgement__facts">${escapeHtml(judgement.facts)}</p>`,
    "</div>",
  ].join("");
}

function blockHtml(block: ExportBlock, byId: ReadonlyMap<string, ExportJudgement>): string {
  switch (block.kind) {
    case "heading": {
      // The document's own headings sit below the export's sections (h2).
      const level = Math.min(block.level + 2, 6);
      return `<h${level}>${inlineHtml(block.inlines)}</h${level}>`;
    }
    case "paragraph":
      return `<p>${inlineHtml(block.inlines)}</p>`;
    case "list-item":
      return `<p class="pl-list-item" style="margin:0 0 .25rem ${1.5 * (block.depth + 1)}rem">${escapeHtml(block.marker)} ${inlineHtml(block.inlines)}</p>`;
    case "quote":
      return `<blockquote>${inlineHtml(block.inlines)}</blockquote>`;
    case "code":
      return `<pre><code>${escapeHtml(block.text)}</code></pre>`;
    case "rule":
      return "<hr>";
    default: {
      const judgement = block.judgementId ? byId.get(block.judgementId) : undefined;
      const statement = `${inlineHtml(block.inlines)}${block.chips.map(cite).join("")}`;
      return judgement ? judgementHtml(judgement, statement) : `<div class="pl-judgement"><p>${statement}</p></div>`;
    }
  }
}

function tableHtml(head: readonly string[], rows: readonly (readonly string[])[]): string {
  const cells = (row: readonly string[], tag: "th" | "td") =>
    `<tr>${row.map((cell) => `<${tag}>${escapeHtml(cell)}</${tag}>`).join("")}</tr>`;
  return `<table><thead>${cells(head, "th")}</thead><tbody>${rows.map((row) => cells(row, "td")).join("")}</tbody></table>`;
}

function section(title: string, body: string, className = ""): string {
  return `<section${className ? ` class="${className}"` : ""}><h2>${escapeHtml(title)}</h2>${body}</section>`;
}

/**
 * A version as a standalone HTML page, with what every other format holds in the same order: the
 * TLP marking and its audience at the top and bottom (and a snapshot's status), title, version
 * line, key question, key and other judgements, the text, the source summary statement, the
 * legend and the endnotes. Every piece of text is escaped here.
 */
export function renderHtml(model: ExportModel): string {
  const byId = new Map(model.judgements.map((judgement) => [judgement.id, judgement]));
  const marking = `<p class="tlp-line"><span class="tlp" style="color:#${TLP_COLOURS[model.marking.tlp]}">${escapeHtml(model.marking.label)}</span> <span class="tlp-audience">${escapeHtml(model.marking.audience)}</span></p>`;
  const release = model.release.marking ? `<p class="release">${escapeHtml(model.release.marking)}</p>` : "";
  const listed = (judgements: readonly ExportJudgement[]) =>
    judgements
      .map((j) => judgementHtml(j, `${escapeHtml(j.statement)}${j.endnotes.map((number) => cite(number)).join("")}`))
      .join("");
  const key = model.judgements.filter((judgement) => judgement.isKey);
  const other = model.judgements.filter((judgement) => !judgement.isKey);
  const { legend } = model;
  const endnotes = model.endnotes.map(
    (note) =>
      `<li id="ref-${note.number}" class="pl-reference${note.retracted ? " pl-reference--retracted" : ""}">` +
      `<span class="pl-reference__label">${escapeHtml(note.label)}</span> ${escapeHtml(note.text.slice(note.label.length + 2))}</li>`,
  );
  return [
    "<!doctype html>",
    '<html lang="en"><head><meta charset="utf-8">',
    `<title>${escapeHtml(model.title)} (${model.label})</title>`,
    `<style>${STYLE}</style></head><body>`,
    marking,
    release,
    `<h1>${escapeHtml(model.title)}</h1>`,
    model.release.notice ? `<p class="notice">${escapeHtml(model.release.notice)}</p>` : "",
    `<p class="meta">${escapeHtml(exportedOnLine(model))}</p>`,
    model.keyQuestion ? `<p><strong>Key question:</strong> ${escapeHtml(model.keyQuestion)}</p>` : "",
    section(EXPORT_SECTIONS.key, key.length > 0 ? listed(key) : "<p>No key judgements.</p>"),
    other.length > 0 ? section(EXPORT_SECTIONS.other, listed(other)) : "",
    section(
      EXPORT_SECTIONS.body,
      `<article>${model.blocks.map((block) => blockHtml(block, byId)).join("\n")}</article>`,
    ),
    section(EXPORT_SECTIONS.summary, model.sourceSummary.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join("")),
    section(
      EXPORT_SECTIONS.legend,
      [
        tableHtml(
          ["Likelihood (ICD 203)", "Also", "Probability"],
          legend.likelihood.map((r) => [r.term, r.equivalent, r.range]),
        ),
        tableHtml(
          ["Confidence", "Meaning"],
          legend.confidence.map((r) => [r.label, r.definition]),
        ),
        tableHtml(
          ["Source reliability", "Meaning"],
          legend.reliability.map((r) => [r.grade, r.wording]),
        ),
        tableHtml(
          ["Information credibility", "Meaning"],
          legend.credibility.map((r) => [r.grade, r.wording]),
        ),
      ].join(""),
    ),
    section(
      EXPORT_SECTIONS.endnotes,
      endnotes.length > 0 ? `<ol>${endnotes.join("")}</ol>` : "<p>No sources cited.</p>",
      "pl-references",
    ),
    release,
    marking,
    "</body></html>",
  ]
    .filter((line) => line !== "")
    .join("\n");
}
