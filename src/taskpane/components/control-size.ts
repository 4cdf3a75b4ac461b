/**
 * The one control size of the pane: Fields (and through them their Input, Select, Textarea), buttons,
 * tabs. Small: at 350 px a list row keeps three fields side by side and a wizard step fits the first
 * screen; the text stays 12 px, as in Office's own panes.
 */
export const CONTROL_SIZE = "small" as const;
