import type { CreateObservationInput } from "@/lib/schemas/evidence";
import { formText, optionalFormText } from "../../../../_lib/action-result";
import { textOrEmpty, textOrNull } from "../_lib/library-action";

/** The observed date from the inputs of the chosen precision; the schema reports what is missing. */
function observedFrom(formData: FormData): unknown {
  const precision = formText(formData, "observed.precision");
  if (precision === "day") return { precision, date: formText(formData, "observed.date") ?? "" };
  if (precision === "month") return { precision, month: formText(formData, "observed.month") ?? "" };
  if (precision === "range") {
    return {
      precision,
      start: formText(formData, "observed.start") ?? "",
      end: formText(formData, "observed.end") ?? "",
    };
  }
  return { precision };
}

/** The rows of the quantities editor (`quantities.<i>.metric` …), in order. */
function quantitiesFrom(formData: FormData): unknown[] {
  const indexes = new Set<number>();
  for (const key of formData.keys()) {
    const match = /^quantities\.(\d+)\./.exec(key);
    if (match) indexes.add(Number(match[1]));
  }
  return [...indexes]
    .sort((a, b) => a - b)
    .map((index) => {
      const value = optionalFormText(formData, `quantities.${index}.value`);
      return {
        metric: formText(formData, `quantities.${index}.metric`)?.trim() ?? "",
        // Blank is "no number", not 0: the schema then says the quantity must be a number.
        value: value === undefined ? undefined : Number(value),
        unit: optionalFormText(formData, `quantities.${index}.unit`) ?? null,
        approximate: formData.get(`quantities.${index}.approximate`) === "on",
      };
    });
}

/** Chosen sources in list order, each with its attribution when one was typed. */
function sourcesFrom(formData: FormData): unknown[] {
  return formData
    .getAll("sourceIds")
    .filter((id): id is string => typeof id === "string")
    .map((id) => {
      const attributedTo = optionalFormText(formData, `attributedTo.${id}`);
      return attributedTo ? { id, attributedTo } : id;
    });
}

/**
 * The observation form as the domain's input. Values are passed on as typed (numbers converted,
 * blanks made null): the domain validates them and its messages are keyed like the inputs.
 * Qualitative counts, ships and inferred fields are not in the form, so an edit leaves them as they are.
 */
export function observationInputFrom(formData: FormData): CreateObservationInput {
  const credibility = optionalFormText(formData, "credibility");
  return {
    externalId: textOrNull(formData, "externalId"),
    summary: textOrEmpty(formData, "summary"),
    kind: textOrEmpty(formData, "kind"),
    siteId: textOrNull(formData, "siteId"),
    observed: observedFrom(formData),
    quantities: quantitiesFrom(formData),
    credibility: credibility === undefined ? undefined : Number(credibility),
    sourceIds: sourcesFrom(formData),
    notes: textOrEmpty(formData, "notes"),
  } as CreateObservationInput;
}
