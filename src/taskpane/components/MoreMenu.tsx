import { Button, Menu, MenuItem, MenuList, MenuPopover, MenuTrigger, useIsOverflowItemVisible } from "@fluentui/react-components";
import type { Ref } from "react";
import { CONTROL_SIZE } from "./control-size";
import type { TabItem } from "./OverflowTabs";

export interface MoreMenuProps {
  /** Overflow measures the button through this ref. */
  readonly buttonRef: Ref<HTMLButtonElement>;
  readonly items: readonly TabItem[];
  readonly onSelect: (id: string) => void;
  readonly text: string;
  readonly label: string;
  /** Opens at once (the user clicked before this code arrived). */
  readonly defaultOpen: boolean;
}

/** The tabs Overflow hid, as a menu (OverflowTabs loads this on first overflow). */
export function MoreMenu({ buttonRef, items, onSelect, text, label, defaultOpen }: MoreMenuProps) {
  return (
    <Menu defaultOpen={defaultOpen}>
      <MenuTrigger disableButtonEnhancement>
        <Button ref={buttonRef} size={CONTROL_SIZE} appearance="transparent" aria-label={label}>
          {text}
        </Button>
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          {items.map((item) => (
            <HiddenTab key={item.id} item={item} onSelect={onSelect} />
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
