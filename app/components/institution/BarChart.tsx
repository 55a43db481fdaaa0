// A horizontal bar chart rendered on the server as SVG (no script; the CSP allows
// no inline styles, so sizes are SVG attributes). The chart is one image with a
// text alternative; the page shows the same figures in a table next to it.
export interface Bar {
  key: string;
  label: string;
  /** Set when the label is not in the page's language (an untranslated skill). */
  lang?: "en";
  value: number;
}

const ROW = 28;
const LABEL_WIDTH = 230;
const VALUE_WIDTH = 50;
const WIDTH = 640;
const MAX_LABEL_CHARS = 32;

const shorten = (text: string) => (text.length > MAX_LABEL_CHARS ? `${text.slice(0, MAX_LABEL_CHARS - 1)}…` : text);

export function BarChart({ bars, label, describe }: { bars: readonly Bar[]; label: string; describe: (bar: Bar) => string }) {
  const max = Math.max(1, ...bars.map((b) => b.value));
  const barSpace = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
  const height = bars.length * ROW + 4;
  return (
    <svg className="bar-chart" viewBox={`0 0 ${WIDTH} ${height}`} width="100%" role="img" aria-label={`${label}. ${bars.map(describe).join("; ")}`}>
      {bars.map((bar, i) => {
        const y = i * ROW + 2;
        const width = Math.max(bar.value > 0 ? 2 : 0, Math.round((bar.value / max) * barSpace));
        return (
          <g key={bar.key} aria-hidden="true">
            <text x={LABEL_WIDTH - 8} y={y + ROW / 2 + 5} textAnchor="end" fontSize="13" fill="#1a1a1a" lang={bar.lang}>
              {shorten(bar.label)}
            </text>
            <rect x={LABEL_WIDTH} y={y + 4} width={width} height={ROW - 8} fill="#0059b3" />
            <text x={LABEL_WIDTH + width + 6} y={y + ROW / 2 + 5} fontSize="13" fill="#1a1a1a">
              {bar.value}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
