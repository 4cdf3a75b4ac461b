#!/usr/bin/env node
/**
 * npm run sample — writes examples/sales-planner-demo.xlsx: sample orders and one sheet of SALES.*
 * formulas per function family, on the course's worked examples, headers in Chinese and English.
 *
 * Formulas are stored as their text (`SALES.TARGET.SPLIT(B3,B5:B8)`), which Excel resolves to the
 * add-in's functions when Sales Planner is loaded. A function that returns several cells is stored as an
 * array formula over exactly its result range (`<f t="array" ref="C5:C8">`, shown as {=…} in Excel):
 * exceljs cannot write Excel 365's dynamic-array (spill) flag, and a plain formula would open as an
 * implicitly intersected `=@SALES…` showing one cell. No cached results are stored: Excel calculates on
 * open; without the add-in those cells show #NAME? (see the README, "Demo workbook").
 *
 * test/workbench/demo-workbook.test.ts loads the file into the workbench engine and checks the key cells
 * and that every stored array range is exactly the size of its result, and that the committed file holds
 * what this script writes now (the bytes differ from run to run: the zip entries carry the time).
 */
import { readFileSync } from "node:fs";
import { mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";

const require = createRequire(import.meta.url);
const ExcelJS = require("exceljs");

const root = resolve(new URL("..", import.meta.url).pathname);
/** `--out <file>` writes elsewhere (the test compares a fresh copy with the committed one). */
const outFlag = process.argv.indexOf("--out");
const OUTPUT = outFlag > 0 && process.argv[outFlag + 1] ? resolve(process.argv[outFlag + 1]) : join(root, "examples", "sales-planner-demo.xlsx");
const NIST_CSV = join(root, "test", "fixtures", "forecast", "nist_quarterly_sales.csv");
const CDNOW_CSV = join(root, "test", "fixtures", "external", "cdnow_sample_transactions.csv");
/** Fixed, so that regenerating the file changes only what the script changed. */
const STAMP = new Date(Date.UTC(2026, 0, 1));

/** An Excel date serial (days since 1899-12-30) for an ISO date. */
const serial = (iso) => (Date.parse(`${iso}T00:00:00Z`) - Date.UTC(1899, 11, 30)) / 86_400_000;
/** A formula cell; `ref` is the result range of a function that returns several cells. */
const f = (formula, ref) => ({ formula, ref });

const AMOUNT = "#,##0";
const PERCENT = "0.0%";
const DATE = "yyyy-mm-dd";

/**
 * Each sheet: cells by A1 address (a number, a text, or f(...)), the bold rows, number formats by
 * range, and column widths.
 */
function sheets() {
  const orders = [
    ["A001", "2024-01-15", 600],
    ["A002", "2024-07-04", 200],
    ["A003", "2024-03-02", 900],
    ["A001", "2024-04-20", 750],
    ["A004", "2024-05-11", 500],
    ["A003", "2024-06-18", 1200],
    ["A005", "2024-09-30", 300],
    ["A001", "2024-08-08", 820],
    ["A004", "2024-10-02", 450],
    ["A003", "2024-11-26", 1500],
    ["A005", "2024-12-26", 500],
    ["A001", "2024-12-21", 900],
    ["A004", "2024-10-02", 550],
    ["A003", "2024-09-09", 1400],
  ];
  const ordersSheet = {
    name: "Orders 订单",
    widths: [16, 16, 16, 4, 26, 14],
    bold: [1],
    formats: { [`B2:B${orders.length + 1}`]: DATE, E2: DATE, [`C2:C${orders.length + 1}`]: AMOUNT },
    cells: {
      A1: "客户 Customer",
      B1: "下单日期 Order date",
      C1: "金额 Amount",
      E1: "分析日期 Analysis date",
      E2: serial("2024-12-31"),
      ...Object.fromEntries(orders.flatMap(([customer, date, amount], i) => [[`A${i + 2}`, customer], [`B${i + 2}`, serial(date)], [`C${i + 2}`, amount]])),
    },
  };
  const last = orders.length + 1;
  const ref = (column) => `'Orders 订单'!${column}2:${column}${last}`;

  const course = [
    ["A001", 10, 12, 8000],
    ["A002", 180, 1, 200],
    ["A003", 35, 8, 5000],
    ["A004", 90, 3, 1500],
    ["A005", 5, 2, 800],
  ];
  const rfm = {
    name: "RFM 客户分层",
    widths: [14, 18, 14, 14, 6, 6, 6, 16, 20, 16, 10, 10, 12],
    bold: [1, 2, 10, 11],
    formats: { "D3:D7": AMOUNT, "D12:D16": AMOUNT },
    cells: {
      A1: "课程示例：五位客户 Course example: five customers (RFM.SCORE seed table, RFM.SEGMENT cn8 and course, CUSTOMER.TAGS)",
      A2: "客户 Customer",
      B2: "最近购买(天) Recency",
      C2: "购买次数 Frequency",
      D2: "消费金额 Monetary",
      E2: "R",
      F2: "F",
      G2: "M",
      H2: "客户分群",
      I2: "Segment",
      J2: "课程七类 Course group",
      K2: "活跃度 Activity",
      L2: "频次 Frequency",
      M2: "客单价 Order value",
      ...Object.fromEntries(course.flatMap(([id, r, fr, m], i) => [[`A${i + 3}`, id], [`B${i + 3}`, r], [`C${i + 3}`, fr], [`D${i + 3}`, m]])),
      E3: f("SALES.RFM.SCORE(B3:B7,C3:C7,D3:D7)", "E3:G7"),
      H3: f("SALES.RFM.SEGMENT(E3:G7)", "H3:H7"),
      I3: f('SALES.RFM.SEGMENT(E3:G7,"cn8",,"en")', "I3:I7"),
      J3: f('SALES.RFM.SEGMENT(E3:G7,"course")', "J3:J7"),
      K3: f("SALES.CUSTOMER.TAGS(B3:B7,C3:C7,D3:D7)", "K3:M7"),
      A10: "来自订单明细 From the orders sheet (RFM.TABLE, recency counted to the analysis date)",
      A11: f(`SALES.RFM.TABLE(${ref("A")},${ref("B")},${ref("C")},'Orders 订单'!E2,TRUE)`, "A11:D16"),
    },
  };

  // Beside the course's funnel (columns G–M): last month's observed counts → FUNNEL.RATES → next month's
  // plan, and a small B2B pipeline weighted by stage (amounts as 万 text, as CRM exports write them).
  const opportunities = [
    ["华东经销商年框 Distributor", "50万", "谈判"],
    ["连锁门店 Store chain", "12万", "方案报价"],
    ["电商平台 Marketplace", "80万", "初步接洽"],
    ["企业团购 Corporate gifts", "3.5万", "需求确认"],
    ["政府采购 Public tender", "120万", "需求确认"],
    ["老客户续约 Renewal", "20万", "赢单"],
  ];
  const pipelineStages = [
    ["初步接洽", 0.1],
    ["需求确认", 0.3],
    ["方案报价", 0.6],
    ["谈判", 0.8],
    ["赢单", 1],
  ];
  const funnel = {
    name: "Funnel 漏斗",
    widths: [34, 14, 4, 14, 12, 4, 40, 14, 12, 14, 4, 20, 20],
    bold: [1, 2, 9, 15, 20, 26, 27],
    formats: {
      "B4:B6": PERCENT,
      "B21:B24": "0.##",
      B28: AMOUNT,
      B29: AMOUNT,
      B30: "0.000",
      "H3:H6": AMOUNT,
      "I4:I6": PERCENT,
      "H10:H14": AMOUNT,
      "J28:J34": AMOUNT,
      "M28:M32": PERCENT,
    },
    cells: {
      A1: "经销商漏斗 Dealership funnel: 100 deals at K 40%, F 50%, C 25%",
      A2: "输入 Inputs",
      A3: "目标成交 Target deals",
      B3: 100,
      A4: "信息留存率 K retention",
      B4: 0.4,
      A5: "跟进率 F follow-up",
      B5: 0.5,
      A6: "成交率 C close",
      B6: 0.25,
      A7: "所需进店 Visitors needed (FUNNEL.TARGET)",
      B7: f("SALES.FUNNEL.TARGET(B3,B4:B6)"),
      A9: "各阶段所需 Needed at each stage (FUNNEL.PLAN)",
      A10: "进店 Visitors N",
      A11: "有效线索 Valid leads",
      A12: "跟进 Followed up",
      A13: "成交 Deals",
      B10: f("SALES.FUNNEL.PLAN(B3,B4:B6)", "B10:B13"),
      A15: "正向推演 Forward from the visitors (FUNNEL.STAGES)",
      B16: f("SALES.FUNNEL.STAGES(B7,B4:B6)", "B16:B19"),
      A20: "杠杆 Levers: deals if only one lever improves (FUNNEL.LEVERS)",
      D20: "成交 Deals",
      E20: "增量 Gain",
      A21: "进店 Visitors → 2500",
      B21: 2500,
      A22: "留存率 K → 50%",
      B22: 0.5,
      A23: "跟进率 F → 60%",
      B23: 0.6,
      A24: "成交率 C → 30%",
      B24: 0.3,
      D21: f("SALES.FUNNEL.LEVERS(B7,B4:B6,B21:B24)", "D21:E24"),
      A27: "线索金字塔 Lead pyramid (FUNNEL.PYRAMID): grades A…E",
      A28: "目标销售额 Target revenue",
      B28: 10_000_000,
      A29: "平均单笔 Average order",
      B29: 200_000,
      A30: "晋级率 Promotion rate",
      B30: f("1/3"),
      A31: "rate 1/3 | rate 0.3",
      B32: f("SALES.FUNNEL.PYRAMID(B28,B29,B30)", "B32:B36"),
      C32: f("SALES.FUNNEL.PYRAMID(B28,B29,0.3)", "C32:C36"),
      A32: "A",
      A33: "B",
      A34: "C",
      A35: "D",
      A36: "E",

      G1: "实际转化率 Observed rates (FUNNEL.RATES): last month's counts",
      G2: "环节 Stage",
      H2: "上月人数 Count",
      I2: "转化率 Rate",
      G3: "进店 Visitors N",
      H3: 2000,
      G4: "有效线索 Valid leads",
      H4: 800,
      G5: "跟进 Followed up",
      H5: 400,
      G6: "成交 Deals",
      H6: 100,
      I4: f("SALES.FUNNEL.RATES(H3:H6)", "I4:I6"),
      G8: "下月目标成交 Target deals next month",
      H8: 120,
      G9: "按实际转化率 At the observed rates (FUNNEL.PLAN)",
      G10: "进店 Visitors N",
      G11: "有效线索 Valid leads",
      G12: "跟进 Followed up",
      G13: "成交 Deals",
      H10: f("SALES.FUNNEL.PLAN(H8,I4:I6)", "H10:H13"),
      G14: "所需进店 Visitors needed (FUNNEL.TARGET)",
      H14: f("SALES.FUNNEL.TARGET(H8,SALES.FUNNEL.RATES(H3:H6))"),

      G26: "加权商机 Weighted pipeline (PIPELINE.WEIGHTED): amount × win probability of the stage",
      G27: "商机 Opportunity",
      H27: "金额 Amount",
      I27: "商机阶段 Stage",
      J27: "加权 Weighted",
      ...Object.fromEntries(opportunities.flatMap(([name, amount, stage], i) => [[`G${i + 28}`, name], [`H${i + 28}`, amount], [`I${i + 28}`, stage]])),
      J28: f("SALES.PIPELINE.WEIGHTED(H28:H33,I28:I33,L27:M32)", "J28:J33"),
      I34: "合计 Total",
      J34: f("SUM(J28:J33)"),
      L27: "商机阶段 Stage",
      M27: "赢率 Win probability",
      ...Object.fromEntries(pipelineStages.flatMap(([stage, p], i) => [[`L${i + 28}`, stage], [`M${i + 28}`, p]])),
    },
  };

  const kpi = {
    name: "KPI 绩效",
    widths: [36, 14, 14, 14, 40],
    bold: [1, 2, 15, 16],
    formats: { "D3:D5": PERCENT, D6: PERCENT, "D9:D11": PERCENT, "B3:C12": AMOUNT, D8: AMOUNT, D12: "#,##0.00", D20: PERCENT },
    cells: {
      A1: "绩效考核指标 KPIs",
      A2: "指标 KPI",
      B2: "输入 1 Input 1",
      C2: "输入 2 Input 2",
      D2: "结果 Result",
      E2: "公式 Formula",
      ...Object.fromEntries(
        [
          ["转化率 Conversion", 100, 2000, "KPI.CONVERSION"],
          ["毛利率 Margin", 300_000, 1_200_000, "KPI.MARGIN"],
          ["复购率 Repurchase", 300, 1000, "KPI.REPURCHASE"],
          ["投资回报率 ROI", 150_000, 100_000, "KPI.ROI"],
          ["广告支出回报 ROAS", 500_000, 100_000, "KPI.ROAS"],
          ["获客成本 CAC", 50_000, 250, "KPI.CAC"],
          ["流失率 Churn", 50, 1000, "KPI.CHURN"],
          ["回款率 Collection", 900_000, 1_000_000, "KPI.COLLECTION"],
          ["客单价 AOV", 1_000_000, 500, "KPI.AOV"],
        ].flatMap(([label, a, b, id], i) => {
          const row = i + 3;
          return [[`A${row}`, label], [`B${row}`, a], [`C${row}`, b], [`D${row}`, f(`SALES.${id}(B${row},C${row})`)], [`E${row}`, `SALES.${id}(B${row},C${row})`]];
        }),
      ),
      A12: "客户生命周期价值 CLV (margin 100, retention 80%, discount 10%)",
      B12: 100,
      C12: 0.8,
      D12: f("SALES.KPI.CLV(B12,C12,0.1)"),
      E12: "SALES.KPI.CLV(B12,C12,0.1)",
      A15: "绩效考核得分 KPI scorecard (KPI.SCORE, cap 120%)",
      A16: "指标 KPI",
      B16: "实际 Actual",
      C16: "目标 Target",
      D16: "权重 Weight",
      E16: "越低越好 Lower is better",
      A17: "销售额 Revenue (万)",
      B17: 110,
      C17: 100,
      D17: 0.5,
      E17: false,
      A18: "转化率 Conversion",
      B18: 0.045,
      C18: 0.05,
      D18: 0.3,
      E18: false,
      A19: "获客成本 CAC",
      B19: 210,
      C19: 200,
      D19: 0.2,
      E19: true,
      A20: "得分 Score",
      D20: f("SALES.KPI.SCORE(B17:B19,C17:C19,D17:D19,,E17:E19)"),
    },
  };

  const commission = {
    name: "Commission 提成",
    widths: [30, 14, 14],
    bold: [1, 3],
    formats: { "A4:A6": AMOUNT, "B4:B6": PERCENT, "B8:B10": AMOUNT },
    cells: {
      A1: "阶梯提成 Tiered commission (COMMISSION.TIERED)",
      A3: "下限 Lower bound",
      B3: "提成率 Rate",
      A4: 0,
      B4: 0.03,
      A5: 100_000,
      B5: 0.05,
      A6: 200_000,
      B6: 0.08,
      A8: "销售额 Sales",
      B8: 250_000,
      A9: "分段累进 Marginal",
      B9: f("SALES.COMMISSION.TIERED(B8,A4:B6)"),
      A10: "全额 Flat",
      B10: f('SALES.COMMISSION.TIERED(B8,A4:B6,"flat")'),
    },
  };

  const targets = {
    name: "Targets 目标",
    widths: [30, 16, 16, 16, 16, 16],
    bold: [1, 4, 11, 18, 21, 29, 36, 42, 43],
    formats: { "B44:E48": AMOUNT, B2: AMOUNT, "C5:C9": AMOUNT, "B12:B12": AMOUNT, "B13:E15": AMOUNT, "B16:E16": AMOUNT, "B19:D19": AMOUNT, B22: AMOUNT, "B24:B27": AMOUNT, "E24:E27": AMOUNT, B30: AMOUNT, "B32:B35": AMOUNT, "D32:D35": AMOUNT, "B37:C37": AMOUNT, "A40:E40": "#,##0.###" },
    cells: {
      A1: "目标分解 Target split (TARGET.SPLIT, largest remainder: sums exactly to the total)",
      A2: "年度目标 Yearly target",
      B2: 100_000_000,
      A4: "渠道 Channel",
      B4: "权重 Weight",
      C4: "目标 Target",
      A5: "天猫 Tmall",
      B5: 50,
      A6: "京东 JD",
      B6: 30,
      A7: "抖音 Douyin",
      B7: 15,
      A8: "小红书 Xiaohongshu",
      B8: 5,
      C5: f("SALES.TARGET.SPLIT(B2,B5:B8)", "C5:C8"),
      A9: "合计 Sum",
      C9: f("SUM(C5:C8)"),
      A11: "季节性分解 Seasonal split of 120M by quarter (TARGET.SEASONAL, unit 1M)",
      A12: "年度目标 Yearly target",
      B12: 120_000_000,
      B13: "Q1",
      C13: "Q2 (618)",
      D13: "Q3",
      E13: "Q4 (双11)",
      A14: "2023 销售额 Sales",
      B14: 20_000_000,
      C14: 32_000_000,
      D14: 15_000_000,
      E14: 38_000_000,
      A15: "2024 销售额 Sales",
      B15: 22_000_000,
      C15: 35_000_000,
      D15: 16_000_000,
      E15: 42_000_000,
      A16: "2025 目标 Target",
      B16: f("SALES.TARGET.SEASONAL(B12,B14:E15,1000000)", "B16:E16"),
      A18: "目标三档 Floor / standard / challenge (TARGET.TIERS)",
      B18: "保底 Floor",
      C18: "标准 Standard",
      D18: "挑战 Challenge",
      B19: f("SALES.TARGET.TIERS(B2)", "B19:D19"),
      A21: "销售配额 Quotas (QUOTA.ALLOCATE, history; new hire ramp 0.375; unit 10,000)",
      A22: "团队目标 Team target",
      B22: 12_000_000,
      A23: "销售 Salesperson",
      B23: "去年 Last year",
      C23: "产能 Capacity",
      E23: "配额 Quota",
      A24: "张三 Zhang",
      B24: 4_000_000,
      C24: 1,
      A25: "李四 Li",
      B25: 3_000_000,
      C25: 1,
      A26: "王五 Wang",
      B26: 2_000_000,
      C26: 1,
      A27: "赵六 Zhao (新人 new hire)",
      B27: 1_000_000,
      C27: 0.375,
      E24: f("SALES.QUOTA.ALLOCATE(B22,B24:B27,,,C24:C27,10000)", "E24:E27"),
      A29: "自下而上 Reconcile commitments with the target (QUOTA.RECONCILE)",
      A30: "团队目标 Team target",
      B30: 12_000_000,
      A31: "销售 Salesperson",
      B31: "承诺 Commitment",
      C31: "权重 Weight",
      D31: "配额 Quota",
      A32: "张三 Zhang",
      B32: 3_500_000,
      C32: 4,
      A33: "李四 Li",
      B33: 3_000_000,
      C33: 3,
      A34: "王五 Wang",
      B34: 2_000_000,
      C34: 2,
      A35: "赵六 Zhao",
      B35: 1_000_000,
      C35: 1,
      D32: f("SALES.QUOTA.RECONCILE(B30,B32:B35,C32:C35,10000)", "D32:D35"),
      A36: "进度 Pace: 96,000 after 12 of 30 days against 260,000 (TARGET.PACE)",
      A37: "目标 / 实际 Target / actual",
      B37: 260_000,
      C37: 96_000,
      A38: "已过天数 / 总天数 Days done / days",
      B38: 12,
      C38: 30,
      A39: "应完成 Expected",
      B39: "进度指数 Pace index",
      C39: "预计完成 Projected",
      D39: "尚需 Remaining",
      E39: "所需进度指数 Required pace",
      A40: f("SALES.TARGET.PACE(B37,C37,B38/C38)", "A40:E40"),
      A42: "渠道 × 季度 Channels × quarters, every row and column adding up (TARGET.GRID, unit 1M)",
      B43: "Q1",
      C43: "Q2 (618)",
      D43: "Q3",
      E43: "Q4 (双11)",
      A44: "季度目标 Quarter targets {20,30,15,35}%",
      B44: f("SALES.TARGET.SPLIT(B2,{20,30,15,35})", "B44:E44"),
      A45: f("A5"),
      A46: f("A6"),
      A47: f("A7"),
      A48: f("A8"),
      B45: f("SALES.TARGET.GRID(C5:C8,B44:E44,,1000000)", "B45:E48"),
    },
  };

  const history = readNist();
  const forecast = {
    name: "Forecast 预测",
    widths: [10, 10, 14, 4, 20, 20, 18, 18, 3, 28, 12, 12, 3, 12, 12, 12],
    bold: [1, 2],
    formats: { "E3:F10": "#,##0.0", "G3:G6": "0.000", "J3:L10": "#,##0.0", "N3:P10": "#,##0.0", "K14:N19": "0.00" },
    cells: {
      A1: "NIST 季度销售额 NIST quarterly sales; Holt-Winters additive, season 4 (R's HoltWinters conventions)",
      A2: "年 Year",
      B2: "季度 Quarter",
      C2: "销售额 Sales",
      E2: "HW α.5 β.3 γ.4 (as in R)",
      F2: "HW fitted 拟合",
      G2: "α β γ SSE",
      H2: "MA(4) 移动平均",
      ...Object.fromEntries(history.flatMap(({ year, quarter, value }, i) => [[`A${i + 3}`, year], [`B${i + 3}`, quarter], [`C${i + 3}`, value]])),
      E3: f('SALES.FORECAST.HW(C3:C26,8,4,"additive",0.5,0.3,0.4)', "E3:E10"),
      F3: f("SALES.FORECAST.HW(C3:C26,8,4)", "F3:F10"),
      G3: f("SALES.FORECAST.HW.PARAMS(C3:C26,4)", "G3:G6"),
      H3: f("SALES.FORECAST.MA(C3:C26,4,4)", "H3:H6"),
      J1: "95% 预测区间 prediction interval: R's predict.HoltWinters (FORECAST.INTERVAL); 季节回归 seasonal regression (FORECAST.LINEAR)",
      J2: "下限 Lower (保守)",
      K2: "预测 Forecast",
      L2: "上限 Upper (乐观)",
      N2: "回归下限 Lower",
      O2: "回归预测 Forecast",
      P2: "回归上限 Upper",
      J3: f('SALES.FORECAST.INTERVAL(C3:C26,8,4,"additive",0.95,0.5,0.3,0.4)', "J3:L10"),
      N3: f("SALES.FORECAST.LINEAR(C3:C26,8,4)", "N3:P10"),
      J12: "回测 Backtest: the last 4 quarters held out, each method fitted on the 20 before (FORECAST.BACKTEST)",
      J13: f("SALES.FORECAST.BACKTEST(C3:C26,4,4)", "J13:N19"),
    },
  };

  // The CDNOW sample of Fader, Hardie & Lee (2005) up to the end of its calibration period, 1997-09-30:
  // summary, BG/NBD and Gamma-Gamma fits, and each customer's predictions beside the summary.
  const cdnow = readCdnow("1997-09-30");
  const lastOrder = cdnow.length + 1;
  const customers = new Set(cdnow.map(({ id }) => id)).size;
  const end = customers + 2; // the summary's header row is row 2, its customers rows 3…end
  const column = (letter) => `${letter}3:${letter}${end}`;
  const clv = {
    name: "CLV 客户价值",
    widths: [10, 14, 10, 3, 14, 3, 12, 10, 10, 10, 12, 14, 12, 14, 3, 26, 14],
    bold: [1, 2],
    formats: { [`B2:B${lastOrder}`]: DATE, E2: DATE, [`C2:C${lastOrder}`]: "#,##0.00", [`I3:J${end}`]: "0.00", [`K3:K${end}`]: "#,##0.00", [`L3:L${end}`]: "0.000", [`M3:M${end}`]: "0.0%", [`N3:N${end}`]: "#,##0.00", "Q2:Q11": "0.0000" },
    cells: {
      A1: "客户 Customer",
      B1: "下单日期 Order date",
      C1: "金额 Amount",
      E1: "分析日期 Analysis date",
      E2: serial("1997-09-30"),
      G1: `CDNOW 样本 sample: ${cdnow.length} orders → ${customers} customers (CLV.SUMMARY, weeks); BG/NBD and Gamma-Gamma, Fader, Hardie & Lee (2005)`,
      L2: "未来52周订单 Orders, next 52 weeks",
      M2: "仍活跃概率 P(alive)",
      N2: "12个月价值 Value, 12 months",
      P2: "BG/NBD r",
      P3: "alpha",
      P4: "a",
      P5: "b",
      P6: "对数似然 log-likelihood",
      P8: "Gamma-Gamma p",
      P9: "q",
      P10: "v",
      P11: "对数似然 log-likelihood",
      ...Object.fromEntries(cdnow.flatMap(({ id, date, amount }, i) => [[`A${i + 2}`, id], [`B${i + 2}`, serial(date)], [`C${i + 2}`, amount]])),
      G2: f(`SALES.CLV.SUMMARY(A2:A${lastOrder},B2:B${lastOrder},C2:C${lastOrder},E2,,TRUE)`, `G2:K${end}`),
      Q2: f(`SALES.CLV.FIT(${column("H")},${column("I")},${column("J")})`, "Q2:Q6"),
      Q8: f(`SALES.CLV.SPEND.FIT(${column("H")},${column("K")})`, "Q8:Q11"),
      L3: f(`SALES.CLV.PURCHASES(Q2:Q6,52,${column("H")},${column("I")},${column("J")})`, column("L")),
      M3: f(`SALES.CLV.ALIVE(Q2:Q6,${column("H")},${column("I")},${column("J")})`, column("M")),
      N3: f(`SALES.CLV.VALUE(Q2:Q6,Q8:Q11,${column("H")},${column("I")},${column("J")},${column("K")})`, column("N")),
    },
  };

  return [ordersSheet, rfm, funnel, kpi, commission, targets, forecast, clv];
}

/** The CDNOW orders up to `end` (ISO), in file order: customer id (a number), ISO date, amount. */
function readCdnow(end) {
  let text;
  try {
    text = readFileSync(CDNOW_CSV, "utf8");
  } catch {
    throw new Error(`${CDNOW_CSV} is missing (the CDNOW sample is one of the test fixtures)`);
  }
  return text
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((line) => line.split(","))
    .map(([, id, yyyymmdd, , amount]) => ({ id: Number(id), date: `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`, amount: Number(amount) }))
    .filter(({ date }) => date <= end);
}

function readNist() {
  let text;
  try {
    text = readFileSync(NIST_CSV, "utf8");
  } catch {
    throw new Error(`${NIST_CSV} is missing (the NIST series is one of the test fixtures)`);
  }
  return text
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((line) => line.split(",").map(Number))
    .map(([, year, quarter, value]) => ({ year, quarter, value }));
}

async function main() {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Sales Planner (npm run sample)";
  workbook.created = STAMP;
  workbook.modified = STAMP;
  for (const spec of sheets()) {
    const sheet = workbook.addWorksheet(spec.name);
    spec.widths.forEach((width, i) => (sheet.getColumn(i + 1).width = width));
    for (const [address, value] of Object.entries(spec.cells)) {
      const cell = sheet.getCell(address);
      if (typeof value === "object" && value !== null && "formula" in value) {
        cell.value = value.ref ? { formula: value.formula, shareType: "array", ref: value.ref } : { formula: value.formula };
      } else {
        cell.value = value;
      }
    }
    for (const row of spec.bold) sheet.getRow(row).font = { bold: true };
    for (const [range, format] of Object.entries(spec.formats)) {
      const [from, to = from] = range.split(":");
      const [c1, r1] = split(from);
      const [c2, r2] = split(to);
      for (let r = r1; r <= r2; r++) for (let c = c1; c <= c2; c++) sheet.getCell(r, c).numFmt = format;
    }
  }
  mkdirSync(dirname(OUTPUT), { recursive: true });
  await workbook.xlsx.writeFile(OUTPUT);
  console.log(`wrote ${OUTPUT.startsWith(root) ? OUTPUT.slice(root.length + 1) : OUTPUT} (${workbook.worksheets.length} sheets)`);
}

/** "C12" → [3, 12] (1-based column and row). */
function split(a1) {
  const [, letters, digits] = /^([A-Z]+)(\d+)$/.exec(a1);
  const column = [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return [column, Number(digits)];
}

await main();
