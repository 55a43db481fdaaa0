export const institution = {
  heading: "Uddannelsessted: {{name}}",
  coursesHeading: "Jeres kurser",
  empty: "I har ingen kurser endnu.",
  columns: {
    title: "Kursus",
    amuCode: "AMU-nummer",
    upcomingOfferings: "Kommende afholdelser",
  },
  noAmuCode: "–",
};
