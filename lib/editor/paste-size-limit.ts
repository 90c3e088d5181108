import { Extension } from "@tiptap/core";
import type { Slice } from "@tiptap/pm/model";
import { Plugin, PluginKey } from "@tiptap/pm/state";
import { COLLAB_LIMITS } from "../collab/protocol";

export interface PasteSizeLimitOptions {
  /** The largest change the server stores in one message (bytes); asked on every paste or drop. */
  maxBytes: () => number;
  /** Told the size (bytes of text) of a paste or drop that was refused. */
  onRefused: (bytes: number) => void;
}

/** The UTF-8 size of a slice's text: what its Yjs update weighs at least. */
export function sliceTextBytes(slice: Slice): number {
  return new TextEncoder().encode(slice.content.textBetween(0, slice.content.size, "\n", "\n")).byteLength;
}

/**
 * Refuses a paste or drop whose text alone is larger than the server accepts in one change,
 * before it enters the document. Let in, it would be refused by the server, leave the document
 * unsaved until undone, and reach nobody else. Its markup adds a little more than its text, so a
 * paste just under the limit can still be refused by the server (the document then saves again
 * once it is undone).
 */
export const PasteSizeLimit = Extension.create<PasteSizeLimitOptions>({
  name: "pasteSizeLimit",
  // Before every other paste handler (links, Markdown-like rules): nothing else should run first.
  priority: 1000,

  addOptions() {
    return { maxBytes: () => COLLAB_LIMITS.maxMessageBytes, onRefused: () => {} };
  },

  addProseMirrorPlugins() {
    const refuse = (slice: Slice): boolean => {
      const bytes = sliceTextBytes(slice);
      if (bytes <= this.options.maxBytes()) return false;
      this.options.onRefused(bytes);
      return true;
    };
    return [
      new Plugin({
        key: new PluginKey("pasteSizeLimit"),
        props: {
          handlePaste: (_view, _event, slice) => refuse(slice),
          handleDrop: (_view, _event, slice) => refuse(slice),
        },
      }),
    ];
  },
});
