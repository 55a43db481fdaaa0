export const operator = {
  heading: "Drift: {{name}}",
  organisationsHeading: "Organisationer",
  kindHeading: "{{kind}} ({{total}})",
  emptyKind: "Ingen organisationer af denne type.",
  columns: {
    name: "Navn",
    members: "Brugere",
  },
};
