// The reason written on the citizen's own audit events (safe to import in the browser,
// where the page shows it in the reader's language instead).
export const CITIZEN_AUDIT_REASON = "citizen insight";
