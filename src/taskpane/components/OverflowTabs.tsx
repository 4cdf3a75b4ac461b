import {
  Button,
  makeStyles,
  Overflow,
  OverflowItem,
  Tab,
  TabList,
  useMergedRefs,
  useOverflowMenu,
} from "@fluentui/react-components";
import { lazy, Suspense, useState, type Ref } from "react";
import { CONTROL_SIZE } from "./control-size";
import type { TabItem } from "./MoreMenu";

export type { TabItem };

export interface OverflowTabsProps {
  readonly items: readonly TabItem[];
  readonly selected: string;
  readonly onSelect: (id: string) => void;
  /** The tab list's accessible name ("Pages"). */
  readonly label: string;
  /** The "More" button's text ("More (3)" when three tabs are hidden: what it shows is its name too). */
  readonly more: string;
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

/** The "More" menu: its own chunk (Fluent's Menu and its positioning), fetched when it is first opened. */
const MoreMenu = lazy(() => import(/* webpackChunkName: "more-menu" */ "./MoreMenu").then((m) => ({ default: m.MoreMenu })));

/**
 * A TabList that never wraps or scrolls sideways: the tabs that do not fit the pane's width go into a "More"
 * menu (Fluent's Overflow measures; the chosen tab keeps its place in the row). Keyboard: arrows move
 * between tabs, Tab reaches "More"; choosing a page from the menu selects its tab.
 */
export function OverflowTabs({ items, selected, onSelect, label, more, idPrefix }: OverflowTabsProps) {
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
        <MoreButton items={items} onSelect={onSelect} more={more} />
      </div>
    </Overflow>
  );
}

function MoreButton({ items, onSelect, more }: Pick<OverflowTabsProps, "items" | "onSelect" | "more">) {
  const { ref, isOverflowing, overflowCount } = useOverflowMenu<HTMLButtonElement>();
  const [open, setOpen] = useState(false);
  const [anchor, setAnchor] = useState<HTMLButtonElement | null>(null);
  // One button, always this one: Overflow measures it (a button swapped for another once the menu's code
  // arrives would leave Overflow measuring a detached one), and the menu opens against it.
  const buttonRef = useMergedRefs(ref, (element: HTMLButtonElement | null) => setAnchor(element));
  if (!isOverflowing) return null;
  return (
    <>
      <Button ref={buttonRef as Ref<HTMLButtonElement>} size={CONTROL_SIZE} appearance="transparent" aria-haspopup="menu" aria-expanded={open} onClick={() => setOpen((was) => !was)}>
        {`${more} (${overflowCount})`}
      </Button>
      {open && anchor !== null && (
        <Suspense fallback={null}>
          <MoreMenu
            target={anchor}
            items={items}
            onSelect={onSelect}
            onClose={(returnFocus) => {
              setOpen(false);
              if (returnFocus) anchor.focus();
            }}
          />
        </Suspense>
      )}
    </>
  );
}
