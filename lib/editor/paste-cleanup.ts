import { Extension } from "@tiptap/core";
import { type Fragment, type ResolvedPos, Slice } from "@tiptap/pm/model";
import { Plugin, PluginKey } from "@tiptap/pm/state";

/** What separates the cells of a pasted table row, which becomes one line of text. */
export const PASTED_CELL_SEPARATOR = " | ";

export interface PasteCleanupOptions {
  /** Told how many images a paste held: the text has no images, so none of them was pasted. */
  onImagesDropped: (count: number) => void;
}

/**
 * What a paste from outside the editor (Word, a web page) becomes. The schema has no tables or
 * images, and ProseMirror's own parse would drop images without a word and turn every table cell
 * into a paragraph of its own, losing which value belongs to which row ("Tikhoretsk" and "50"
 * three lines apart). So each table row becomes one paragraph with its cells joined
 * ("Tikhoretsk | 50"), images are removed and counted for the caller to say so, and a heading
 * at either end of what is pasted stays a heading of its own instead of being merged into the
 * paragraph at the caret. Copies within Parallax (marked `data-pm-slice` by ProseMirror) are
 * left as they are: a part of a heading copied from here is meant to be pasted as text.
 */
export const PasteCleanup = Extension.create<PasteCleanupOptions>({
  name: "pasteCleanup",

  addOptions() {
    return { onImagesDropped: () => {} };
  },

  addProseMirrorPlugins() {
    const options = this.options;
    // Set by transformPastedHTML, read by transformPasted of the same paste (ProseMirror calls
    // them in that order while parsing the clipboard); plain-text pastes never set it.
    let isExternalHtml = false;
    return [
      new Plugin({
        key: new PluginKey("pasteCleanup"),
        props: {
          transformPastedHTML: (html) => {
            isExternalHtml = !html.includes("data-pm-slice");
            if (!isExternalHtml || !/<(table|img)\b/i.test(html)) return html;
            const page = new DOMParser().parseFromString(html, "text/html");
            const dropped = removeImages(page.body);
            flattenTables(page.body);
            if (dropped > 0) options.onImagesDropped(dropped);
            return page.body.innerHTML;
          },
          transformPasted: (slice, view) => {
            const isExternal = isExternalHtml;
            isExternalHtml = false;
            return isExternal ? keepHeadingsApart(slice, view.state.selection.$from, view.state.selection.$to) : slice;
          },
          handlePaste: (_view, event, slice) => {
            // A screenshot on the clipboard comes as a file alone, which ProseMirror ignores.
            const files = [...(event.clipboardData?.files ?? [])].filter((file) => file.type.startsWith("image/"));
            if (slice.size > 0 || files.length === 0) return false;
            options.onImagesDropped(files.length);
            return true;
          },
        },
      }),
    ];
  },
});

/** Removes every image under `root`, and paragraphs that held only images; returns how many. */
function removeImages(root: HTMLElement): number {
  const images = [...root.querySelectorAll("img")];
  for (const image of images) {
    const parent = image.parentElement;
    image.remove();
    if (parent && parent !== root && parent.matches("p") && (parent.textContent ?? "").trim() === "") parent.remove();
  }
  return images.length;
}

/** Replaces every table under `root` by one paragraph per non-empty row, its cells joined. */
function flattenTables(root: HTMLElement): void {
  // Innermost first, so a table nested in a cell is text by the time its cell is joined.
  for (const table of [...root.querySelectorAll("table")].reverse()) {
    const lines = [...table.rows].flatMap((row) => {
      const cells = [...row.cells];
      if (cells.every((cell) => (cell.textContent ?? "").trim() === "")) return [];
      const line = table.ownerDocument.createElement("p");
      cells.forEach((cell, index) => {
        if (index > 0) line.append(PASTED_CELL_SEPARATOR);
        line.append(...inlineContentOf(cell));
      });
      return [line];
    });
    table.replaceWith(...lines);
  }
}

const BLOCKS = "p, div, h1, h2, h3, h4, h5, h6, li, ul, ol, blockquote, pre";

/** A cell's content as inline nodes: its paragraphs (Word puts one in each cell) joined by spaces. */
function inlineContentOf(cell: HTMLTableCellElement): Node[] {
  const copy = cell.cloneNode(true) as HTMLElement;
  for (const block of [...copy.querySelectorAll(BLOCKS)].reverse()) {
    block.replaceWith(...block.childNodes, " ");
  }
  copy.normalize();
  const nodes = [...copy.childNodes];
  // Word's markup puts line breaks between its tags: only the words count.
  const first = nodes[0];
  const last = nodes.at(-1);
  if (first?.nodeType === Node.TEXT_NODE) first.textContent = (first.textContent ?? "").trimStart();
  if (last?.nodeType === Node.TEXT_NODE) last.textContent = (last.textContent ?? "").trimEnd();
  return nodes;
}

/**
 * Closes the slice at an end where a heading would otherwise merge with the text around the caret:
 * ProseMirror opens a pasted slice as far as it can, so "Before paste. " + a pasted title became
 * one paragraph "Before paste. Word Title". Closed, the heading is a block of its own and the
 * paragraph is split around it.
 */
function keepHeadingsApart(slice: Slice, $from: ResolvedPos, $to: ResolvedPos): Slice {
  const isHeading = (fragment: Fragment, which: "firstChild" | "lastChild") => fragment[which]?.type.name === "heading";
  // Only in a top-level paragraph: closed inside a judgement, the heading would split the block
  // into two judgements with one id.
  const isInParagraph = ($pos: ResolvedPos) => $pos.depth === 1 && $pos.parent.type.name === "paragraph";
  const closeStart =
    slice.openStart === 1 && isHeading(slice.content, "firstChild") && isInParagraph($from) && $from.parentOffset > 0;
  const closeEnd =
    slice.openEnd === 1 &&
    isHeading(slice.content, "lastChild") &&
    isInParagraph($to) &&
    $to.parentOffset < $to.parent.content.size;
  if (!closeStart && !closeEnd) return slice;
  return new Slice(slice.content, closeStart ? 0 : slice.openStart, closeEnd ? 0 : slice.openEnd);
}
