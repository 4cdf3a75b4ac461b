import { Button, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, Spinner, tokens } from "@fluentui/react-components";
import type { UiStrings } from "../../i18n/ui";
import { CONTROL_SIZE } from "./control-size";
import { describeWrite, type WriteStatus } from "./write-status";

export interface WriteOutcomeProps {
  readonly status: WriteStatus;
  readonly t: UiStrings;
  /** "Go to sheet" after a write that made or updated a sheet. */
  readonly onGoToSheet?: () => void;
  /** "Start over" after a write: clears the page's draft. */
  readonly onStartOver?: () => void;
}

const useStyles = makeStyles({
  actions: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXS },
});

/**
 * The outcome of a write: a spinner while it runs, a MessageBar after (Fluent's MessageBar announces itself
 * through the AriaLiveAnnouncer: success and "nothing written" politely, errors assertively), with "Go to
 * sheet" and "Start over" after a success (beside the message, not in it: the announcement is the sentence alone). A page that only adds new sheets (never a confirmation) uses
 * this alone: the first page does, so the dialogs' code stays out of what the pane needs for its first render.
 */
export function WriteOutcome({ status, t, onGoToSheet, onStartOver }: WriteOutcomeProps) {
  const styles = useStyles();
  const sheetWritten = status.kind === "done" && status.how !== "range";
  const actions = sheetWritten && (onGoToSheet !== undefined || onStartOver !== undefined) && (
    <div className={styles.actions}>
      {onGoToSheet !== undefined && status.kind === "done" && status.gone !== true && (
        <Button size={CONTROL_SIZE} onClick={onGoToSheet}>
          {t.goToSheet}
        </Button>
      )}
      {onStartOver !== undefined && (
        <Button size={CONTROL_SIZE} onClick={onStartOver}>
          {t.startOver}
        </Button>
      )}
    </div>
  );
  return (
    <>
      {status.kind === "working" && <Spinner size="tiny" label={t.writeWorking} />}
      {status.kind === "done" && (
        <MessageBar intent={status.gone === true || status.previousMissing === true ? "warning" : "success"} politeness="polite" layout="multiline">
          <MessageBarBody>{describeWrite(status, t)}</MessageBarBody>
        </MessageBar>
      )}
      {actions}
      {status.kind === "cancelled" && (
        <MessageBar intent="info" politeness="polite">
          <MessageBarBody>{describeWrite(status, t)}</MessageBarBody>
        </MessageBar>
      )}
      {status.kind === "failed" && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t.errorTitle}</MessageBarTitle>
            {describeWrite(status, t)}
          </MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}
