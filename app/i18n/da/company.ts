export const company = {
  heading: "Virksomhed: {{name}}",
  vacanciesHeading: "Jeres stillingsopslag",
  empty: "I har ingen stillingsopslag endnu.",
  columns: {
    title: "Stilling",
    status: "Status",
    startDate: "Startdato",
    matches: "Aktuelle kandidatforslag",
  },
};
