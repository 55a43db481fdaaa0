// Keyset pagination over a table's string ids, for reading a whole table in
// batches (index rebuilds): stable while rows are added, unlike an offset.

/** The rows after `afterId` in id order; all rows when it is null. */
export function afterIdWhere(afterId: string | null): { id?: { gt: string } } {
  return afterId === null ? {} : { id: { gt: afterId } };
}
