// Texts of the shared tables (app/components/data): sorting, paging, no rows.
export const table = {
  empty: "There is nothing to show.",
  sortAscending: "sort ascending",
  sortDescending: "sort descending",
  pagination: {
    label: "Pages",
    previous: "Previous page",
    next: "Next page",
    page: "Page {{page}} of {{count}}",
    pageNumber: "Page {{page}}",
  },
};
