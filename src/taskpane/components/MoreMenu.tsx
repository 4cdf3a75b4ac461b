import { Menu, MenuItem, MenuList, MenuPopover, useIsOverflowItemVisible } from "@fluentui/react-components";

/** A tab of an OverflowTabs row (its id, and its label in the pane's language). */
export interface TabItem {
  readonly id: string;
  readonly label: string;
}

export interface MoreMenuProps {
  /** The "More" button the menu opens against (OverflowTabs keeps it, so that Overflow can measure it). */
  readonly target: HTMLElement;
  readonly items: readonly TabItem[];
  readonly onSelect: (id: string) => void;
  /** The menu closed: by a choice (focus follows the chosen tab) or by Escape or a click elsewhere (focus goes back to "More"). */
  readonly onClose: (returnFocus: boolean) => void;
}

/** The tabs Overflow hid, as a menu below "More" (OverflowTabs loads this the first time it is opened). */
export function MoreMenu({ target, items, onSelect, onClose }: MoreMenuProps) {
  return (
    <Menu open positioning={{ target, position: "below", align: "end" }} onOpenChange={(_, data) => !data.open && onClose(true)}>
      <MenuPopover>
        <MenuList>
          {items.map((item) => (
            <HiddenTab
              key={item.id}
              item={item}
              onSelect={(id) => {
                onClose(false);
                onSelect(id);
              }}
            />
          ))}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}

function HiddenTab({ item, onSelect }: { readonly item: TabItem; readonly onSelect: (id: string) => void }) {
  const visible = useIsOverflowItemVisible(item.id);
  if (visible) return null;
  return <MenuItem onClick={() => onSelect(item.id)}>{item.label}</MenuItem>;
}
