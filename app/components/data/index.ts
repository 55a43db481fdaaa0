export { DataTable, type Column, type DataTableProps } from "./DataTable";
export { Pagination } from "./Pagination";
export { timeOf } from "./table-state";
