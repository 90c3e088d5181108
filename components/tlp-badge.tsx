import { TLP_DEFINITIONS, type TlpMarking } from "@/lib/tlp";

/**
 * TLP 2.0 prescribes the colours exactly: coloured text on a black background
 * (RED #FF2B2B, AMBER #FFC000, GREEN #33FF00, CLEAR #FFFFFF), which also keeps the contrast high.
 */
const COLOURS: Record<TlpMarking, string> = {
  RED: "text-[#FF2B2B]",
  AMBER: "text-[#FFC000]",
  "AMBER+STRICT": "text-[#FFC000]",
  GREEN: "text-[#33FF00]",
  CLEAR: "text-white ring-1 ring-inset ring-slate-400",
};

/** The handling marking of an assessment, e.g. `TLP:AMBER+STRICT`; hover shows who may receive it. */
export function TlpBadge({ tlp }: { tlp: TlpMarking }) {
  const definition = TLP_DEFINITIONS[tlp];
  return (
    <span
      title={definition.audience}
      className={`inline-flex items-center rounded px-1.5 py-0.5 font-mono text-xs font-semibold whitespace-nowrap bg-black ${COLOURS[tlp]}`}
    >
      {definition.label}
    </span>
  );
}
