export const institution = {
  heading: "Educational institution: {{name}}",
  coursesHeading: "Your courses",
  empty: "You have no courses yet.",
  columns: {
    title: "Course",
    amuCode: "AMU number",
    upcomingOfferings: "Upcoming offerings",
  },
  noAmuCode: "–",
};
