import { ROLE_LABELS, WORKSPACE_ROLES } from "@/lib/roles";
import type { SelectOption } from "../forms/select-field";

/** The four workspace roles for a select, most privileged first. */
export const ROLE_OPTIONS: SelectOption[] = WORKSPACE_ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }));
