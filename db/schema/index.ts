export * from "./api-tokens";
export * from "./assessments";
export * from "./audit";
export * from "./enums";
export * from "./users";
export * from "./workspaces";
