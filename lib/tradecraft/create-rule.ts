import type { Finding, FindingSeverity, LintContext, RuleId, TradecraftRule } from "./types";

/** The parts of a finding a rule supplies; id, severity and why come from the rule. */
export type FindingFields = Omit<Finding, "ruleId" | "severity" | "why">;

/** Options for {@link createRule}. */
export interface CreateRuleOptions {
  /** Stable rule id, shown in the side panel and used to filter findings. */
  id: RuleId;
  /** Severity of every finding of the rule. */
  severity: FindingSeverity;
  /** One or two sentences on why the rule matters (ICD 203/206), copied onto every finding. */
  why: string;
  /** Calls `report` once per problem found. */
  check: (context: LintContext, report: (fields: FindingFields) => void) => void;
}

/** Builds a rule whose findings all carry its id, severity and rationale. */
export function createRule({ id, severity, why, check }: CreateRuleOptions): TradecraftRule {
  return {
    id,
    severity,
    why,
    lint(context) {
      const findings: Finding[] = [];
      check(context, (fields) => findings.push({ ruleId: id, severity, ...fields, why }));
      return findings;
    },
  };
}
