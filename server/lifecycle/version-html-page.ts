import { buildExportModel } from "@/lib/exports/export-model";
import type { VersionDto } from "@/lib/schemas/lifecycle";
import { TLP_DEFINITIONS } from "@/lib/tlp";
import { exportedOnLine } from "../exports/export-text";
import { escapeHtml } from "./render-version-html";

// Enough to read and print a version on its own; the app's version page has the full styling.
const STYLE = `body{font:16px/1.55 system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#0f172a}
.tlp{display:inline-block;background:#000;font:600 .8rem monospace;padding:.15rem .4rem;border-radius:.2rem}
.meta{color:#475569;font-size:.9rem}.pl-judgement{border-left:3px solid #cbd5e1;background:#f8fafc;padding:.5rem .75rem;margin:1rem 0}
.pl-judgement--key{border-left-color:#4f46e5}.pl-judgement__label{margin:0;font-size:.7rem;font-weight:600;text-transform:uppercase;color:#64748b}
.pl-judgement__statement{margin:.25rem 0;font-weight:500}.pl-judgement__facts{margin:0;font-size:.85rem;color:#475569}
.release,.notice{color:#b91c1c;font-weight:700}.pl-references{border-top:1px solid #e2e8f0;margin-top:2rem;font-size:.9rem}.pl-reference--retracted{color:#991b1b}`;

const TLP_COLOURS: Record<string, string> = {
  RED: "#FF2B2B",
  AMBER: "#FFC000",
  "AMBER+STRICT": "#FFC000",
  GREEN: "#33FF00",
  CLEAR: "#FFFFFF",
};

/**
 * A published version as a standalone HTML page (`?format=html`): the TLP marking at the top and
 * the bottom (TLP 2.0 asks for both), title, key question, who published it and when, then the
 * frozen HTML. Everything taken from the version is escaped; the frozen HTML was escaped when it
 * was rendered.
 */
export function versionHtmlPage(version: VersionDto): string {
  const { assessment } = version.content;
  const tlp = TLP_DEFINITIONS[assessment.tlp];
  const marking = `<p><span class="tlp" style="color:${TLP_COLOURS[assessment.tlp] ?? "#FFFFFF"}" title="${escapeHtml(tlp.audience)}">${escapeHtml(tlp.label)}</span></p>`;
  const model = buildExportModel(version.content, version);
  const release = model.release.marking ? `<p class="release">${escapeHtml(model.release.marking)}</p>` : "";
  const question = assessment.keyQuestion
    ? `<p><strong>Key question:</strong> ${escapeHtml(assessment.keyQuestion)}</p>`
    : "";
  return [
    "<!doctype html>",
    '<html lang="en"><head><meta charset="utf-8">',
    `<title>${escapeHtml(version.title)} (version ${version.number})</title>`,
    `<style>${STYLE}</style></head><body>`,
    marking,
    release,
    `<h1>${escapeHtml(version.title)}</h1>`,
    ...(model.release.notice ? [`<p class="notice">${escapeHtml(model.release.notice)}</p>`] : []),
    `<p class="meta">${escapeHtml(exportedOnLine(model))}</p>`,
    question,
    `<article>${version.html}</article>`,
    release,
    marking,
    "</body></html>",
  ].join("\n");
}
