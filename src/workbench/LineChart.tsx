import type { CellValue } from "../excel/gateway";

/**
 * A line chart drawn as Excel draws one from a range with its series in columns: the header row names the
 * series, the first column holds the categories, each other column is a line; an empty cell is a gap (a
 * history line stops where the forecast's lines begin). The workbench's stand-in for a native chart, so
 * that a sheet's chart can be looked at without Excel; it is not Excel's rendering.
 */

const WIDTH = 520;
const HEIGHT = 240;
const PAD = { left: 56, right: 12, top: 28, bottom: 46 };
const COLOURS = ["#1f4e79", "#c0504d", "#4f81bd", "#9bbb59", "#8064a2", "#f79646"];

const tickText = (x: number) => new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 }).format(x);

export function LineChart({ title, values }: { readonly title: string; readonly values: readonly (readonly CellValue[])[] }) {
  const [header = [], ...rows] = values;
  const names = header.slice(1).map((cell) => String(cell ?? ""));
  const numbers = rows.flatMap((row) => row.slice(1).filter((cell): cell is number => typeof cell === "number" && Number.isFinite(cell)));
  if (rows.length < 2 || numbers.length === 0) return null;
  let low = Math.min(...numbers);
  let high = Math.max(...numbers);
  if (high === low) high = low + 1;
  const margin = (high - low) * 0.05;
  low -= margin;
  high += margin;
  const x = (i: number) => PAD.left + (i * (WIDTH - PAD.left - PAD.right)) / (rows.length - 1);
  const y = (v: number) => PAD.top + ((high - v) * (HEIGHT - PAD.top - PAD.bottom)) / (high - low);
  const ticks = Array.from({ length: 5 }, (_, k) => low + ((high - low) * k) / 4);
  const labelEvery = Math.max(1, Math.ceil(rows.length / 8));
  const paths = names.map((_, s) =>
    rows
      .map((row, i) => {
        const v = row[s + 1];
        return typeof v === "number" && Number.isFinite(v) ? { i, v } : undefined;
      })
      .reduce((d, point, i, all) => (point === undefined ? d : `${d}${all[i - 1] === undefined ? "M" : "L"}${x(point.i).toFixed(1)},${y(point.v).toFixed(1)}`), ""),
  );
  return (
    <figure style={{ margin: 0, flexShrink: 0 }}>
      <svg width={WIDTH} height={HEIGHT} role="img" aria-label={title} style={{ background: "#fff", border: "1px solid #d1d1d1" }}>
        <text x={WIDTH / 2} y={18} textAnchor="middle" fontSize={13} fontWeight={600}>
          {title}
        </text>
        {ticks.map((tick) => (
          <g key={tick}>
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(tick)} y2={y(tick)} stroke="#e6e6e6" />
            <text x={PAD.left - 4} y={y(tick) + 4} textAnchor="end" fontSize={10} fill="#616161">
              {tickText(tick)}
            </text>
          </g>
        ))}
        {rows.map((row, i) =>
          i % labelEvery === 0 ? (
            <text key={i} x={x(i)} y={HEIGHT - PAD.bottom + 14} textAnchor="middle" fontSize={10} fill="#616161">
              {String(row[0] ?? "")}
            </text>
          ) : null,
        )}
        {paths.map((d, s) => (
          <path key={s} d={d} fill="none" stroke={COLOURS[s % COLOURS.length]} strokeWidth={s === 0 ? 2 : 1.5} strokeDasharray={s === 1 || s === 3 ? "4 3" : undefined} />
        ))}
        {names.map((name, s) => (
          <g key={name} transform={`translate(${PAD.left + s * 110},${HEIGHT - 12})`}>
            <line x1={0} x2={18} y1={-4} y2={-4} stroke={COLOURS[s % COLOURS.length]} strokeWidth={2} strokeDasharray={s === 1 || s === 3 ? "4 3" : undefined} />
            <text x={22} y={0} fontSize={11}>
              {name}
            </text>
          </g>
        ))}
      </svg>
    </figure>
  );
}
