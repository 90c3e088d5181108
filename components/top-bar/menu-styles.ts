import clsx from "clsx";
import { FOCUS_RING } from "../ui/button";

/** Shared look of the dropdown menus in the top bar. */
export const MENU_CONTENT =
  "z-40 min-w-56 overflow-hidden rounded-md border border-slate-200 bg-white p-1 text-sm text-slate-800 shadow-lg";

export const MENU_ITEM = clsx(
  "flex w-full cursor-pointer select-none items-center justify-between gap-3 rounded px-2 py-1.5 outline-none",
  "data-[highlighted]:bg-accent-50 data-[highlighted]:text-accent-800",
);

export const MENU_LABEL = "px-2 py-1.5 text-xs font-medium uppercase tracking-wide text-slate-500";

export const MENU_SEPARATOR = "my-1 h-px bg-slate-200";

export const MENU_TRIGGER = clsx(
  "inline-flex h-9 max-w-64 items-center gap-2 rounded-md px-2.5 text-sm font-medium text-slate-800 hover:bg-slate-100 data-[state=open]:bg-slate-100",
  FOCUS_RING,
);
