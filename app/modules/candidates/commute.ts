// The commuting radius a candidate profile may have: one rule for the API and
// the consultant's form.
export const COMMUTE_RADIUS_KM = { min: 1, max: 200 } as const;
