// Texts of the shared tables (app/components/data): sorting, paging, no rows.
export const table = {
  empty: "Der er intet at vise.",
  sortAscending: "sortér stigende",
  sortDescending: "sortér faldende",
  pagination: {
    label: "Sider",
    previous: "Forrige side",
    next: "Næste side",
    page: "Side {{page}} af {{count}}",
    pageNumber: "Side {{page}}",
  },
};
