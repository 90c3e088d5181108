import { pgEnum } from "drizzle-orm/pg-core";
import { ASSESSMENT_STATUSES } from "../../lib/assessment-status";
import { WORKSPACE_ROLES } from "../../lib/roles";
import { TLP_MARKINGS } from "../../lib/tlp";

export const workspaceRole = pgEnum("workspace_role", WORKSPACE_ROLES);
export const tlpMarking = pgEnum("tlp_marking", TLP_MARKINGS);
export const assessmentStatus = pgEnum("assessment_status", ASSESSMENT_STATUSES);
