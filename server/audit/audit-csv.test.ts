import { describe, expect, it } from "vitest";
import type { AuditEventDto } from "@/lib/schemas/audit";
import { neutraliseFormula, parseCsv } from "../csv/csv-format";
import { auditEventsToCsv } from "./audit-csv";

function event(overrides: Partial<AuditEventDto>): AuditEventDto {
  return {
    id: 7,
    workspaceId: "5b0e4c4e-8d5a-4c8e-9d0a-2f1d3c4b5a69",
    action: "assessment.created",
    targetType: "assessment",
    targetId: "9c7b2a1e-3d4f-4a5b-8c6d-7e8f9a0b1c2d",
    targetLabel: "Rail transfers",
    actor: { id: "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d", name: "Ana Analyst" },
    data: {},
    createdAt: "2026-05-01T12:00:00.000Z",
    ...overrides,
  };
}

describe("audit CSV", () => {
  it("prefixes cells a spreadsheet would run as a formula with a quote", () => {
    for (const dangerous of ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"]) {
      expect(neutraliseFormula(dangerous)).toBe(`'${dangerous}`);
    }
    expect(neutraliseFormula("Rail transfers")).toBe("Rail transfers");
    expect(neutraliseFormula("a=b")).toBe("a=b");
  });

  it("quotes commas, quotes and line breaks (RFC 4180) and neutralises names and titles", () => {
    const csv = auditEventsToCsv([
      event({
        targetLabel: '=HYPERLINK("http://evil.test","Click")',
        actor: { id: "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d", name: "@Mallory" },
        data: { from: 'Old, "quoted"\nname', to: "New" },
      }),
    ]);
    expect(csv.endsWith("\r\n")).toBe(true);
    const [header, row] = parseCsv(csv);
    expect(header).toEqual([
      "id",
      "created_at",
      "actor_id",
      "actor_name",
      "action",
      "target_type",
      "target_id",
      "target_label",
      "data",
    ]);
    expect(row?.[3]).toBe("'@Mallory");
    expect(row?.[7]).toBe(`'=HYPERLINK("http://evil.test","Click")`);
    expect(JSON.parse(row?.[8] ?? "")).toEqual({ from: 'Old, "quoted"\nname', to: "New" });
  });

  it("names the command-line operator when an event has no user", () => {
    const [, row] = parseCsv(auditEventsToCsv([event({ actor: null })]));
    expect(row?.slice(2, 4)).toEqual(["", "Operator (CLI)"]);
  });
});
