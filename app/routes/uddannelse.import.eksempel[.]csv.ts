// GET /uddannelse/import/eksempel.csv: a sample catalogue that imports as it is,
// built from skills and a postal code that exist in this installation. Skills
// may be given by label (the first) or by id (the second).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { csvLine } from "~/modules/courses/catalogue-import";
import { CATALOGUE_COLUMNS } from "~/modules/courses/catalogue-format";
import { sampleCatalogueReferences } from "~/modules/courses/catalogue-import.server";
import { requireRole } from "~/modules/auth/guards.server";

const DAY = 86_400_000;
const isoDay = (date: Date) => date.toISOString().slice(0, 10);

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireRole(request, "INSTITUTION");
  const { skills, postalCode } = await sampleCatalogueReferences(context.db);
  const label = (i: number) => skills[i]?.labelDa ?? skills[i]?.labelEn ?? "svejsning";
  const start = new Date(Date.now() + 30 * DAY);
  const later = new Date(start.getTime() + 60 * DAY);
  const rows = [
    [...CATALOGUE_COLUMNS],
    ["Eksempelkursus A", "Et kursus med to afholdelser", "4711", "5", `${label(0)}|${skills[1]?.id ?? label(1)}`, isoDay(start), isoDay(new Date(start.getTime() + 4 * DAY)), postalCode ?? "", "nej", "12"],
    ["Eksempelkursus A", "", "", "", "", isoDay(later), isoDay(new Date(later.getTime() + 4 * DAY)), "", "ja", "20"],
    ["Eksempelkursus B", "Et kursus uden afholdelser endnu", "", "3", label(2), "", "", "", "", ""],
  ];
  // A byte-order mark, so that spreadsheets open the Danish letters correctly.
  const body = `\uFEFF${rows.map((r) => csvLine(r)).join("\r\n")}\r\n`;
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": 'attachment; filename="kursuskatalog-eksempel.csv"',
      "Cache-Control": "private, no-store",
    },
  });
}
