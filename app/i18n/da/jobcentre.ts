export const jobcentre = {
  heading: "Jobcenter: {{name}}",
  overviewHeading: "Overblik",
  activeCandidates: "Aktive kandidater",
  openVacancies: "Åbne stillinger hos virksomheder, I betjener",
  openContactRequests: "Åbne kontaktanmodninger",
};
