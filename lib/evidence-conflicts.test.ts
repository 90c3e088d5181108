import { describe, expect, it } from "vitest";
import {
  type ConflictObservation,
  type ConflictQuantity,
  findEvidenceConflicts,
  formatObservedPeriod,
  formatQuantityValue,
  isSameOriginator,
} from "./evidence-conflicts";
import { lastDayOfMonth } from "./schemas/evidence";

const TIKHORETSK = { id: "site-tikhoretsk", name: "Tikhoretsk munitions depot" };
const MOZDOK = { id: "site-mozdok", name: "Mozdok ammunition depot" };
const AGGREGATE = { id: "site-aggregate", name: "DPRK-to-Russia transfer route" };

const CSIS = { id: "S07", externalId: "S07", publisher: "CSIS Beyond Parallel (Korea Chair)", attributedTo: null };
const STATE = {
  id: "S09",
  externalId: "S09",
  publisher: "U.S. Department of State (fact sheet with Treasury sanctions package)",
  attributedTo: null,
};
const WHITE_HOUSE = {
  id: "S08",
  externalId: "S08",
  publisher: "The White House (NSC spokesman John Kirby), press briefing",
  attributedTo: null,
};
const ROK = {
  id: "S12",
  externalId: "S12",
  publisher: "ROK Minister of National Defense Shin Won-sik",
  attributedTo: null,
};
const WASHINGTON_POST = { id: "S21", externalId: "S21", publisher: "The Washington Post / C4ADS", attributedTo: null };
/** CSIS (via the Finnish report) relaying the 10,000-containers figure, attributed to the White House. */
const CSIS_SAYS_WHITE_HOUSE = { ...CSIS, attributedTo: "The White House" };

type Period = `${number}-${number}` | `${number}-${number}-${number}` | [string, string];

function observed(period: Period): ConflictObservation["observed"] {
  if (Array.isArray(period)) return { precision: "range", start: period[0], end: period[1] };
  if (period.length === 7) return { precision: "month", start: `${period}-01`, end: lastDayOfMonth(period) };
  return { precision: "day", start: period, end: period };
}

function quantity(metric: string, value: number, more: Partial<ConflictQuantity> = {}): ConflictQuantity {
  return { metric, value, unit: null, approximate: false, ...more };
}

function observation(
  id: string,
  period: Period,
  quantities: ConflictQuantity[],
  more: Partial<ConflictObservation> = {},
): ConflictObservation {
  return {
    id,
    externalId: id,
    summary: `Summary of ${id}`,
    site: TIKHORETSK,
    observed: observed(period),
    quantities,
    sources: [CSIS],
    retraction: null,
    ...more,
  };
}

const railCars = (value: number) => [quantity("rail_cars", value, { approximate: true })];

/** [kind, key] of each conflict, the way a reader would tell them apart. */
function found(observations: ConflictObservation[]): string[] {
  return findEvidenceConflicts(observations).map((conflict) => `${conflict.kind} ${conflict.key}`);
}

describe("value conflicts", () => {
  it.each([
    [
      "Tikhoretsk ≈60 rail cars in Feb 2024 and ≈50 in Apr 2024 (different periods)",
      [observation("OBS-26", "2024-02", railCars(60)), observation("OBS-27", "2024-04", railCars(50))],
      [],
    ],
    [
      "≈60 and ≈50 rail cars in the same month",
      [observation("A", "2024-02", railCars(60)), observation("B", "2024-02", railCars(50))],
      ["value value:rail_cars:A:B"],
    ],
    [
      "a month and a day inside it",
      [observation("A", "2024-02", railCars(60)), observation("B", "2024-02-10", railCars(50))],
      ["value value:rail_cars:A:B"],
    ],
    [
      "a month and the first day after it",
      [observation("A", "2024-02", railCars(60)), observation("B", "2024-03-01", railCars(50))],
      [],
    ],
    [
      "a range that reaches into the month",
      [observation("A", ["2024-01-20", "2024-02-03"], railCars(60)), observation("B", "2024-02", railCars(50))],
      ["value value:rail_cars:A:B"],
    ],
    [
      "≈60 and exactly 60 (the number is the same)",
      [observation("A", "2024-02", railCars(60)), observation("B", "2024-02", [quantity("rail_cars", 60)])],
      [],
    ],
    [
      "different sites",
      [observation("A", "2024-02", railCars(60)), observation("B", "2024-02", railCars(50), { site: MOZDOK })],
      [],
    ],
    [
      "metrics compared by name: containers and containers_min",
      [
        observation("A", "2024-06", [quantity("containers", 7000)]),
        observation("B", "2024-06", [quantity("containers_min", 10000)]),
      ],
      [],
    ],
    [
      "a retracted observation",
      [
        observation("A", "2024-02", railCars(60)),
        observation("B", "2024-02", railCars(50), { retraction: { reason: "Misread the image" } }),
      ],
      [],
    ],
    [
      "observations without a site",
      [
        observation("A", "2024-02", railCars(60), { site: null }),
        observation("B", "2024-02", railCars(50), { site: null }),
      ],
      [],
    ],
    [
      "the same number in different units",
      [
        observation("A", "2023-10-19", [quantity("ship_length", 115, { unit: "m" })]),
        observation("B", "2023-10-19", [quantity("ship_length", 115, { unit: "ft" })]),
      ],
      ["value value:ship_length:A:B"],
    ],
    [
      "the same number in two spellings of one unit (metres and m)",
      [
        observation("A", "2023-10-19", [quantity("ship_length", 115, { unit: "m" })]),
        observation("B", "2023-10-19", [quantity("ship_length", 115, { unit: "Metres" })]),
      ],
      [],
    ],
    [
      "a unit given on one side only",
      [
        observation("A", "2023-10-19", [quantity("ship_length", 115, { unit: "m" })]),
        observation("B", "2023-10-19", [quantity("ship_length", 115)]),
      ],
      [],
    ],
    [
      "the dataset's at-least figures for June 2024, read literally (OBS-35 11,000 vs OBS-32 10,000)",
      [
        observation("OBS-35", "2024-06", [quantity("containers_min", 11000)], {
          site: AGGREGATE,
          sources: [WASHINGTON_POST],
        }),
        observation("OBS-32", "2024-06-14", [quantity("containers_min", 10000)], { site: AGGREGATE, sources: [ROK] }),
      ],
      ["value value:containers_min:OBS-35:OBS-32"],
    ],
  ] as const)("%s", (_case, observations, expected) => {
    expect(found([...observations])).toEqual(expected);
  });

  it("explains the disagreement with both values and periods, earlier observation first", () => {
    const [conflict] = findEvidenceConflicts([
      observation("B", "2024-02-10", [quantity("rail_cars", 50)]),
      observation("A", "2024-02", railCars(60)),
    ]);
    expect(conflict?.explanation).toBe(
      "rail_cars at Tikhoretsk munitions depot has different values for overlapping periods: ≈60 in A (Feb 2024) and 50 in B (10 Feb 2024).",
    );
    expect(conflict?.participants.map((p) => [p.externalId, p.quantity?.value])).toEqual([
      ["A", 60],
      ["B", 50],
    ]);
  });
});

describe("attribution conflicts", () => {
  const containers = [quantity("containers_min", 10000)];
  const onAggregate = (id: string, period: Period, sources: ConflictObservation["sources"]) =>
    observation(id, period, containers, { site: AGGREGATE, sources });

  it.each([
    [
      "OBS-19: the State Department's figure, attributed to the White House by CSIS",
      [onAggregate("OBS-19", "2024-02-23", [STATE, CSIS_SAYS_WHITE_HOUSE])],
      ["attribution attribution:OBS-19"],
    ],
    ["two sources each publishing it themselves (corroboration)", [onAggregate("A", "2024-02-23", [STATE, ROK])], []],
    [
      "a report naming its source's own publisher",
      [onAggregate("A", "2023-10-13", [WHITE_HOUSE, { ...CSIS, attributedTo: "the White House" }])],
      [],
    ],
    [
      "two observations of the same figure with different originators",
      [onAggregate("A", "2024-02-23", [STATE]), onAggregate("B", "2024-02", [CSIS_SAYS_WHITE_HOUSE])],
      ["attribution attribution:containers_min:B:A"],
    ],
    [
      "two observations of the same figure published by two originators, no attribution (corroboration)",
      [onAggregate("A", "2024-02-23", [STATE]), onAggregate("B", "2024-02-23", [WHITE_HOUSE])],
      [],
    ],
    [
      "two observations attributing the figure to the same originator",
      [
        onAggregate("A", "2024-02-23", [STATE]),
        onAggregate("B", "2024-02-23", [{ ...CSIS, attributedTo: "U.S. Department of State" }]),
      ],
      [],
    ],
    [
      "the same figure at different times (OBS-19 in Feb and OBS-32 in Jun 2024)",
      [onAggregate("OBS-19", "2024-02-23", [STATE]), onAggregate("OBS-32", "2024-06-14", [CSIS_SAYS_WHITE_HOUSE])],
      [],
    ],
    [
      "a retracted observation",
      [{ ...onAggregate("OBS-19", "2024-02-23", [STATE, CSIS_SAYS_WHITE_HOUSE]), retraction: { reason: "Duplicate" } }],
      [],
    ],
  ] as const)("%s", (_case, observations, expected) => {
    expect(found([...observations])).toEqual(expected);
  });

  it("names each originator with the sources that say so", () => {
    const [conflict] = findEvidenceConflicts([onAggregate("OBS-19", "2024-02-23", [STATE, CSIS_SAYS_WHITE_HOUSE])]);
    expect(conflict?.participants[0]?.quantity).toMatchObject({ metric: "containers_min", value: 10000 });
    expect(conflict?.participants[0]?.originators).toEqual([
      {
        name: STATE.publisher,
        via: [{ sourceId: "S09", externalId: "S09", publisher: STATE.publisher, attributed: false }],
      },
      {
        name: "The White House",
        via: [{ sourceId: "S07", externalId: "S07", publisher: CSIS.publisher, attributed: true }],
      },
    ]);
    expect(conflict?.explanation).toBe(
      "The sources of OBS-19 attribute it to different originators: U.S. Department of State (fact sheet with Treasury sanctions package) [S09] and The White House [according to S07].",
    );
  });
});

describe("formatting and matching", () => {
  it.each([
    [observed("2024-02-23"), "23 Feb 2024"],
    [observed("2024-04"), "Apr 2024"],
    [observed(["2023-09-07", "2023-10-01"]), "7 Sep 2023 – 1 Oct 2023"],
  ])("formats %o as %s", (period, text) => {
    expect(formatObservedPeriod(period)).toBe(text);
  });

  it.each([
    [quantity("rail_cars", 60, { approximate: true }), "≈60"],
    [quantity("containers_min", 10000), "10,000"],
    [quantity("ship_length", 115, { unit: "m" }), "115 m"],
  ])("formats %o as %s", (value, text) => {
    expect(formatQuantityValue(value)).toBe(text);
  });

  it.each([
    ["The White House", "The White House (NSC spokesman John Kirby), press briefing", true],
    ["the  white house", "The White House", true],
    ["U.S. Department of State", STATE.publisher, true],
    ["The White House", "U.S. Department of State", false],
    ["CSIS", "CSISX Institute", false],
    ["", "Anyone", false],
  ] as const)("%s and %s are one originator: %s", (a, b, same) => {
    expect(isSameOriginator(a, b)).toBe(same);
  });
});
