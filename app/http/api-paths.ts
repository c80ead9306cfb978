/** The scanners' check-in API: served ahead of Remix by scripts/serve.js, with its own body limit. */
export const CHECKIN_PATH = "/api/checkin";
