export const operator = {
  heading: "Operations: {{name}}",
  organisationsHeading: "Organisations",
  kindHeading: "{{kind}} ({{total}})",
  emptyKind: "No organisations of this kind.",
  columns: {
    name: "Name",
    members: "Users",
  },
};
