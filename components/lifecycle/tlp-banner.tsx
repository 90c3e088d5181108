import { TLP_DEFINITIONS, type TlpMarking } from "@/lib/tlp";
import { TlpBadge } from "../tlp-badge";

/**
 * The handling marking as a full-width line, for the top and the bottom of a published version
 * (TLP 2.0 asks for the label in the header and the footer of a document).
 */
export function TlpBanner({ tlp }: { tlp: TlpMarking }) {
  return (
    <p className="flex flex-wrap items-center gap-2 text-sm text-slate-700">
      <TlpBadge tlp={tlp} />
      <span>{TLP_DEFINITIONS[tlp].audience}</span>
    </p>
  );
}
