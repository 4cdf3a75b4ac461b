import { EMPTY_DRAFT, type SmartDraft } from "../../../src/taskpane/features/smart/smart-schema";

/** A complete SMART draft as the wizard holds it (Chinese campaign, weekly checkpoints). */
export const VALID_DRAFT: SmartDraft = {
  ...EMPTY_DRAFT,
  channel: "天猫、抖音和小红书",
  product: "情人节礼盒",
  customers: "18–35 岁女性",
  occasion: "情人节大促",
  kpi: "sales",
  unit: "万元",
  baseline: "4000",
  target: "5000",
  roundTo: "10",
  historyAddress: "Sheet1!B2:B6",
  strategy: "SO：发挥内容优势，抢占节日流量",
  start: "2025-01-20",
  end: "2025-02-14",
  cadence: "weekly",
};
