import clsx from "clsx";
import { FOCUS_RING } from "../ui/button";

/**
 * Input styling shared by text inputs, text areas and selects. Kept out of the `"use client"`
 * field module: a server component importing a constant from a client module gets a client
 * reference, not the string, and its controls silently lose their styling.
 */
export const CONTROL_CLASSES = clsx(
  "block w-full rounded-md border bg-white px-3 py-2 text-sm text-slate-900 shadow-sm placeholder:text-slate-400",
  "disabled:bg-slate-50 disabled:text-slate-500 read-only:bg-slate-50",
  FOCUS_RING,
);
