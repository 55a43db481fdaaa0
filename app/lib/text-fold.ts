// Danish text folded to lower-case ASCII, for keys and slugs: æ → ae, ø → oe,
// å → aa (as Danes write them without the letters), other accents dropped.
export function foldDanish(text: string): string {
  return text
    .toLowerCase()
    .replace(/æ/g, "ae")
    .replace(/ø/g, "oe")
    .replace(/å/g, "aa")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "");
}
