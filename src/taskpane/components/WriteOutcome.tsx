import { MessageBar, MessageBarBody, MessageBarTitle, Spinner } from "@fluentui/react-components";
import type { UiStrings } from "../../i18n/ui";
import { describeWrite, type WriteStatus } from "./write-status";

/**
 * The outcome of a write under a form: a spinner while it runs, a MessageBar after (Fluent's MessageBar
 * announces itself through the AriaLiveAnnouncer: success and "nothing written" politely, errors
 * assertively). A page that only adds new sheets (never a confirmation) uses this alone: the first page
 * does, so the confirm dialog's code stays out of what the pane needs for its first render.
 */
export function WriteOutcome({ status, t }: { readonly status: WriteStatus; readonly t: UiStrings }) {
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
    </>
  );
}
