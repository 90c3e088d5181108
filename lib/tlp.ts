/**
 * Traffic Light Protocol 2.0 markings (FIRST, August 2022). Labels and audiences follow the
 * standard's wording; CLEAR replaced WHITE and AMBER+STRICT was added in 2.0.
 */
export const TLP_MARKINGS = ["CLEAR", "GREEN", "AMBER", "AMBER+STRICT", "RED"] as const;
export type TlpMarking = (typeof TLP_MARKINGS)[number];

export const TLP_DEFINITIONS: Record<TlpMarking, { label: string; audience: string }> = {
  CLEAR: { label: "TLP:CLEAR", audience: "Recipients can spread this to the world, there is no limit on disclosure." },
  GREEN: {
    label: "TLP:GREEN",
    audience: "Limited disclosure, recipients can spread this within their community.",
  },
  AMBER: {
    label: "TLP:AMBER",
    audience:
      "Limited disclosure, recipients can only spread this on a need-to-know basis within their organization and its clients.",
  },
  "AMBER+STRICT": {
    label: "TLP:AMBER+STRICT",
    audience: "Limited disclosure, recipients can only spread this on a need-to-know basis within their organization.",
  },
  RED: {
    label: "TLP:RED",
    audience: "For the eyes and ears of individual recipients only, no further disclosure.",
  },
};
