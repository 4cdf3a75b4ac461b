import { Field, Input, Select } from "@fluentui/react-components";
import { CONTROL_SIZE } from "./control-size";

/**
 * A select and a text input bound to one text field of a page's draft, with its validation message: the
 * same field chrome for the pages that keep every choice as text in their draft (Segment customers, Import).
 */
interface DraftFieldProps {
  readonly label: string;
  readonly value: string | undefined;
  readonly onChange: (value: string) => void;
  /** The field's validation message, if any. */
  readonly problem?: string;
  readonly hint?: string;
}

export function DraftSelect({ label, value, onChange, problem, hint, options }: DraftFieldProps & { readonly options: readonly (readonly [string, string])[] }) {
  return (
    <Field size={CONTROL_SIZE} label={label} hint={hint} validationState={problem ? "error" : "none"} validationMessage={problem}>
      <Select value={value} onChange={(_, d) => onChange(d.value)}>
        {options.map(([option, text]) => (
          <option key={option} value={option}>
            {text}
          </option>
        ))}
      </Select>
    </Field>
  );
}

/** A date picker for "date", a text field with a decimal keyboard for "number", else plain text. */
export function DraftInput({ label, value, onChange, problem, hint, type }: DraftFieldProps & { readonly type?: "date" | "number" }) {
  return (
    <Field size={CONTROL_SIZE} label={label} hint={hint} validationState={problem ? "error" : "none"} validationMessage={problem}>
      <Input type={type === "date" ? "date" : "text"} inputMode={type === "number" ? "decimal" : undefined} value={value} onChange={(_, d) => onChange(d.value)} />
    </Field>
  );
}
