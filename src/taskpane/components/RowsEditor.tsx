import { Button, Input, makeStyles, mergeClasses, Select, Text, tokens, useId } from "@fluentui/react-components";
import { useLayoutEffect, useRef, useState, type ReactNode } from "react";
import type { WorkbookGateway } from "../../excel/gateway";
import { LIST_STRINGS, type ListStrings } from "../../i18n/fields";
import type { Language } from "../../i18n/language";
import type { UiStrings } from "../../i18n/ui";
import { CONTROL_SIZE } from "./control-size";
import { isBlankRow, type DraftRow } from "./form-draft";
import type { NumberKind } from "./form-fields";
import { gatewayErrorMessage } from "./gateway-messages";
import { rowsFromRange, type ListRead } from "./range-rows";

export interface RowColumn {
  readonly field: string;
  readonly label: string;
  readonly kind?: "text" | "number" | "select";
  /** How a number column's text reads (default "amount"): decides how a selected cell is read in. */
  readonly numberKind?: NumberKind;
  readonly options?: readonly { readonly value: string; readonly label: string }[];
  /** The column's width in the row (a CSS grid track, e.g. "4rem"); default: the rest of the line. */
  readonly width?: string;
  /** On a line of its own under the row (long, optional text such as a risk's response). */
  readonly wide?: boolean;
  /** What the column means, beyond its label ("50 and 50% weigh the same"): the header's tooltip and each cell's description. */
  readonly hint?: string;
}

export interface RowsEditorProps {
  /** The list's name, read as the group's label ("Channels and weights"). */
  readonly legend: string;
  readonly rows: readonly DraftRow[];
  readonly columns: readonly RowColumn[];
  /** Label of row n (1-based), e.g. "Channel 2": the row's group, and with a column's label each cell's name. */
  readonly rowLabel: (n: number) => string;
  /** The message for a cell, if it is invalid. */
  readonly error: (index: number, field: string) => string | undefined;
  readonly onChange: (id: string, field: string, value: string) => void;
  /** Adds `blank` as a new row. */
  readonly onAdd: () => void;
  readonly onRemove: (id: string) => void;
  /** Rows read from the selection replace the list or go after it. Without it, the list has no "Read from selection". */
  readonly onSetRows?: (rows: readonly Record<string, string>[], mode: "replace" | "append") => void;
  /** Where "Read from selection" reads. */
  readonly gateway?: WorkbookGateway;
  /** A new row's fields (its defaults): a row still equal to it counts as empty. */
  readonly blank: Readonly<Record<string, string>>;
  readonly maxRows?: number;
  readonly t: UiStrings;
  readonly language: Language;
  /** A problem with the list as a whole (e.g. no rows): shown at the add button, which is then marked invalid. */
  readonly listError?: string;
  /** Under the rows: e.g. the list's total. */
  readonly footer?: ReactNode;
}

const useStyles = makeStyles({
  fieldset: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS} ${tokens.spacingVerticalS}`,
    margin: 0,
    minWidth: 0,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
  },
  legend: { fontWeight: tokens.fontWeightSemibold, padding: `0 ${tokens.spacingHorizontalXS}` },
  line: { display: "grid", columnGap: tokens.spacingHorizontalXS, rowGap: tokens.spacingVerticalXXS, alignItems: "center" },
  // Headers wrap, even inside a long word ("Probability"), rather than run into the next column.
  header: { alignItems: "end", color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200, overflowWrap: "anywhere", hyphens: "auto" },
  wide: { gridColumn: "1 / -1" },
  control: { minWidth: 0, width: "100%" },
  number: { "& input": { textAlign: "end" } },
  messages: { gridColumn: "1 / -1", display: "flex", flexDirection: "column", color: tokens.colorPaletteRedForeground1, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  actions: { display: "flex", flexWrap: "wrap", alignItems: "center", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXS, paddingTop: tokens.spacingVerticalXXS },
  listError: { color: tokens.colorPaletteRedForeground1, display: "block" },
  status: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  problem: { color: tokens.colorPaletteRedForeground1 },
  ask: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
  },
});

/** A bin: the remove button's icon (its name comes from aria-label). */
const RemoveIcon = () => (
  <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
    <path
      fill="currentColor"
      d="M6.5 1h3a1.5 1.5 0 0 1 1.5 1.5V3h3a.5.5 0 0 1 0 1h-.55l-.8 9.1A2 2 0 0 1 10.66 15H5.34a2 2 0 0 1-1.99-1.9L2.55 4H2a.5.5 0 0 1 0-1h3v-.5A1.5 1.5 0 0 1 6.5 1Zm0 1a.5.5 0 0 0-.5.5V3h4v-.5a.5.5 0 0 0-.5-.5h-3ZM3.56 4l.79 9.01a1 1 0 0 0 1 .99h5.31a1 1 0 0 0 1-.99L12.44 4H3.56Z"
    />
  </svg>
);

/** A grid with a selected block: the read-from-selection button's icon. */
const SelectionIcon = () => (
  <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
    <path fill="currentColor" d="M2 2h12v12H2V2Zm1 1v3h4V3H3Zm5 0v3h5V3H8ZM3 7v3h4V7H3Zm5 0v3h5V7H8Zm-5 4v2h4v-2H3Zm5 0v2h5v-2H8Z" />
    <path fill="currentColor" opacity=".35" d="M8 7h5v6H8z" />
  </svg>
);

type Status =
  | { readonly kind: "none" }
  | { readonly kind: "ask"; readonly read: Extract<ListRead, { ok: true }>; readonly existing: number }
  | { readonly kind: "done"; readonly lines: readonly string[]; readonly problem?: string }
  | { readonly kind: "error"; readonly message: string };

/** Where focus goes once the rows have rendered: a row's first control (by index in the new rows), or the add button. */
type FocusRequest = { readonly kind: "row"; readonly index: (rows: readonly DraftRow[]) => number } | { readonly kind: "add" } | { readonly kind: "ask" };

/** The sentences of a successful read. */
function readLines(read: Extract<ListRead, { ok: true }>, l: ListStrings): { lines: string[]; problem?: string } {
  const lines = [l.readDone(read.rows.length, read.address)];
  if (read.header !== undefined) lines.push(l.headerSkipped(read.header));
  const problem = read.unreadable.length === 0 ? undefined : l.unreadable(read.unreadable.map((cell) => `${cell.address} ${l.quote(cell.text)}`).join(l.listSeparator));
  return problem === undefined ? { lines } : { lines, problem };
}

/**
 * A list as a compact table: the column headers once, then one line per row — inputs named "Channel 2
 * Weight" for screen readers, a remove button with an icon, a name ("Remove Channel 2") and a tooltip — and
 * under it "Add row" and "Read from selection". A cell's message shows under its row, and the cell is marked
 * invalid and described by it. Focus follows the edits: after adding, the new row's first field; after
 * removing, the next row's first field, else the previous one's, else "Add row". "Read from selection"
 * reads the selected range (range-rows.ts), says what it read, and asks before it replaces rows typed
 * already (or adds after them).
 */
export function RowsEditor(props: RowsEditorProps) {
  const { legend, rows, columns, rowLabel, error, onChange, onAdd, onRemove, onSetRows, gateway, blank, maxRows = 50, t, language, listError, footer } = props;
  const styles = useStyles();
  const l = LIST_STRINGS[language];
  const listErrorId = useId("list-error");
  const baseId = useId("rows");
  const addRef = useRef<HTMLButtonElement>(null);
  const askRef = useRef<HTMLButtonElement>(null);
  const firstControls = useRef(new Map<string, HTMLElement>());
  const focusRequest = useRef<FocusRequest | undefined>(undefined);
  const setFocusRequest = (request: FocusRequest) => {
    focusRequest.current = request;
  };
  const [status, setStatus] = useState<Status>({ kind: "none" });
  const [reading, setReading] = useState(false);

  // Focus moves once React has rendered the rows the request is about (every edit re-renders the list).
  useLayoutEffect(() => {
    const request = focusRequest.current;
    if (request === undefined) return;
    focusRequest.current = undefined;
    if (request.kind === "add") addRef.current?.focus();
    else if (request.kind === "ask") askRef.current?.focus();
    else {
      const row = rows[request.index(rows)];
      if (row !== undefined) firstControls.current.get(row.id)?.focus();
      else addRef.current?.focus();
    }
  });

  const inline = columns.filter((column) => !column.wide);
  const wide = columns.filter((column) => column.wide);
  const template = `${inline.map((column) => column.width ?? "minmax(0, 1fr)").join(" ")} auto`;

  const add = () => {
    onAdd();
    setFocusRequest({ kind: "row", index: (next) => next.length - 1 });
  };
  const remove = (index: number) => {
    const id = rows[index]!.id;
    onRemove(id);
    // The row that takes its place, else the one before it, else the add button.
    setFocusRequest(rows.length === 1 ? { kind: "add" } : { kind: "row", index: (next) => Math.min(index, next.length - 1) });
  };

  const apply = (read: Extract<ListRead, { ok: true }>, mode: "replace" | "append") => {
    const before = mode === "append" ? rows.length : 0;
    onSetRows?.(read.rows, mode);
    setStatus({ kind: "done", ...readLines(read, l) });
    setFocusRequest({ kind: "row", index: () => before });
  };

  const readSelection = async () => {
    if (gateway === undefined) return;
    setReading(true);
    try {
      const data = await gateway.readSelection();
      const read = rowsFromRange(data, columns, blank, maxRows);
      if (!read.ok) {
        const message =
          read.code === "empty"
            ? l.readEmpty(read.address)
            : read.code === "tooManyRows"
              ? l.readTooManyRows(read.count, read.max)
              : l.readTooManyColumns(read.columns, columns.map((column) => column.label).join(l.listSeparator));
        setStatus({ kind: "error", message });
        return;
      }
      const existing = rows.filter((row) => !isBlankRow(row, blank)).length;
      if (existing === 0) apply(read, "replace");
      else {
        setStatus({ kind: "ask", read, existing });
        setFocusRequest({ kind: "ask" });
      }
    } catch (problem) {
      setStatus({ kind: "error", message: gatewayErrorMessage(problem, t, "READ_FAILED") });
    } finally {
      setReading(false);
    }
  };

  const control = (row: DraftRow, index: number, column: RowColumn, first: boolean) => {
    const message = error(index, column.field);
    const label = l.cellLabel(rowLabel(index + 1), column.label);
    const common = {
      size: CONTROL_SIZE,
      "aria-label": label,
      "aria-invalid": message ? true : undefined,
      "aria-describedby": message ? `${baseId}-${row.id}-${column.field}` : undefined,
      "aria-description": column.hint,
      className: mergeClasses(styles.control, column.wide && styles.wide, column.kind === "number" && styles.number),
    } as const;
    const value = row[column.field] ?? "";
    const ref = (element: HTMLElement | null) => {
      if (!first) return;
      if (element) firstControls.current.set(row.id, element);
      else firstControls.current.delete(row.id);
    };
    return column.kind === "select" ? (
      <Select key={column.field} {...common} ref={ref as never} value={value} onChange={(_, data) => onChange(row.id, column.field, data.value)}>
        {(column.options ?? []).map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </Select>
    ) : (
      <Input
        key={column.field}
        {...common}
        input={{ ref: ref as never }}
        placeholder={column.wide ? column.label : undefined}
        value={value}
        inputMode={column.kind === "number" ? "decimal" : undefined}
        onChange={(_, data) => onChange(row.id, column.field, data.value)}
      />
    );
  };

  return (
    <fieldset className={styles.fieldset}>
      <legend className={styles.legend}>{legend}</legend>
      {rows.length > 0 && (
        <div className={mergeClasses(styles.line, styles.header)} style={{ gridTemplateColumns: template }} aria-hidden="true">
          {inline.map((column) => (
            <span key={column.field} title={column.hint}>
              {column.label}
            </span>
          ))}
          <span />
        </div>
      )}
      {rows.map((row, index) => {
        const messages = columns.flatMap((column) => {
          const message = error(index, column.field);
          return message ? [{ field: column.field, text: l.cellError(column.label, message) }] : [];
        });
        const removeLabel = t.removeRow(rowLabel(index + 1));
        return (
          <div key={row.id} role="group" aria-label={rowLabel(index + 1)} className={styles.line} style={{ gridTemplateColumns: template }}>
            {inline.map((column, c) => control(row, index, column, c === 0))}
            <Button type="button" size={CONTROL_SIZE} appearance="subtle" icon={<RemoveIcon />} aria-label={removeLabel} title={removeLabel} onClick={() => remove(index)} />
            {wide.map((column) => control(row, index, column, false))}
            {messages.length > 0 && (
              <div className={styles.messages}>
                {messages.map((message) => (
                  <span key={message.field} id={`${baseId}-${row.id}-${message.field}`}>
                    {message.text}
                  </span>
                ))}
              </div>
            )}
          </div>
        );
      })}
      <div className={styles.actions}>
        <Button
          type="button"
          ref={addRef}
          size={CONTROL_SIZE}
          onClick={add}
          aria-label={t.addRowTo(legend)}
          aria-invalid={listError ? true : undefined}
          aria-describedby={listError ? listErrorId : undefined}
          disabled={rows.length >= maxRows}
        >
          {t.addRow}
        </Button>
        {onSetRows !== undefined && (
          <Button
            type="button"
            size={CONTROL_SIZE}
            appearance="subtle"
            icon={<SelectionIcon />}
            aria-label={l.readSelectionOf(legend)}
            title={l.readSelectionOf(legend)}
            disabled={reading || gateway === undefined || !gateway.available}
            onClick={() => void readSelection()}
          >
            {l.readSelection}
          </Button>
        )}
      </div>
      {listError && (
        <Text id={listErrorId} size={200} className={styles.listError}>
          {listError}
        </Text>
      )}
      {status.kind === "ask" ? (
        <div className={styles.ask} role="group" aria-label={l.readSelection}>
          <Text size={200}>{l.askReplace(status.existing, status.read.rows.length)}</Text>
          <div className={styles.actions}>
            <Button type="button" ref={askRef} size={CONTROL_SIZE} appearance="primary" onClick={() => apply(status.read, "replace")}>
              {l.replace}
            </Button>
            <Button type="button" size={CONTROL_SIZE} onClick={() => apply(status.read, "append")}>
              {l.append}
            </Button>
            <Button
              type="button"
              size={CONTROL_SIZE}
              appearance="subtle"
              onClick={() => {
                setStatus({ kind: "none" });
                setFocusRequest({ kind: "add" });
              }}
            >
              {l.cancel}
            </Button>
          </div>
        </div>
      ) : (
        <div role="status" className={styles.status}>
          {status.kind === "done" && status.lines.map((line) => <span key={line}>{line}</span>)}
          {status.kind === "done" && status.problem !== undefined && <span className={styles.problem}>{status.problem}</span>}
          {status.kind === "error" && <span className={styles.problem}>{status.message}</span>}
        </div>
      )}
      {footer}
    </fieldset>
  );
}
