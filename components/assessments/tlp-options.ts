import { TLP_DEFINITIONS, TLP_MARKINGS } from "@/lib/tlp";
import type { SelectOption } from "../forms/select-field";

/** TLP markings for a select, most restrictive last as in the standard's order. */
export const TLP_OPTIONS: SelectOption[] = TLP_MARKINGS.map((tlp) => ({
  value: tlp,
  label: TLP_DEFINITIONS[tlp].label,
}));

/** The marking new assessments get unless the author picks another (the API's default too). */
export const DEFAULT_TLP = "AMBER";
