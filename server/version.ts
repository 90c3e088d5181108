import packageJson from "../package.json" with { type: "json" };

/** The running version, from package.json. */
export const APP_VERSION: string = packageJson.version;
