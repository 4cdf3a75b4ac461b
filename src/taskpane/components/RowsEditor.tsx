import { Button, Field, Input, makeStyles, Select, Text, tokens, useId } from "@fluentui/react-components";
import type { ReactNode } from "react";
import type { UiStrings } from "../../i18n/ui";
import type { DraftRow } from "./form-draft";

export interface RowColumn {
  readonly field: string;
  readonly label: string;
  readonly kind?: "text" | "number" | "select";
  readonly options?: readonly { readonly value: string; readonly label: string }[];
  /** Takes a full line (long text such as a factor). */
  readonly wide?: boolean;
}

export interface RowsEditorProps {
  /** The list's name, read as the group's label ("Strengths (S)"). */
  readonly legend: string;
  readonly rows: readonly DraftRow[];
  readonly columns: readonly RowColumn[];
  /** Label of row n (1-based), e.g. "Strengths (S) 2". */
  readonly rowLabel: (n: number) => string;
  /** The message for a cell, if it is invalid. */
  readonly error: (index: number, field: string) => string | undefined;
  readonly onChange: (id: string, field: string, value: string) => void;
  readonly onAdd: () => void;
  readonly onRemove: (id: string) => void;
  readonly t: UiStrings;
  /** A problem with the list as a whole (e.g. no rows): shown at the add button, which is then marked invalid. */
  readonly listError?: string;
  /** Under the rows: e.g. the list's total. */
  readonly footer?: ReactNode;
}

const useStyles = makeStyles({
  fieldset: { border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium, padding: tokens.spacingHorizontalS, margin: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  legend: { fontWeight: tokens.fontWeightSemibold, padding: `0 ${tokens.spacingHorizontalXS}` },
  row: { display: "flex", flexWrap: "wrap", alignItems: "flex-end", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXS, paddingBottom: tokens.spacingVerticalS, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}` },
  wide: { flexBasis: "100%" },
  listError: { color: tokens.colorPaletteRedForeground1, display: "block", paddingTop: tokens.spacingVerticalXS },
  narrow: { flexBasis: "6rem", flexGrow: 1 },
});

/**
 * Editable rows of a list, one Fluent `Field` per control (label, validation state and message), each
 * row a labelled group with a remove button, and an add button. Keyboard users tab through in reading
 * order; screen readers hear the row's name, the field's label and its message.
 */
export function RowsEditor({ legend, rows, columns, rowLabel, error, onChange, onAdd, onRemove, t, listError, footer }: RowsEditorProps) {
  const styles = useStyles();
  const listErrorId = useId("list-error");
  return (
    <fieldset className={styles.fieldset}>
      <legend className={styles.legend}>{legend}</legend>
      {rows.map((row, index) => (
        <div key={row.id} role="group" aria-label={rowLabel(index + 1)} className={styles.row}>
          {columns.map((column) => {
            const message = error(index, column.field);
            const value = row[column.field] ?? "";
            return (
              <Field
                key={column.field}
                label={column.label}
                size="small"
                className={column.wide ? styles.wide : styles.narrow}
                validationState={message ? "error" : "none"}
                validationMessage={message}
              >
                {column.kind === "select" ? (
                  <Select size="small" value={value} onChange={(_, data) => onChange(row.id, column.field, data.value)}>
                    {(column.options ?? []).map((option) => (
                      <option key={option.value} value={option.value}>
                        {option.label}
                      </option>
                    ))}
                  </Select>
                ) : (
                  <Input
                    size="small"
                    value={value}
                    inputMode={column.kind === "number" ? "decimal" : undefined}
                    onChange={(_, data) => onChange(row.id, column.field, data.value)}
                  />
                )}
              </Field>
            );
          })}
          <Button size="small" appearance="subtle" aria-label={t.removeRow(rowLabel(index + 1))} title={t.removeRow(rowLabel(index + 1))} onClick={() => onRemove(row.id)}>
            ×
          </Button>
        </div>
      ))}
      <div>
        <Button
          size="small"
          onClick={onAdd}
          aria-label={t.addRowTo(legend)}
          aria-invalid={listError ? true : undefined}
          aria-describedby={listError ? listErrorId : undefined}
        >
          {t.addRow}
        </Button>
        {listError && (
          <Text id={listErrorId} size={200} className={styles.listError}>
            {listError}
          </Text>
        )}
      </div>
      {footer}
    </fieldset>
  );
}
