// Building Meilisearch filter expressions safely: values are always quoted and
// escaped, never pasted in raw.
export function quote(value: string): string {
  return `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

export function inList(field: string, values: readonly string[]): string {
  return `${field} IN [${values.map(quote).join(", ")}]`;
}

export function geoRadius(latitude: number, longitude: number, radiusKm: number): string {
  return `_geoRadius(${latitude}, ${longitude}, ${Math.ceil(radiusKm * 1000)})`;
}

export function and(...parts: (string | false | null | undefined)[]): string {
  return parts.filter(Boolean).map((p) => `(${p})`).join(" AND ");
}
