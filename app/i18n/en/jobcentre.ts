export const jobcentre = {
  heading: "Jobcentre: {{name}}",
  overviewHeading: "Overview",
  activeCandidates: "Active candidates",
  openVacancies: "Open vacancies at companies you serve",
  openContactRequests: "Open contact requests",
};
