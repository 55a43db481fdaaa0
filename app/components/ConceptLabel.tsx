// Renders a skill's or an occupation's label, marking an English fallback on a
// Danish page with lang="en" (see app/modules/taxonomy/label.ts).
import type { ShownLabel } from "~/modules/taxonomy/label";

export function ConceptLabel({ label, lang }: ShownLabel) {
  return lang ? <span lang={lang}>{label}</span> : <>{label}</>;
}

/** Labels as one comma-separated run of text ("–" when there are none). */
export function ConceptLabels({ labels }: { labels: readonly ShownLabel[] }) {
  if (labels.length === 0) return <>–</>;
  return (
    <>
      {labels.map((l, i) => (
        <span key={`${i}-${l.label}`}>
          {i > 0 ? ", " : null}
          <ConceptLabel label={l.label} lang={l.lang} />
        </span>
      ))}
    </>
  );
}
