"use client";

import { z } from "zod";

// Zod compiles object parsers with `new Function` unless told not to, and probes for it on first
// use. Our Content-Security-Policy has no 'unsafe-eval' in production, so that probe would be a
// reported violation in every browser that validates a form; the interpreted parser is enough.
z.config({ jitless: true });

/** Renders nothing; being in the root layout makes the browser bundle run the setting above first. */
export function ZodWithoutEval(): null {
  return null;
}
