export interface Bar {
  label: string;
  value: number;
}

/** How the chart says a bar and writes a number: the public site's words or the back office's. */
export interface BarChartWords {
  bar(label: string, value: number): string;
  number(value: number): string;
  rtl: boolean;
}

export interface BarGroup {
  /** A heading row above the group's bars (e.g. a month); none for a single group. */
  label?: string;
  bars: Bar[];
}

const WIDTH = 360;
const LABEL_WIDTH = 150;
const VALUE_WIDTH = 36;
const ROW = 26;
const BAR = 18;
const GROUP_HEADING = 24;

/**
 * A horizontal bar chart in hand-written SVG (no chart library in the bundle). Screen readers get
 * the figure as one image whose name lists every bar ("Praattafel: 3"); each bar also carries its
 * value as text and a data-value, and the page shows the same figures in a table. The chart
 * mirrors for right-to-left languages: labels on the right, bars growing to the left. Shared by
 * the coordinator's reports and the back office, each passing its own words.
 */
export function BarChart(props: { id: string; title: string; description: string; groups: BarGroup[]; words: BarChartWords }) {
  const { words } = props;
  const rtl = words.rtl;
  const max = Math.max(1, ...props.groups.flatMap((group) => group.bars.map((bar) => bar.value)));
  const barSpace = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
  const spoken = props.groups
    .flatMap((group) => group.bars.map((bar) => words.bar(group.label ? `${group.label}, ${bar.label}` : bar.label, bar.value)))
    .join('; ');

  let y = 0;
  const rows = props.groups.map((group, groupIndex) => {
    const top = y;
    if (group.label) y += GROUP_HEADING;
    const bars = group.bars.map((bar, barIndex) => {
      const rowTop = y;
      y += ROW;
      const length = (bar.value / max) * barSpace;
      // Left to right: label | bar → value. Right to left: value ← bar | label.
      const barStart = rtl ? WIDTH - LABEL_WIDTH - length : LABEL_WIDTH;
      const labelX = rtl ? WIDTH - 4 : LABEL_WIDTH - 8;
      const valueX = rtl ? barStart - 6 : barStart + length + 6;
      return (
        <g key={barIndex} className="bar-chart__bar" data-label={group.label ? `${group.label} · ${bar.label}` : bar.label} data-value={bar.value}>
          <text x={labelX} y={rowTop + BAR / 2 + 1} dominantBaseline="middle" textAnchor="end" direction={rtl ? 'rtl' : 'ltr'} className="bar-chart__label">
            {bar.label}
          </text>
          <rect x={barStart} y={rowTop} width={Math.max(length, bar.value > 0 ? 2 : 0)} height={BAR} rx={3} className="bar-chart__rect" />
          <text x={valueX} y={rowTop + BAR / 2 + 1} dominantBaseline="middle" textAnchor={rtl ? 'end' : 'start'} className="bar-chart__value">
            {words.number(bar.value)}
          </text>
        </g>
      );
    });
    return (
      <g key={groupIndex}>
        {group.label && (
          <text
            x={rtl ? WIDTH - 4 : 4}
            y={top + GROUP_HEADING / 2 + 2}
            dominantBaseline="middle"
            textAnchor={rtl ? 'end' : 'start'}
            direction={rtl ? 'rtl' : 'ltr'}
            className="bar-chart__group"
          >
            {group.label}
          </text>
        )}
        {bars}
      </g>
    );
  });

  return (
    <figure className="bar-chart">
      <figcaption id={`${props.id}-caption`} className="bar-chart__caption">
        {props.title}
      </figcaption>
      <p id={`${props.id}-description`} className="muted">
        {props.description}
      </p>
      <svg
        id={props.id}
        role="img"
        aria-labelledby={`${props.id}-caption`}
        aria-describedby={`${props.id}-description ${props.id}-values`}
        viewBox={`0 0 ${WIDTH} ${Math.max(y, ROW)}`}
        className="bar-chart__svg"
      >
        {rows}
      </svg>
      <p id={`${props.id}-values`} hidden>
        {spoken}
      </p>
    </figure>
  );
}
