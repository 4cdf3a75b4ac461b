import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { UiStrings } from "../../i18n/ui";
import { CONTROL_SIZE } from "./control-size";
import type { WorkbookWriter } from "./useWorkbookWriter";
import { describeWrite } from "./write-status";
import { WriteOutcome } from "./WriteOutcome";

const useStyles = makeStyles({
  // Long lists of cells scroll inside the dialog, which stays within the pane.
  cells: { maxHeight: "8rem", overflowY: "auto", margin: 0, paddingLeft: tokens.spacingHorizontalL, fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
});

/**
 * The outcome of a write (WriteOutcome, with "Go to sheet" and "Start over"), the confirm-overwrite dialog
 * when a write into an existing sheet found non-empty cells, and the choice between updating a wizard's
 * earlier output and writing a new version.
 */
export function WriteResult({ writer, t }: { readonly writer: WorkbookWriter; readonly t: UiStrings }) {
  const { status } = writer;
  return (
    <>
      <WriteOutcome status={status} t={t} onGoToSheet={() => void writer.goToSheet()} onStartOver={writer.startOver} />
      <ConfirmOverwriteDialog
        open={status.kind === "confirm"}
        message={describeWrite(status, t)}
        occupied={status.kind === "confirm" ? status.occupied : []}
        t={t}
        onConfirm={() => void writer.confirmOverwrite()}
        onCancel={writer.cancelOverwrite}
      />
      <UpdateOrNewVersionDialog
        open={status.kind === "choose"}
        sheet={status.kind === "choose" ? status.sheet : ""}
        message={describeWrite(status, t)}
        occupied={status.kind === "choose" ? status.occupied : []}
        count={status.kind === "choose" ? status.count : 0}
        t={t}
        onUpdate={() => void writer.updateExisting()}
        onNewVersion={() => void writer.writeNewVersion()}
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
  const styles = useStyles();
  return (
    <Dialog open={open} modalType="alert" onOpenChange={(_, data) => !data.open && onCancel()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{t.confirmTitle}</DialogTitle>
          <DialogContent>
            <p>{message}</p>
            <ul aria-label={t.confirmListLabel} className={styles.cells}>
              {occupied.map((address) => (
                <li key={address}>{address}</li>
              ))}
            </ul>
          </DialogContent>
          <DialogActions>
            <Button size={CONTROL_SIZE} appearance="secondary" onClick={onCancel}>
              {t.confirmCancel}
            </Button>
            <Button size={CONTROL_SIZE} appearance="primary" onClick={onConfirm}>
              {t.confirmReplace}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

export interface UpdateOrNewVersionDialogProps {
  readonly open: boolean;
  /** The earlier output's sheet. */
  readonly sheet: string;
  readonly message: string;
  /** Its non-empty cells (the first ones) and how many there are. */
  readonly occupied: readonly string[];
  readonly count: number;
  readonly t: UiStrings;
  readonly onUpdate: () => void;
  readonly onNewVersion: () => void;
  readonly onCancel: () => void;
}

/**
 * A wizard writes again and its earlier output is still there: update that sheet in place (everything on it
 * is replaced; the cells are listed, as before any overwrite) or write a new version on a new sheet. Nothing
 * is written until one is chosen; Cancel comes first and Escape cancels.
 */
export function UpdateOrNewVersionDialog({ open, sheet, message, occupied, count, t, onUpdate, onNewVersion, onCancel }: UpdateOrNewVersionDialogProps) {
  const styles = useStyles();
  return (
    <Dialog open={open} modalType="alert" onOpenChange={(_, data) => !data.open && onCancel()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{t.chooseTitle}</DialogTitle>
          <DialogContent>
            <p>{message}</p>
            <ul aria-label={t.chooseListLabel(sheet)} className={styles.cells}>
              {occupied.map((address) => (
                <li key={address}>{address}</li>
              ))}
              {count > occupied.length && <li>{t.chooseMore(count - occupied.length)}</li>}
            </ul>
          </DialogContent>
          <DialogActions>
            <Button size={CONTROL_SIZE} appearance="secondary" onClick={onCancel}>
              {t.confirmCancel}
            </Button>
            <Button size={CONTROL_SIZE} onClick={onNewVersion}>
              {t.chooseNewVersion}
            </Button>
            <Button size={CONTROL_SIZE} appearance="primary" onClick={onUpdate}>
              {t.chooseUpdate(sheet)}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
