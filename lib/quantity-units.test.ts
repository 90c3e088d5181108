import { describe, expect, it } from "vitest";
import { canonicalUnit } from "./quantity-units";

describe("canonicalUnit", () => {
  it.each([
    ["t", "t"],
    ["tonnes", "t"],
    [" Metric  Tons ", "t"],
    ["kilograms", "kg"],
    ["KG", "kg"],
    ["metres", "m"],
    ["per cent", "%"],
    ["containers", "containers"],
    ["ft", "ft"],
    ["", null],
    [null, null],
  ] as const)("%j → %j", (unit, expected) => {
    expect(canonicalUnit(unit)).toBe(expected);
  });
});
