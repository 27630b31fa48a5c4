import type { ReactNode } from 'react';

/** What a plot needs to be drawn on the square: its code and its place in percent of the map. */
export interface MappedPlot {
  id: string;
  code: string;
  mapX: number;
  mapY: number;
  /** When given, the plot is drawn this wide (percent of the map), so a 6 m plot looks twice a 3 m one. */
  widthPercent?: number;
}

/**
 * The festival square with its plots at their place, shared by the organisers' stand plan and the
 * back office's plot editor. `hidden` keeps it from screen readers where a table says the same.
 */
export function SiteMap<Plot extends MappedPlot>(props: {
  plots: readonly Plot[];
  chosenId?: string | null;
  label?: string;
  hidden?: boolean;
  className?: string;
  children(plot: Plot): ReactNode;
}) {
  const chosen = (plot: Plot) => (plot.id === props.chosenId ? ' stand-map__plot--chosen' : '');
  return (
    <ul
      className={`stand-map${props.className ? ` ${props.className}` : ''}`}
      aria-hidden={props.hidden || undefined}
      aria-label={props.hidden ? undefined : props.label}
    >
      {props.plots.map((plot) => (
        <li
          key={plot.id}
          className={`stand-map__plot${chosen(plot)}`}
          data-plot-code={plot.code}
          style={{ left: `${plot.mapX}%`, top: `${plot.mapY}%`, ...(plot.widthPercent ? { inlineSize: `${plot.widthPercent}%` } : {}) }}
        >
          {props.children(plot)}
        </li>
      ))}
    </ul>
  );
}
