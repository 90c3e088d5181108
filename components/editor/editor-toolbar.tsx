"use client";

import type { Editor } from "@tiptap/core";
import { useEditorState } from "@tiptap/react";
import { yUndoPluginKey } from "@tiptap/y-tiptap";
import clsx from "clsx";
import { type ReactNode, useSyncExternalStore } from "react";
import { FOCUS_RING } from "@/components/ui/button";
import { HEADING_LEVELS } from "@/lib/editor/editor-extensions";
import { touchesJudgement } from "@/lib/editor/judgement-editing";

// The Collaboration extension's keys: Mod-z undoes, Shift-Mod-z and Mod-y redo.
const UNDO_SHORTCUT = { title: "Ctrl/⌘+Z", aria: "Control+Z Meta+Z" };
const REDO_SHORTCUT = { title: "Ctrl/⌘+Shift+Z", aria: "Control+Shift+Z Meta+Shift+Z Control+Y Meta+Y" };
// Mod-Alt-j in the editor (see INSERT_JUDGEMENT_SHORTCUT): Ctrl on Windows/Linux, ⌘ on macOS.
const JUDGEMENT_SHORTCUT = { title: "Ctrl/⌘+Alt+J", aria: "Control+Alt+J Meta+Alt+J" };
// Mod-Alt-k (see CITE_SHORTCUT in citation-shortcut.ts).
const CITE_SHORTCUT = { title: "Ctrl/⌘+Alt+K", aria: "Control+Alt+K Meta+Alt+K" };
// Tiptap's own keys for its marks and quotes (StarterKit): Mod-b, Mod-i, Mod-u, Mod-Shift-s, Mod-e, Mod-Shift-b.
const BOLD_SHORTCUT = { title: "Ctrl/⌘+B", aria: "Control+B Meta+B" };
const ITALIC_SHORTCUT = { title: "Ctrl/⌘+I", aria: "Control+I Meta+I" };
const UNDERLINE_SHORTCUT = { title: "Ctrl/⌘+U", aria: "Control+U Meta+U" };
const STRIKE_SHORTCUT = { title: "Ctrl/⌘+Shift+S", aria: "Control+Shift+S Meta+Shift+S" };
const CODE_SHORTCUT = { title: "Ctrl/⌘+E", aria: "Control+E Meta+E" };
const QUOTE_SHORTCUT = { title: "Ctrl/⌘+Shift+B", aria: "Control+Shift+B Meta+Shift+B" };

function ToolbarButton({
  label,
  shortcut,
  isActive,
  isDisabled,
  disabledReason,
  onClick,
  children,
}: {
  label: string;
  /** The keyboard shortcut as shown in the tooltip and announced (`aria-keyshortcuts`). */
  shortcut?: { title: string; aria: string };
  isActive?: boolean;
  isDisabled?: boolean;
  /** Said in the tooltip while the button is disabled. */
  disabledReason?: string;
  onClick: () => void;
  children: ReactNode;
}) {
  const title = shortcut ? `${label} (${shortcut.title})` : label;
  return (
    <button
      type="button"
      aria-label={label}
      aria-keyshortcuts={shortcut?.aria}
      title={isDisabled && disabledReason ? `${title}: ${disabledReason}` : title}
      aria-pressed={isActive === undefined ? undefined : isActive}
      disabled={isDisabled}
      // Keeps the editor's selection: a click on the toolbar must not move focus out of the text first.
      onMouseDown={(event) => event.preventDefault()}
      onClick={onClick}
      className={clsx(
        "inline-flex h-8 min-w-8 items-center justify-center rounded px-1.5 text-sm font-medium",
        FOCUS_RING,
        isActive ? "bg-accent-100 text-accent-800" : "text-slate-700 hover:bg-slate-100",
        "disabled:cursor-not-allowed disabled:text-slate-400 disabled:hover:bg-transparent",
      )}
    >
      {children}
    </button>
  );
}

/** Why the block buttons are disabled in a judgement (they would unmake it). */
const IN_JUDGEMENT = "not available in a judgement (it would stop being one)";

/**
 * Whether this user has something to undo and to redo, from the collaboration undo manager (which
 * only tracks this editor's own changes). Its stacks change after the transaction that causes it
 * (an undo's redo entry is pushed once the undone change reached the editor), so the manager's
 * own events are watched as well as the editor's transactions.
 */
function useUndoRedo(editor: Editor): { canUndo: boolean; canRedo: boolean } {
  const snapshot = useSyncExternalStore(
    (onChange) => {
      const undoManager = yUndoPluginKey.getState(editor.state)?.undoManager;
      const events = ["stack-item-added", "stack-item-popped", "stack-cleared"] as const;
      editor.on("transaction", onChange);
      for (const event of events) undoManager?.on(event, onChange);
      return () => {
        editor.off("transaction", onChange);
        for (const event of events) undoManager?.off(event, onChange);
      };
    },
    () => `${editor.can().undo()}|${editor.can().redo()}`,
    () => "false|false",
  );
  const [canUndo, canRedo] = snapshot.split("|");
  return { canUndo: canUndo === "true", canRedo: canRedo === "true" };
}

function Separator() {
  return <span aria-hidden="true" className="mx-1 h-5 w-px bg-slate-200" />;
}

/**
 * Formatting controls of the editor: undo and redo, headings, bold, italic, underline, strikethrough, inline code,
 * lists, quotes, links, judgement blocks and inline citations. The link form and the citation picker are rendered by the parent.
 */
export function EditorToolbar({
  editor,
  isLinkOpen,
  onToggleLink,
  onCite,
}: {
  editor: Editor;
  isLinkOpen: boolean;
  onToggleLink: () => void;
  /** Opens the citation picker to cite evidence at the caret. */
  onCite: () => void;
}) {
  const active = useEditorState({
    editor,
    selector: ({ editor: current }) => ({
      headings: HEADING_LEVELS.map((level) => current.isActive("heading", { level })),
      bold: current.isActive("bold"),
      italic: current.isActive("italic"),
      underline: current.isActive("underline"),
      strike: current.isActive("strike"),
      code: current.isActive("code"),
      blockquote: current.isActive("blockquote"),
      // Headings, lists and quotes would turn a judgement into another block or nest it.
      canReshape: !touchesJudgement(current.state),
      bulletList: current.isActive("bulletList"),
      orderedList: current.isActive("orderedList"),
      link: current.isActive("link"),
      canCite: current.can().insertCitation("probe"),
    }),
  });
  const { canUndo, canRedo } = useUndoRedo(editor);
  const chain = () => editor.chain().focus();

  return (
    <div role="toolbar" aria-label="Formatting" className="flex flex-wrap items-center gap-0.5">
      {/* The same commands as the keys: the collaboration undo, which leaves others' edits alone. */}
      <ToolbarButton label="Undo" shortcut={UNDO_SHORTCUT} isDisabled={!canUndo} onClick={() => chain().undo().run()}>
        <UndoIcon />
      </ToolbarButton>
      <ToolbarButton label="Redo" shortcut={REDO_SHORTCUT} isDisabled={!canRedo} onClick={() => chain().redo().run()}>
        <UndoIcon isRedo />
      </ToolbarButton>
      <Separator />
      {HEADING_LEVELS.map((level, index) => (
        <ToolbarButton
          key={level}
          label={`Heading ${level}`}
          isActive={active.headings[index]}
          isDisabled={!active.canReshape}
          disabledReason={IN_JUDGEMENT}
          onClick={() => chain().toggleHeading({ level }).run()}
        >
          H{level}
        </ToolbarButton>
      ))}
      <Separator />
      <ToolbarButton
        label="Bold"
        shortcut={BOLD_SHORTCUT}
        isActive={active.bold}
        onClick={() => chain().toggleBold().run()}
      >
        <span className="font-bold">B</span>
      </ToolbarButton>
      <ToolbarButton
        label="Italic"
        shortcut={ITALIC_SHORTCUT}
        isActive={active.italic}
        onClick={() => chain().toggleItalic().run()}
      >
        <span className="font-serif italic">I</span>
      </ToolbarButton>
      <ToolbarButton
        label="Underline"
        shortcut={UNDERLINE_SHORTCUT}
        isActive={active.underline}
        onClick={() => chain().toggleUnderline().run()}
      >
        <span className="underline underline-offset-2">U</span>
      </ToolbarButton>
      <ToolbarButton
        label="Strikethrough"
        shortcut={STRIKE_SHORTCUT}
        isActive={active.strike}
        onClick={() => chain().toggleStrike().run()}
      >
        <span className="line-through">S</span>
      </ToolbarButton>
      <ToolbarButton
        label="Inline code"
        shortcut={CODE_SHORTCUT}
        isActive={active.code}
        onClick={() => chain().toggleCode().run()}
      >
        <span className="font-mono text-xs">{"</>"}</span>
      </ToolbarButton>
      <Separator />
      <ToolbarButton
        label="Bullet list"
        isActive={active.bulletList}
        isDisabled={!active.canReshape}
        disabledReason={IN_JUDGEMENT}
        onClick={() => chain().toggleBulletList().run()}
      >
        <ListIcon />
      </ToolbarButton>
      <ToolbarButton
        label="Numbered list"
        isActive={active.orderedList}
        isDisabled={!active.canReshape}
        disabledReason={IN_JUDGEMENT}
        onClick={() => chain().toggleOrderedList().run()}
      >
        <span className="text-xs">1.</span>
        <ListIcon />
      </ToolbarButton>
      <ToolbarButton
        label="Quote"
        shortcut={QUOTE_SHORTCUT}
        isActive={active.blockquote}
        isDisabled={!active.canReshape}
        disabledReason={IN_JUDGEMENT}
        onClick={() => chain().toggleBlockquote().run()}
      >
        <QuoteIcon />
      </ToolbarButton>
      <Separator />
      <ToolbarButton label="Link" isActive={active.link || isLinkOpen} onClick={onToggleLink}>
        <LinkIcon />
      </ToolbarButton>
      <Separator />
      <ToolbarButton label="Judgement" shortcut={JUDGEMENT_SHORTCUT} onClick={() => chain().insertJudgement().run()}>
        Judgement
      </ToolbarButton>
      <ToolbarButton label="Cite" shortcut={CITE_SHORTCUT} isDisabled={!active.canCite} onClick={onCite}>
        Cite
      </ToolbarButton>
    </div>
  );
}

function ListIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 16 16" className="size-4" fill="none" stroke="currentColor" strokeWidth="1.5">
      <path d="M6 4h8M6 8h8M6 12h8" />
      <circle cx="2.5" cy="4" r="0.75" fill="currentColor" />
      <circle cx="2.5" cy="8" r="0.75" fill="currentColor" />
      <circle cx="2.5" cy="12" r="0.75" fill="currentColor" />
    </svg>
  );
}

function UndoIcon({ isRedo = false }: { isRedo?: boolean }) {
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 16 16"
      className={clsx("size-4", isRedo && "-scale-x-100")}
      fill="none"
      stroke="currentColor"
      strokeWidth="1.5"
    >
      <path d="M5.5 3.5L2.5 6.5l3 3M2.5 6.5h7a4 4 0 010 8H7" />
    </svg>
  );
}

function QuoteIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 16 16" className="size-4" fill="currentColor">
      <path d="M3 4h4v4H5.5c0 1.4.6 2.3 1.8 2.7L6.8 12C4.3 11.3 3 9.6 3 7zm6 0h4v4h-1.5c0 1.4.6 2.3 1.8 2.7l-.5 1.3C10.3 11.3 9 9.6 9 7z" />
    </svg>
  );
}

function LinkIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 16 16" className="size-4" fill="none" stroke="currentColor" strokeWidth="1.5">
      <path d="M6.5 9.5l3-3M7 4.5l1-1a2.5 2.5 0 013.5 3.5l-1 1M9 11.5l-1 1A2.5 2.5 0 014.5 9l1-1" />
    </svg>
  );
}
