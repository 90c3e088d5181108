/**
 * Units of observation quantities as people write them ("t", "tonnes", "metric tons") name a few
 * units; the library keeps what was written and compares by the canonical name. Nothing is
 * converted (2,000 kg stays 2,000 kg): a series holds one unit, and values in two units are
 * never joined or compared.
 */
const SYNONYMS: Record<string, string> = {
  tonne: "t",
  tonnes: "t",
  "metric ton": "t",
  "metric tons": "t",
  "metric tonne": "t",
  "metric tonnes": "t",
  kilogram: "kg",
  kilograms: "kg",
  kilogramme: "kg",
  kilogrammes: "kg",
  kilometre: "km",
  kilometres: "km",
  kilometer: "km",
  kilometers: "km",
  metre: "m",
  metres: "m",
  meter: "m",
  meters: "m",
  percent: "%",
  "per cent": "%",
};

/** The canonical name of a unit (null: none given): trimmed, lower case, synonyms folded. */
export function canonicalUnit(unit: string | null | undefined): string | null {
  const name = unit?.trim().replace(/\s+/g, " ").toLowerCase() ?? "";
  if (name === "") return null;
  return SYNONYMS[name] ?? name;
}
