import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatCsv, neutraliseFormula, parseCsv, restoreFormula } from "./csv-format";

describe("CSV formula neutralisation", () => {
  it("puts an apostrophe before text a spreadsheet would run, apostrophes before it included", () => {
    for (const dangerous of ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx", "'=1+1", "''@x"]) {
      expect(neutraliseFormula(dangerous)).toBe(`'${dangerous}`);
    }
    for (const safe of ["Rail transfers", "a=b", "'quoted", "", "'", " =1"]) {
      expect(neutraliseFormula(safe)).toBe(safe);
    }
  });

  it("is undone by restoreFormula for every text, so an export imports back exactly", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("'", "=", "+", "-", "@", "\t", "\r", "a", " ") }), (text) => {
        expect(restoreFormula(neutraliseFormula(text))).toBe(text);
      }),
    );
    expect(restoreFormula("'quoted")).toBe("'quoted");
  });

  it("neutralises every cell formatCsv writes", () => {
    const [row] = parseCsv(formatCsv([["=1+2", "@SUM(1,2)", "-5 rail cars", "plain, with a comma"]]));
    expect(row).toEqual(["'=1+2", "'@SUM(1,2)", "'-5 rail cars", "plain, with a comma"]);
  });
});
