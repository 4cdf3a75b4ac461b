import { makeStyles, tokens } from "@fluentui/react-components";
import type { ReactNode } from "react";

/** The pane's side padding (App), which the bar spans so that nothing shows through beside it. */
export const PANE_PADDING = tokens.spacingHorizontalL;

const useStyles = makeStyles({
  bar: {
    position: "sticky",
    bottom: 0,
    zIndex: 1,
    marginLeft: `calc(-1 * ${PANE_PADDING})`,
    marginRight: `calc(-1 * ${PANE_PADDING})`,
    paddingLeft: PANE_PADDING,
    paddingRight: PANE_PADDING,
    paddingTop: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalS,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    backgroundColor: tokens.colorNeutralBackground1,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  buttons: { display: "flex", flexWrap: "wrap", alignItems: "center", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXS },
});

/**
 * The bottom of a form, kept in view while the form scrolls: the outcome of the last write (a spinner,
 * then its message with "Go to sheet"/"Start over") above the step's buttons — Back, then the primary
 * action (Next, Write…), always within reach at 350 px.
 */
export function ActionBar({ outcome, children }: { readonly outcome?: ReactNode; readonly children?: ReactNode }) {
  const styles = useStyles();
  return (
    <div className={styles.bar} data-action-bar="">
      {outcome}
      {children !== undefined && <div className={styles.buttons}>{children}</div>}
    </div>
  );
}
