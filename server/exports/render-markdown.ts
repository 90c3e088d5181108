import type { ExportInline } from "@/lib/exports/export-body";
import type { ExportJudgement, ExportModel } from "@/lib/exports/export-model";
import { EXPORT_SECTIONS, exportedOnLine } from "./export-text";

/** Escapes characters Markdown would read as formatting, so user text stays text. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/([\\`*_[\]<>|~])/g, "\\$1")
    .replace(/^(\s*)([#+>-])/gm, "$1\\$2")
    .replace(/^(\s*\d+)\./gm, "$1\\.");
}

function inlineMarkdown(inlines: readonly ExportInline[]): string {
  return inlines
    .map((inline) => {
      if (inline.kind === "break") return "  \n";
      // Endnote references: Markdown footnotes, which most renderers number and link.
      if (inline.kind === "cite") return inline.number === null ? "[?]" : `[^${inline.number}]`;
      let text = inline.code ? `\`${inline.text.replace(/`/g, "'")}\`` : escapeMarkdown(inline.text);
      if (inline.bold) text = `**${text}**`;
      if (inline.italic) text = `*${text}*`;
      // Markdown has no underline: the HTML most renderers accept inline.
      if (inline.underline) text = `<u>${text}</u>`;
      if (inline.strike) text = `~~${text}~~`;
      if (inline.href) text = `[${text}](<${inline.href.replace(/[<>]/g, "")}>)`;
      return text;
    })
    .join("");
}

function judgementMarkdown(judgement: ExportJudgement): string {
  const notes = judgement.endnotes.map((number) => `[^${number}]`).join("");
  return `**${judgement.label}.** ${escapeMarkdown(judgement.statement)}${notes}  \n*${escapeMarkdown(judgement.facts)}*`;
}

function bodyMarkdown(model: ExportModel): string[] {
  const byId = new Map(model.judgements.map((judgement) => [judgement.id, judgement]));
  return model.blocks.map((block) => {
    switch (block.kind) {
      case "heading":
        // The document's own headings sit below the export's sections (##).
        return `${"#".repeat(Math.min(block.level + 2, 6))} ${inlineMarkdown(block.inlines)}`;
      case "paragraph":
        return inlineMarkdown(block.inlines);
      case "list-item":
        return `${"   ".repeat(block.depth)}${block.marker === "•" ? "-" : block.marker} ${inlineMarkdown(block.inlines)}`;
      case "quote":
        return `> ${inlineMarkdown(block.inlines)}`;
      case "code":
        return `\`\`\`\n${block.text.replace(/```/g, "'''")}\n\`\`\``;
      case "rule":
        return "---";
      default: {
        // The one kind left: a judgement block.
        const judgement = block.judgementId ? byId.get(block.judgementId) : undefined;
        const text = inlineMarkdown([
          ...block.inlines,
          ...block.chips.map((number) => ({ kind: "cite" as const, number })),
        ]);
        return judgement ? `> **${judgement.label}.** ${text}  \n> *${escapeMarkdown(judgement.facts)}*` : `> ${text}`;
      }
    }
  });
}

/**
 * A version as Markdown: the TLP marking (and a snapshot's "DRAFT — NOT PUBLISHED") at the top and bottom, key judgements first, the text,
 * the source summary statement, the legend of the ICD 203 scales and the endnotes as footnotes.
 */
export function renderMarkdown(model: ExportModel): string {
  const marking = `**${model.marking.label}** — ${model.marking.audience}`;
  const key = model.judgements.filter((judgement) => judgement.isKey);
  const other = model.judgements.filter((judgement) => !judgement.isKey);
  const table = (head: string[], rows: string[][]) =>
    [
      `| ${head.join(" | ")} |`,
      `|${head.map(() => " --- ").join("|")}|`,
      ...rows.map((r) => `| ${r.join(" | ")} |`),
    ].join("\n");
  const { release } = model;
  const lines = [
    marking,
    ...(release.marking ? [`**${escapeMarkdown(release.marking)}**`] : []),
    `# ${escapeMarkdown(model.title)}`,
    ...(release.notice ? [`**${escapeMarkdown(release.notice)}**`] : []),
    exportedOnLine(model),
    ...(model.keyQuestion ? [`**Key question:** ${escapeMarkdown(model.keyQuestion)}`] : []),
    `## ${EXPORT_SECTIONS.key}`,
    ...(key.length > 0 ? key.map(judgementMarkdown) : ["No key judgements."]),
    ...(other.length > 0 ? [`## ${EXPORT_SECTIONS.other}`, ...other.map(judgementMarkdown)] : []),
    `## ${EXPORT_SECTIONS.body}`,
    ...bodyMarkdown(model),
    `## ${EXPORT_SECTIONS.summary}`,
    ...model.sourceSummary.paragraphs.map(escapeMarkdown),
    `## ${EXPORT_SECTIONS.legend}`,
    table(
      ["Likelihood (ICD 203)", "Also", "Probability"],
      model.legend.likelihood.map((row) => [row.term, row.equivalent, row.range]),
    ),
    table(
      ["Confidence", "Meaning"],
      model.legend.confidence.map((row) => [row.label, row.definition]),
    ),
    table(
      ["Source reliability", "Meaning"],
      model.legend.reliability.map((row) => [row.grade, row.wording]),
    ),
    table(
      ["Information credibility", "Meaning"],
      model.legend.credibility.map((row) => [row.grade, row.wording]),
    ),
    `## ${EXPORT_SECTIONS.endnotes}`,
    ...(model.endnotes.length > 0
      ? model.endnotes.map((note) => `[^${note.number}]: ${escapeMarkdown(note.text)}`)
      : ["No sources cited."]),
    ...(release.marking ? [`**${escapeMarkdown(release.marking)}**`] : []),
    marking,
  ];
  return `${lines.join("\n\n")}\n`;
}
