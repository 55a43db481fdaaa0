export const company = {
  heading: "Company: {{name}}",
  vacanciesHeading: "Your vacancies",
  empty: "You have no vacancies yet.",
  columns: {
    title: "Position",
    status: "Status",
    startDate: "Start date",
    matches: "Current candidate suggestions",
  },
};
