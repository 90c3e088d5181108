export * from "./api-tokens";
export * from "./assessments";
export * from "./audit";
export * from "./documents";
export * from "./enums";
export * from "./evidence";
export * from "./users";
export * from "./workspaces";
