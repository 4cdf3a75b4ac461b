import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
} from "@fluentui/react-components";
import type { UiStrings } from "../../i18n/ui";
import type { WorkbookWriter } from "./useWorkbookWriter";
import { describeWrite } from "./write-status";

/**
 * The outcome of a write under a form: a spinner while it runs, a MessageBar after (Fluent's MessageBar
 * announces itself through the AriaLiveAnnouncer: success and "nothing written" politely, errors
 * assertively), and the confirm-overwrite dialog when a write into an existing sheet found non-empty cells.
 */
export function WriteResult({ writer, t }: { readonly writer: WorkbookWriter; readonly t: UiStrings }) {
  const { status } = writer;
  return (
    <>
      {status.kind === "working" && <Spinner size="tiny" label={t.writeWorking} />}
      {status.kind === "done" && (
        <MessageBar intent="success" politeness="polite">
          <MessageBarBody>{describeWrite(status, t)}</MessageBarBody>
        </MessageBar>
      )}
      {status.kind === "cancelled" && (
        <MessageBar intent="info" politeness="polite">
          <MessageBarBody>{describeWrite(status, t)}</MessageBarBody>
        </MessageBar>
      )}
      {status.kind === "failed" && (
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>{t.errorTitle}</MessageBarTitle>
            {describeWrite(status, t)}
          </MessageBarBody>
        </MessageBar>
      )}
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
