import type { Node as ProseMirrorNode } from "@tiptap/pm/model";
import { renderToHTMLString } from "@tiptap/static-renderer/pm/html-string";
import { citationIdOf } from "@/lib/editor/citation-node";
import { schemaExtensions } from "@/lib/editor/editor-extensions";
import { judgementOf } from "@/lib/editor/judgement-content";
import { byEndnoteNumber } from "@/lib/exports/export-body";
import { buildEndnotes } from "@/lib/exports/export-endnotes";
import { judgementKindOf, numberVersionJudgements } from "@/lib/judgement-numbers";
import type { VersionCitationDto, VersionJudgementDto } from "@/lib/schemas/lifecycle";
import { formatLikelihoodRange, likelihoodOf } from "@/lib/standards/icd203";

/** Escapes text for HTML content and double- or single-quoted attributes. */
export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/**
 * Renders a frozen text to HTML without a DOM (Tiptap's static renderer over the one editor
 * schema): headings, paragraphs, lists and links as the editor shows them (links only with the
 * schema's allowed protocols), judgement blocks with their likelihood and its band, confidence
 * and key flag, and citations as numbered references to endnotes with each observation's
 * summary, date, grades and sources (ICD 206 source reference citations). Every piece of user
 * text is escaped here or by the renderer; the stable classes (`pl-…`) are styled by the page.
 * `references` are the cited observations of the workspace in endnote order (`number` from 1);
 * `judgements` the version's judgements, whose blocks are labelled by number as the exports label
 * them ("Key judgement 1", "Judgement 2"); a block without an id (none of them) is labelled
 * without a number.
 */
export function renderVersionHtml(
  node: ProseMirrorNode,
  references: readonly VersionCitationDto[],
  judgements: readonly Pick<VersionJudgementDto, "id" | "isKey" | "position">[],
): string {
  const labels = new Map(numberVersionJudgements(judgements).map(({ judgement, label }) => [judgement.id, label]));
  const numbers = new Map(references.map((reference) => [reference.observationId, reference.number]));
  const sortByEndnote = (ids: readonly string[]) =>
    [...ids].sort((a, b) =>
      byEndnoteNumber(numbers.get(a.toLowerCase()) ?? null, numbers.get(b.toLowerCase()) ?? null),
    );
  const cite = (id: string) => {
    const number = numbers.get(id.toLowerCase());
    return number === undefined
      ? `<sup class="pl-citation pl-citation--unresolved" title="Not an observation of this workspace">[?]</sup>`
      : `<sup class="pl-citation"><a href="#ref-${number}">[${number}]</a></sup>`;
  };
  const body = renderToHTMLString({
    content: node,
    extensions: schemaExtensions(),
    options: {
      nodeMapping: {
        citation: ({ node: citation }) => {
          const id = citationIdOf(citation);
          return id ? cite(id) : "";
        },
        judgement: ({ node: block, children }) => {
          const judgement = judgementOf(block);
          const statement = ([] as string[]).concat(children ?? []).join("");
          const id = judgement.id ? escapeHtml(judgement.id) : null;
          const facts = [
            `Likelihood: ${judgement.likelihood ? `${escapeHtml(likelihoodOf(judgement.likelihood).term)} (${formatLikelihoodRange(judgement.likelihood)})` : "not set"}`,
            `Confidence: ${judgement.confidence ?? "not set"}`,
            `Sources: ${judgement.citations.length > 0 ? sortByEndnote(judgement.citations).map(cite).join(" ") : "none"}`,
          ];
          return [
            `<div class="pl-judgement${judgement.isKey ? " pl-judgement--key" : ""}"${id ? ` id="judgement-${id}" data-judgement-id="${id}"` : ""}>`,
            `<p class="pl-judgement__label">${escapeHtml((judgement.id && labels.get(judgement.id)) || judgementKindOf(judgement.isKey))}</p>`,
            `<p class="pl-judgement__statement">${statement}</p>`,
            `<p class="pl-judgement__facts">${facts.map((fact) => `<span>${fact}</span>`).join(" · ")}</p>`,
            "</div>",
          ].join("");
        },
      },
    },
  });
  return `${body}${renderReferences(references)}`;
}

/**
 * The endnotes: one per cited observation, in citation order, worded as in every export
 * (`buildEndnotes`: observation, when and where, its credibility, each source with its notes, grade
 * and retrieval date), so the page and the files cite alike.
 */
function renderReferences(references: readonly VersionCitationDto[]): string {
  if (references.length === 0) return "";
  const items = buildEndnotes(references).map((endnote) => {
    const text = endnote.text.slice(endnote.label.length + 2);
    return [
      `<li id="ref-${endnote.number}" class="pl-reference${endnote.retracted ? " pl-reference--retracted" : ""}">`,
      `<span class="pl-reference__label">${escapeHtml(endnote.label)}</span> `,
      escapeHtml(text),
      "</li>",
    ].join("");
  });
  return `<section class="pl-references" aria-labelledby="pl-references-heading"><h2 id="pl-references-heading">Source references</h2><ol>${items.join("")}</ol></section>`;
}
