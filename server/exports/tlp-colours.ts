import type { TlpMarking } from "@/lib/tlp";

/**
 * TLP 2.0 prescribes the colours exactly: coloured text on a black background (RED #FF2B2B,
 * AMBER #FFC000, GREEN #33FF00, CLEAR #FFFFFF), as the TLP badge in the app shows them.
 */
export const TLP_COLOURS: Record<TlpMarking, string> = {
  RED: "FF2B2B",
  AMBER: "FFC000",
  "AMBER+STRICT": "FFC000",
  GREEN: "33FF00",
  CLEAR: "FFFFFF",
};
