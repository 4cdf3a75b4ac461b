import {
  Button,
  makeStyles,
  Overflow,
  OverflowItem,
  Tab,
  TabList,
  useOverflowMenu,
} from "@fluentui/react-components";
import { lazy, Suspense, useState } from "react";
import { CONTROL_SIZE } from "./control-size";

export interface TabItem {
  readonly id: string;
  readonly label: string;
}

export interface OverflowTabsProps {
  readonly items: readonly TabItem[];
  readonly selected: string;
  readonly onSelect: (id: string) => void;
  /** The tab list's accessible name ("Pages"). */
  readonly label: string;
  /** The "More" button's text, and its accessible name for n hidden tabs. */
  readonly more: string;
  readonly moreLabel: (count: number) => string;
  /** Each tab's id and the id of the panel it controls, when the page draws panels (`${prefix}-tab-<id>`). */
  readonly idPrefix?: string;
}

const useStyles = makeStyles({
  // One row, never wider than the pane: tabs that do not fit go into "More" (Fluent's Overflow hides them).
  // No gap between the tabs and "More": Overflow measures the items and the menu button, and `padding={0}`
  // tells it there is nothing else to count (which also keeps every tab visible where nothing has a size, as in jsdom).
  row: { display: "flex", flexWrap: "nowrap", alignItems: "center", minWidth: 0, overflow: "hidden" },
  tabs: { flexWrap: "nowrap", minWidth: 0 },
  tab: { flexShrink: 0, whiteSpace: "nowrap" },
});

/** The "More" menu: its own chunk (Fluent's Menu and its positioning), fetched when tabs first overflow. */
const MoreMenu = lazy(() => import(/* webpackChunkName: "more-menu" */ "./MoreMenu").then((m) => ({ default: m.MoreMenu })));

/**
 * A TabList that never wraps or scrolls sideways: the tabs that do not fit the pane's width go into a "More"
 * menu (Fluent's Overflow measures; the chosen tab keeps its place in the row). Keyboard: arrows move
 * between tabs, Tab reaches "More"; choosing a page from the menu selects its tab.
 */
export function OverflowTabs({ items, selected, onSelect, label, more, moreLabel, idPrefix }: OverflowTabsProps) {
  const styles = useStyles();
  return (
    <Overflow minimumVisible={1} padding={0}>
      <div className={styles.row}>
        <TabList size={CONTROL_SIZE} className={styles.tabs} aria-label={label} selectedValue={selected} onTabSelect={(_, data) => onSelect(String(data.value))}>
          {items.map((item) => (
            // The chosen tab is the last to go.
            <OverflowItem key={item.id} id={item.id} priority={item.id === selected ? 2 : 1}>
              <Tab
                className={styles.tab}
                value={item.id}
                id={idPrefix === undefined ? undefined : `${idPrefix}-tab-${item.id}`}
                aria-controls={idPrefix === undefined ? undefined : `${idPrefix}-panel-${item.id}`}
              >
                {item.label}
              </Tab>
            </OverflowItem>
          ))}
        </TabList>
        <MoreButton items={items} onSelect={onSelect} more={more} moreLabel={moreLabel} />
      </div>
    </Overflow>
  );
}

function MoreButton({ items, onSelect, more, moreLabel }: Pick<OverflowTabsProps, "items" | "onSelect" | "more" | "moreLabel">) {
  const { ref, isOverflowing, overflowCount } = useOverflowMenu<HTMLButtonElement>();
  // A click before the menu's code has arrived opens the menu when it does.
  const [openRequested, setOpenRequested] = useState(false);
  if (!isOverflowing) return null;
  const button = (
    <Button ref={ref} size={CONTROL_SIZE} appearance="transparent" aria-label={moreLabel(overflowCount)} aria-haspopup="menu" onClick={() => setOpenRequested(true)}>
      {`${more} (${overflowCount})`}
    </Button>
  );
  return (
    <Suspense fallback={button}>
      <MoreMenu buttonRef={ref} items={items} onSelect={onSelect} text={`${more} (${overflowCount})`} label={moreLabel(overflowCount)} defaultOpen={openRequested} />
    </Suspense>
  );
}
