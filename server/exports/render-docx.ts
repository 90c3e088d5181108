import {
  AlignmentType,
  Bookmark,
  Document,
  ExternalHyperlink,
  Footer,
  Header,
  HeadingLevel,
  InternalHyperlink,
  Packer,
  PageNumber,
  Paragraph,
  type ParagraphChild,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import type { ExportInline } from "@/lib/exports/export-body";
import type { ExportJudgement, ExportModel } from "@/lib/exports/export-model";
import { EXPORT_SECTIONS, exportedOnLine } from "./export-text";
import { TLP_COLOURS } from "./tlp-colours";

/** A superscript `[n]` linking to endnote n (or `[?]` for a citation naming no observation). */
function endnoteRef(number: number | null): ParagraphChild {
  const run = new TextRun({ text: `[${number ?? "?"}]`, superScript: true });
  return number === null ? run : new InternalHyperlink({ anchor: `endnote_${number}`, children: [run] });
}

function inlineRuns(inlines: readonly ExportInline[]): ParagraphChild[] {
  return inlines.map((inline) => {
    if (inline.kind === "break") return new TextRun({ break: 1 });
    if (inline.kind === "cite") return endnoteRef(inline.number);
    const run = new TextRun({
      text: inline.text,
      bold: inline.bold,
      italics: inline.italic,
      ...(inline.underline ? { underline: {} } : {}),
      strike: inline.strike,
      ...(inline.code ? { font: "Courier New" } : {}),
      ...(inline.href ? { style: "Hyperlink" } : {}),
    });
    return inline.href ? new ExternalHyperlink({ link: inline.href, children: [run] }) : run;
  });
}

function judgementParagraphs(judgement: ExportJudgement, body?: ParagraphChild[]): Paragraph[] {
  return [
    new Paragraph({
      children: [
        new TextRun({ text: `${judgement.label}. `, bold: true }),
        ...(body ?? [new TextRun(judgement.statement), ...judgement.endnotes.map(endnoteRef)]),
      ],
    }),
    new Paragraph({ children: [new TextRun({ text: judgement.facts, italics: true })], spacing: { after: 160 } }),
  ];
}

function marking(model: ExportModel, alignment: "left" | "center"): Paragraph {
  return new Paragraph({
    alignment: alignment === "center" ? AlignmentType.CENTER : AlignmentType.LEFT,
    children: [
      new TextRun({
        text: ` ${model.marking.label} `,
        bold: true,
        font: "Courier New",
        color: TLP_COLOURS[model.marking.tlp],
        shading: { type: ShadingType.CLEAR, fill: "000000", color: "auto" },
      }),
    ],
  });
}

/** A snapshot's "DRAFT — NOT PUBLISHED", for the header and footer of every page. */
function releaseMarking(model: ExportModel): Paragraph[] {
  if (!model.release.marking) return [];
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [new TextRun({ text: model.release.marking, bold: true, color: "C00000" })],
    }),
  ];
}

function table(head: string[], rows: string[][]): Table {
  const row = (cells: string[], bold: boolean) =>
    new TableRow({
      tableHeader: bold,
      children: cells.map(
        (text) => new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold })] })] }),
      ),
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [row(head, true), ...rows.map((cells) => row(cells, false))],
  });
}

function bodyParagraphs(model: ExportModel): Paragraph[] {
  const byId = new Map(model.judgements.map((judgement) => [judgement.id, judgement]));
  const headings = [HeadingLevel.HEADING_3, HeadingLevel.HEADING_4, HeadingLevel.HEADING_5];
  return model.blocks.flatMap((block): Paragraph[] => {
    switch (block.kind) {
      case "heading":
        return [
          new Paragraph({
            heading: headings[block.level - 1] ?? HeadingLevel.HEADING_5,
            children: inlineRuns(block.inlines),
          }),
        ];
      case "paragraph":
        return [new Paragraph({ children: inlineRuns(block.inlines) })];
      case "list-item":
        return [
          new Paragraph({
            indent: { left: 360 * (block.depth + 1), hanging: 360 },
            children: [new TextRun(`${block.marker}\t`), ...inlineRuns(block.inlines)],
          }),
        ];
      case "quote":
        return [new Paragraph({ indent: { left: 720 }, children: inlineRuns(block.inlines) })];
      case "code":
        return [new Paragraph({ children: [new TextRun({ text: block.text, font: "Courier New" })] })];
      case "rule":
        return [new Paragraph({ border: { bottom: { style: "single", size: 6, color: "999999", space: 1 } } })];
      default: {
        // The one kind left: a judgement block.
        const judgement = block.judgementId ? byId.get(block.judgementId) : undefined;
        const runs = [...inlineRuns(block.inlines), ...block.chips.map(endnoteRef)];
        return judgement ? judgementParagraphs(judgement, runs) : [new Paragraph({ children: runs })];
      }
    }
  });
}

/**
 * A version as a Word document: the TLP marking (and a snapshot's "DRAFT — NOT PUBLISHED") in the
 * header and footer of every page, key
 * judgements first, the text with superscript references to a numbered Endnotes section (each
 * bookmarked, so references link to it), the source summary statement and the legend tables.
 */
export async function renderDocx(model: ExportModel): Promise<Uint8Array> {
  const heading = (text: string) => new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(text)] });
  const key = model.judgements.filter((judgement) => judgement.isKey);
  const other = model.judgements.filter((judgement) => !judgement.isKey);
  const children = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(model.title)] }),
    ...(model.release.notice
      ? [new Paragraph({ children: [new TextRun({ text: model.release.notice, bold: true, color: "C00000" })] })]
      : []),
    new Paragraph({
      children: [new TextRun({ text: `${model.marking.label}: ${model.marking.audience}`, bold: true })],
    }),
    new Paragraph(exportedOnLine(model)),
    ...(model.keyQuestion
      ? [
          new Paragraph({
            children: [new TextRun({ text: "Key question: ", bold: true }), new TextRun(model.keyQuestion)],
          }),
        ]
      : []),
    heading(EXPORT_SECTIONS.key),
    ...(key.length > 0
      ? key.flatMap((judgement) => judgementParagraphs(judgement))
      : [new Paragraph("No key judgements.")]),
    ...(other.length > 0 ? [heading(EXPORT_SECTIONS.other), ...other.flatMap((j) => judgementParagraphs(j))] : []),
    heading(EXPORT_SECTIONS.body),
    ...bodyParagraphs(model),
    heading(EXPORT_SECTIONS.summary),
    ...model.sourceSummary.paragraphs.map((text) => new Paragraph(text)),
    heading(EXPORT_SECTIONS.legend),
    table(
      ["Likelihood (ICD 203)", "Also", "Probability"],
      model.legend.likelihood.map((r) => [r.term, r.equivalent, r.range]),
    ),
    new Paragraph(""),
    table(
      ["Confidence", "Meaning"],
      model.legend.confidence.map((r) => [r.label, r.definition]),
    ),
    new Paragraph(""),
    table(
      ["Source reliability", "Meaning"],
      model.legend.reliability.map((r) => [r.grade, r.wording]),
    ),
    new Paragraph(""),
    table(
      ["Information credibility", "Meaning"],
      model.legend.credibility.map((r) => [r.grade, r.wording]),
    ),
    heading(EXPORT_SECTIONS.endnotes),
    ...(model.endnotes.length > 0
      ? model.endnotes.map(
          (note) =>
            new Paragraph({
              children: [
                new Bookmark({ id: `endnote_${note.number}`, children: [new TextRun(`${note.number}. `)] }),
                new TextRun(note.text),
              ],
            }),
        )
      : [new Paragraph("No sources cited.")]),
  ];
  const footer = new Footer({
    children: [
      marking(model, "center"),
      ...releaseMarking(model),
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: ["Page ", PageNumber.CURRENT, " of ", PageNumber.TOTAL_PAGES] })],
      }),
    ],
  });
  const document = new Document({
    title: model.title,
    description: `${model.marking.label} ${model.label}${model.release.marking ? ` (${model.release.marking})` : ""}`,
    sections: [
      {
        headers: { default: new Header({ children: [marking(model, "center"), ...releaseMarking(model)] }) },
        footers: { default: footer },
        children,
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
