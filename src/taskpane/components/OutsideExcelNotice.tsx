import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import type { WorkbookGateway } from "../../excel/gateway";
import type { UiStrings } from "../../i18n/ui";

/** Every page's notice when the pane runs outside Excel (writes are disabled): nothing inside Excel. */
export function OutsideExcelNotice({ gateway, t }: { readonly gateway: WorkbookGateway; readonly t: UiStrings }) {
  if (gateway.available) return null;
  return (
    <MessageBar intent="warning">
      <MessageBarBody>
        <MessageBarTitle>{t.outsideExcelTitle}</MessageBarTitle>
        {t.outsideExcelBody}
      </MessageBarBody>
    </MessageBar>
  );
}
