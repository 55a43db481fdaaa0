// The commuting radius a candidate profile may have: one rule for the API, the
// consultant's form and the search index (search/geo/reach-cells.ts lists cells
// up to the largest radius, so a larger one could not be found in reach).
export const COMMUTE_RADIUS_KM = { min: 1, max: 200 } as const;
