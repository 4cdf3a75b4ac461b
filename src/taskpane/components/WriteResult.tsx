import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
} from "@fluentui/react-components";
import type { UiStrings } from "../../i18n/ui";
import type { WorkbookWriter } from "./useWorkbookWriter";
import { describeWrite } from "./write-status";
import { WriteOutcome } from "./WriteOutcome";

/**
 * The outcome of a write under a form (WriteOutcome), and the confirm-overwrite dialog when a write into
 * an existing sheet found non-empty cells.
 */
export function WriteResult({ writer, t }: { readonly writer: WorkbookWriter; readonly t: UiStrings }) {
  const { status } = writer;
  return (
    <>
      <WriteOutcome status={status} t={t} />
      <ConfirmOverwriteDialog
        open={status.kind === "confirm"}
        message={describeWrite(status, t)}
        occupied={status.kind === "confirm" ? status.occupied : []}
        t={t}
        onConfirm={() => void writer.confirmOverwrite()}
        onCancel={writer.cancelOverwrite}
      />
    </>
  );
}

export interface ConfirmOverwriteDialogProps {
  readonly open: boolean;
  readonly message: string;
  readonly occupied: readonly string[];
  readonly t: UiStrings;
  readonly onConfirm: () => void;
  readonly onCancel: () => void;
}

/**
 * A modal question before any non-empty cell is replaced. Fluent focuses the dialog surface, so the title
 * and question are read first and Enter replaces nothing; Cancel comes first in tab order.
 */
export function ConfirmOverwriteDialog({ open, message, occupied, t, onConfirm, onCancel }: ConfirmOverwriteDialogProps) {
  return (
    <Dialog open={open} modalType="alert" onOpenChange={(_, data) => !data.open && onCancel()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{t.confirmTitle}</DialogTitle>
          <DialogContent>
            <p>{message}</p>
            <ul aria-label={t.confirmListLabel}>
              {occupied.map((address) => (
                <li key={address}>{address}</li>
              ))}
            </ul>
          </DialogContent>
          <DialogActions>
            <Button appearance="secondary" onClick={onCancel}>
              {t.confirmCancel}
            </Button>
            <Button appearance="primary" onClick={onConfirm}>
              {t.confirmReplace}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
