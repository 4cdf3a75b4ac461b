/**
 * The Simplified Chinese help Excel shows for each SALES function in Chinese Office: the function's
 * description and each parameter's description, keyed by function id and the parameter's English name.
 * The parameters' Chinese names are in parameter-names.ts.
 *
 * The English help is the JSDoc of src/functions/*.ts (custom-functions-metadata-plugin writes it into
 * functions.json); scripts/zh-metadata-plugin.cjs copies that file with these texts into
 * functions-zh-CN.json, which the manifest's zh-CN override points Excel at. The build fails when a
 * function or parameter has no text here, or a text here belongs to no function or parameter. Descriptions
 * are at most 128 characters (the limit of Microsoft's function metadata schema) and written for the
 * manager reading the tooltip: what the number means, in the course's words. Option values ("seed") and
 * formulas stay as they are typed.
 */
export interface FunctionTextZh {
  readonly description: string;
  /** English parameter name → the parameter's Chinese description. */
  readonly parameters: Readonly<Record<string, string>>;
}

export const FUNCTION_METADATA_ZH: Readonly<Record<string, FunctionTextZh>> = {
  "RFM.TABLE": {
    description: "由订单明细汇总出每位客户一行：客户编号、最近消费间隔（距最后一次下单的天数）、消费频次（订单数）、消费金额（合计）。客户按首次出现的顺序排列。",
    parameters: {
      customer_ids: "每笔订单的客户：文本或数字（1001 与文本“1001”是同一位客户）。",
      order_dates: "每笔订单的日期：日期，或 2024-03-31 这样的文本。",
      amounts: "每笔订单的金额（本币）；退款可为负数。",
      analysis_date: "计算最近消费间隔截止的日期。默认：最晚的下单日期。",
      headers: "TRUE 时在结果首行加标题。默认：FALSE。",
      window_days: "只统计截至分析日期最近 N 天内的订单数和金额（如 365）；最近消费间隔仍按最后一次下单计算。默认：全部订单。",
    },
  },
  "RFM.SCORE": {
    description:
      '为每位客户打 R、F、M 分，默认 1（最差）到 5（最好）：课程评分表（"seed"）、自定义分界点（"custom"）、分位数分段（"quantile"）或与 R 包 rfm 一致（"rfm-r"）。',
    parameters: {
      recency: "每位客户距最后一次下单的天数（0 或以上）。",
      frequency: '每位客户的订单数（0 或以上；"seed" 按每年订单数）。',
      monetary: '每位客户的消费金额（本币；"seed" 按每年消费额）。',
      method: '"seed"（默认，课程评分表）、"custom"、"quantile" 或 "rfm-r"。',
      cuts: '"custom"：3 行递增的分界点（依次为天数、频次、金额）。"quantile" 与 "rfm-r"：分段数，2 到 10（默认 5）。',
    },
  },
  "RFM.SEGMENT": {
    description:
      '按每行的 R、F、M 评分给出客户类型：八大客户类型（"cn8"，如 重要价值客户）、课程七类客户（"course"）、R 包 rfm 的分群（"rfm-r"），或自定义规则表。',
    parameters: {
      scores: "R、F、M 三列评分，每位客户一行，例如 RFM.SCORE 的结果。",
      scheme: '"cn8"（默认）、"course"、"rfm-r"，或 7 列规则表：名称、R 下限、R 上限、F 下限、F 上限、M 下限、M 上限（可带标题行）；先匹配的规则优先，都不匹配时为“其他”。',
      threshold: '"cn8" 与 "course" 中评分不低于此值即为“高”。填 1 个值，或 R、F、M 各 1 个。默认：各列的平均值。',
      language: '"zh"（中文）或 "en"（英文）。默认："cn8" 与 "course" 用中文，其余用英文。',
    },
  },
  "CUSTOMER.TAGS": {
    description: "每位客户的行为标签：活跃度（≤30 天高活跃、≤90 中活跃、≤180 低活跃，否则沉睡）、购买频次（≥5 高频、≥2 中频，否则低频）、客单价（按三分位数分高中低）。",
    parameters: {
      recency: "每位客户距最后一次下单的天数（0 或以上）。",
      frequency: "每位客户的订单数（0 或以上；为 0 时客单价标签为“无订单”）。",
      monetary: "每位客户的消费金额（本币）。",
      cuts: "3 行分界点，替换默认值：天数 {30,90,180}；频次 {2,5}；两个客单价（默认：1/3 与 2/3 分位数）。某行留空即用默认值。",
      language: '"zh"（中文，默认）或 "en"（英文）。',
    },
  },
  "FUNNEL.TARGET": {
    description: "倒推漏斗：达成目标所需的顶层人数（如进店客流）= 目标 ÷ 各环节转化率之积，向上取整一次（成交 100、转化率 40%、50%、25% 需 2000 人）。",
    parameters: {
      target: "漏斗底部想要的成交数（或客户数），大于 0。",
      rates: "自上而下每个环节的转化率，小数或百分比（40% 或 0.4），每个大于 0% 且不超过 100%。",
    },
  },
  "FUNNEL.PLAN": {
    description: "倒推漏斗：达成目标每个环节所需的人数，自上而下；每个环节 = 目标 ÷ 其下各转化率之积，各自向上取整一次。个数为转化率个数 + 1，形状同转化率。",
    parameters: {
      target: "漏斗底部想要的成交数（或客户数），大于 0。",
      rates: "自上而下每个环节的转化率，小数或百分比（40% 或 0.4），每个大于 0% 且不超过 100%。",
    },
  },
  "FUNNEL.STAGES": {
    description: "正推漏斗：从顶层人数出发，每个环节之后剩下的人数 {顶层; 顶层×r1; 顶层×r1×r2; …}，不取整。个数为转化率个数 + 1，形状同转化率。",
    parameters: {
      top: "进入漏斗的人数（如进店客流），大于 0。",
      rates: "自上而下每个环节的转化率，小数或百分比（40% 或 0.4），每个大于 0% 且不超过 100%。",
    },
  },
  "FUNNEL.LEVERS": {
    description: "杠杆分析：顶层人数和每个转化率逐一单独提升到改进值时，漏斗底部的成交数及比现在多出的成交数。每个杠杆一行：成交数、增量。",
    parameters: {
      top: "现在进入漏斗的人数（如进店客流），大于 0。",
      rates: "现在每个环节的转化率，小数或百分比（40% 或 0.4），每个大于 0% 且不超过 100%。",
      improved: "每个杠杆的改进值：先填顶层人数，再为每个环节各填一个转化率（小数或百分比）。",
    },
  },
  "FUNNEL.PYRAMID": {
    description: "客户分级金字塔：从 A 级往下每级所需客户数。A = 目标销售额 ÷ 客单价；以下各级 = A ÷ 其上晋级率之积，各自向上取整。课程的 50;150;450;1350;4050 是晋级率 1/3，30% 得 50;167;556;1852;6173。",
    parameters: {
      target_revenue: "要达成的销售额（本币），大于 0。",
      avg_order: "一位 A 级客户带来的销售额（平均订单金额），同一币种，大于 0。",
      promotion_rates: "下一级客户晋升到上一级的比例（如 30% 或 1/3）：填 1 个表示各级相同，或每级各填 1 个（先填 B→A）。",
      levels: "只填 1 个晋级率时的级数，2 到 26。默认：5（A 到 E）。每级各填晋级率时留空。",
    },
  },
  "FUNNEL.RATES": {
    description: "实际转化率：由各环节实际人数算出每一步的转化率 = 本环节人数 ÷ 上一环节人数，自上而下（{2000;800;400;100} → {0.4;0.5;0.25}），可直接用于 FUNNEL.TARGET。上一环节为 0 时该格为 #DIV/0!。",
    parameters: {
      counts: "到达每个环节的人数，自上而下（进店、有效线索、跟进、成交）：每个 0 或以上，不大于上一环节；平均数可带小数。",
    },
  },
  "PIPELINE.WEIGHTED": {
    description: "商机加权：每个商机的金额 × 其阶段在阶段赢率表中的赢率；阶段名称不区分大小写、全角半角，忽略多余空格。表中没有的阶段在该行显示 #N/A。结果个数与形状同金额。",
    parameters: {
      amounts: "每个商机的金额（本币），0 或以上（可读 12万、¥120,000）。",
      stages: "每个商机所处的销售阶段，名称同阶段赢率表；与金额一一对应。",
      stage_table: "两列：阶段名称及其赢率（60% 或 0.6，0% 到 100%）。可带标题行。",
    },
  },
  "TARGET.SPLIT": {
    description: "按权重把总目标拆成若干份，合计严格等于总目标（最大余数法），每份是取整单位的整数倍；余数相同时先给靠前的单元格。100 按 {1,1,1} → {34;33;33}。",
    parameters: {
      total: "要拆分的金额（如年度目标），须为取整单位的整数倍。",
      weights: "每一份的权重（占比、百分比，或去年销售额等金额），每个 0 或以上、不能全为 0：一行、一列或一个区域。",
      unit: "每一份都是它的整数倍（1、100、10000…），大于 0。默认：1。",
    },
  },
  "TARGET.SEASONAL": {
    description: "按历史数据的季节占比（各完整周期中每期占比的平均值）把总目标分到一个周期的各期，合计严格等于总目标，每期是取整单位的整数倍。",
    parameters: {
      total: "要分到各期的金额（如年度目标），须为取整单位的整数倍。",
      history: "过去的数值，0 或以上：每行一个周期的区域（年 × 12 个月），或按时间顺序的一行或一列。末尾不完整的周期不计入。",
      unit: "每期金额都是它的整数倍，大于 0。默认：1。",
      season_length: "历史数据为一行或一列时，每个周期的期数（月度 12，季度 4）。默认：12。为区域时即其列数。",
    },
  },
  "TARGET.TIERS": {
    description: "由标准目标得出保底、标准、挑战三档目标：标准目标 × 保底比例、标准目标、标准目标 × 挑战比例。返回一行三个金额。",
    parameters: {
      standard: "标准目标，0 或以上。",
      floor_ratio: "保底目标占标准目标的比例，大于 0% 且不超过 100%。默认：90%。",
      challenge_ratio: "挑战目标是标准目标的多少倍，1 或以上（120% 或 1.2）。默认：120%。",
    },
  },
  "TARGET.GRID": {
    description: "行 × 列计划（如销售 × 月份），每行合计严格等于行合计、每列合计严格等于列合计：先按迭代比例拟合（RAS）把权重拟合到两组合计，再把每格向下或向上取整为取整单位的整数倍，两组合计同时成立。",
    parameters: {
      row_totals: "每行的合计（如每位销售的年度指标），0 或以上，须为取整单位的整数倍：一列或一行。",
      column_totals: "每列的合计（如每月目标），0 或以上，须为取整单位的整数倍；总和须与行合计的总和相同。",
      weights: "行数 × 列数的权重，每个 0 或以上（如每人每月的去年业绩）；为 0 的格保持为 0。默认：全部相同（行合计 × 列占比）。",
      unit: "每格都是它的整数倍（1、100、10000…），大于 0。默认：1。",
    },
  },
  "QUOTA.ALLOCATE": {
    description: "为每位销售分配指标：按上期业绩、潜力与平均份额加权，新人再乘爬坡系数；合计严格等于总目标，每人是取整单位的整数倍。",
    parameters: {
      total: "要分配的团队目标，须为取整单位的整数倍。",
      history: "每人上期的业绩，0 或以上（新人填 0）。",
      potential: "每人负责区域或客户的潜力，0 或以上，顺序与历史数据相同。",
      weights: "三个权重 {历史, 潜力, 平均}，每个 0 或以上。默认：{1,0,0}；填了潜力时为 {0.5,0.5,0}。",
      capacity: "每人的爬坡系数，0% 到 100%（新人第一年约 37.5%），或一个值用于所有人。默认：100%。",
      unit: "每人的指标都是它的整数倍，大于 0。默认：1。",
    },
  },
  "QUOTA.RECONCILE": {
    description: "上下结合：保留每人自下而上的承诺目标，把总目标与承诺合计之差（可为负）按权重分摊、按取整单位取整；各人指标合计等于总目标。",
    parameters: {
      total: "自上而下的总目标，各人指标之和须等于它。",
      commitments: "每人自下而上承诺的金额，同一币种。",
      weights: "差额的分摊权重，每人一个，0 或以上、不能全为 0（如潜力）。",
      unit: "差额按它的整数倍分摊，大于 0；总目标 − 承诺合计须是它的整数倍。默认：1。",
    },
  },
  "TARGET.PACE": {
    description: "进度跟踪：应完成、进度指数、预计全期完成、尚需完成、剩余所需进度。不填计划时按时间线性计算；填了计划时按计划节奏。返回一行五个值。",
    parameters: {
      target: "整个期间的目标，大于 0。",
      actual: "截至目前的实际完成，0 或以上。",
      elapsed: "不填计划：已过时间的占比（30 天过了 12 天：=12/30）。填了计划：已完成的计划期数（6 = 六个月；6.5 = 第七期过半）。",
      plan: "每期的计划占比（合计 100%）或计划金额，0 或以上：目标按计划的节奏累计。",
    },
  },
  "KPI.CONVERSION": {
    description: "转化率：购买人数 ÷ 访客数。返回 0 到 1 的小数（单元格设为百分比格式）；访客数为 0 时为 #DIV/0!。",
    parameters: {
      buyers: "购买（成交）的人数，0 或以上，不超过访客数。",
      visitors: "访问的人数，0 或以上。",
    },
  },
  "KPI.AOV": {
    description: "客单价：销售额 ÷ 订单数。返回每单金额，与销售额同币种；订单数为 0 时为 #DIV/0!。",
    parameters: {
      revenue: "这些订单的销售额（本币），0 或以上。",
      orders: "订单数，0 或以上。",
    },
  },
  "KPI.MARGIN": {
    description: "利润率：利润 ÷ 销售额。返回小数（0.15 = 15%），亏损时为负；销售额为 0 时为 #DIV/0!。",
    parameters: {
      profit: "利润（本币），亏损为负数。",
      revenue: "销售额，同一币种，0 或以上。",
    },
  },
  "KPI.ROI": {
    description: "投资回报率：（回报 − 成本）÷ 成本。返回小数（0.5 = 赚 50%，−0.2 = 亏 20%）；成本为 0 时为 #DIV/0!。",
    parameters: {
      return_amount: "投资带来的回报（如由它产生的毛利），本币，0 或以上。",
      cost: "投资的成本，同一币种，0 或以上。",
    },
  },
  "KPI.ROAS": {
    description: "广告投入产出比（ROAS）：销售额 ÷ 广告花费。返回倍数（4 = 每花 1 元带来 4 元销售额）；广告花费为 0 时为 #DIV/0!。",
    parameters: {
      revenue: "广告带来的销售额（本币），0 或以上。",
      ad_spend: "广告花费，同一币种，0 或以上。",
    },
  },
  "KPI.CAC": {
    description: "获客成本（CAC）：获客投入 ÷ 新客户数。返回每位新客户的成本（本币）；新客户数为 0 时为 #DIV/0!。",
    parameters: {
      spend: "为获得这些新客户投入的销售与营销费用（本币），0 或以上。",
      new_customers: "新获得的客户数，0 或以上。",
    },
  },
  "KPI.REPURCHASE": {
    description: "复购率：复购人数 ÷ 购买人数。返回 0 到 1 的小数（单元格设为百分比格式）；购买人数为 0 时为 #DIV/0!。",
    parameters: {
      repeat_buyers: "期内再次购买的人数，0 或以上，不超过购买人数。",
      buyers: "期内的全部购买人数，0 或以上。",
    },
  },
  "KPI.CHURN": {
    description: "流失率：流失客户数 ÷ 期初客户数。返回 0 到 1 的小数；期初客户数为 0 时为 #DIV/0!。",
    parameters: {
      lost: "期初客户中在期内流失的人数，0 或以上，不超过期初客户数。",
      customers_at_start: "期初的客户数，0 或以上。",
    },
  },
  "KPI.COLLECTION": {
    description: "回款率：回款金额 ÷ 开票金额。返回小数（0.95 = 95%；收回前期欠款时可超过 1）；开票金额为 0 时为 #DIV/0!。",
    parameters: {
      collected: "期内实际收回的金额（本币），0 或以上。",
      billed: "期内开票（应收）的金额，同一币种，0 或以上。",
    },
  },
  "KPI.CLV": {
    description: "客户生命周期价值：每期毛利 × 留存率 ÷（1 + 折现率 − 留存率）。返回金额，与毛利同币种；留存率 100% 且折现率为 0 时为 #NUM!。",
    parameters: {
      margin_per_period: "一位客户每期（如每年）带来的毛利（本币）。",
      retention: "从一期到下一期留下来的客户比例，0% 到 100%（80% 或 0.8）。",
      discount: "每期的折现率，0% 到 100%。默认：10%。",
    },
  },
  "KPI.SCORE": {
    description: "绩效考核得分：Σ 权重 × min(实际 ÷ 目标, 封顶值) ÷ Σ 权重；越低越好的指标按 目标 ÷ 实际。返回小数（1 = 全部达标）；权重全为 0 时为 #DIV/0!。",
    parameters: {
      actuals: "每项指标的实际值，单位与该指标相同。",
      targets: "每项指标的目标，与其实际值同单位，大于 0。",
      weights: "每项指标的权重，0 或以上（如 40% 或 40），合计不必为 100%。",
      cap: "单项指标达成率的上限，100% 到 1000%（120% 或 1.2）。默认：120%。",
      lower_is_better: "每项指标一个：越低越好的（如获客成本、退货率）填 TRUE 或 1，否则填 FALSE、0 或留空。默认：全部 FALSE。",
    },
  },
  "COMMISSION.TIERED": {
    description: '阶梯提成。"marginal"（超额累进）：每段按所在档位的比例；"flat"（全额）：整笔按达到的档位的比例。返回提成金额（本币）；低于第一档时为 0。',
    parameters: {
      amount: "计算提成的业绩（或毛利），本币。低于第一档或为负数时，提成为 0。",
      tiers: "两列：每档的下限（本币，0 或以上，递增）及该档的提成比例（5% 或 0.05）。",
      mode: '"marginal"（默认，超额累进：每段按各自的比例）或 "flat"（全额：整笔按达到的档位的比例）。',
    },
  },
  "FORECAST.MA": {
    description: "移动平均预测：最近几期（窗口期数）数值的平均，作为未来每一期的预测。返回预测期数个值，形状同历史数据（一列，或历史数据为一行时为一行）。",
    parameters: {
      history: "过去的数值，从早到晚，一行或一列，中间不能有空（如月度销售额）。",
      window: "取最近多少个值求平均，1 到数值个数之间的整数。",
      horizon: "要预测的期数，1 到 10000。默认：1。",
    },
  },
  "FORECAST.SES": {
    description: "一次指数平滑，与 R 的 HoltWinters(beta=FALSE, gamma=FALSE) 一致：水平从第一个值开始。省略水平平滑系数时自动拟合（一步预测误差平方和最小）。各期预测相同。",
    parameters: {
      history: "过去的数值，从早到晚，一行或一列，中间不能有空，至少 2 个。",
      horizon: "要预测的期数，1 到 10000 的整数。",
      alpha: "水平的平滑系数 α，0 到 1（0.3 或 30%）。默认：按历史数据拟合。",
    },
  },
  "FORECAST.HOLT": {
    description: "霍尔特线性趋势预测，与 R 的 HoltWinters(gamma=FALSE) 一致：水平从第 2 个值开始，趋势从第 2 个减第 1 个开始。省略的平滑系数自动拟合（一步预测误差平方和最小）。",
    parameters: {
      history: "过去的数值，从早到晚，一行或一列，中间不能有空，至少 3 个。",
      horizon: "要预测的期数，1 到 10000 的整数。",
      alpha: "水平的平滑系数 α，0 到 1。默认：按历史数据拟合。",
      beta: "趋势的平滑系数 β，0 到 1。默认：按历史数据拟合。",
    },
  },
  "FORECAST.HW": {
    description: "季节性霍尔特-温特斯预测，与 R 的 stats::HoltWinters 一致（不是 Excel 的 FORECAST.ETS）。至少需要两个完整周期的历史数据；省略的平滑系数自动拟合。",
    parameters: {
      history: "过去的数值，从早到晚，一行或一列，中间不能有空，至少两个完整周期（季节周期为 12 时需 24 个月）。",
      horizon: "要预测的期数，1 到 10000 的整数。",
      season_length: "一个周期有多少期：月度数据 12，季度 4，按天看一周 7（2 到 366）。",
      model: '"additive"（加法：季节波动幅度固定）或 "multiplicative"（乘法：波动随水平变大，数值须大于 0）。默认："additive"。',
      alpha: "水平的平滑系数 α，0 到 1。默认：自动拟合（一步预测误差平方和最小）。",
      beta: "趋势的平滑系数 β，0 到 1。默认：自动拟合。",
      gamma: "季节的平滑系数 γ，0 到 1。默认：自动拟合。",
    },
  },
  "FORECAST.HW.PARAMS": {
    description: "FORECAST.HW 在三个平滑系数都省略时为历史数据拟合出的 alpha、beta、gamma，以及一步预测误差平方和 SSE。返回 4 个值，形状同历史数据。",
    parameters: {
      history: "过去的数值，从早到晚，一行或一列，中间不能有空，至少两个完整周期。",
      season_length: "一个周期有多少期：月度数据 12，季度 4（2 到 366）。",
      model: '"additive" 或 "multiplicative"（数值须大于 0）。默认："additive"。',
    },
  },
  "FORECAST.ACCURACY": {
    description: "预测准确度：{MAE, RMSE, MAPE %, sMAPE %, MASE}，形状同实际值。算不出的指标在自己的单元格显示错误：实际值有 0 时 MAPE 为 #DIV/0!，没有训练数据时 MASE 为 #N/A。",
    parameters: {
      actual: "实际观测值，一行或一列，中间不能有空。",
      forecast: "同一期间的预测值，个数与实际值相同。",
      training: "做预测所用的历史数据，用作 MASE 的尺度（一个周期内的平均变化）。默认：无（MASE 为 #N/A）。",
      season_length: "MASE 季节朴素预测的周期长度，≥ 1 的整数（月度数据填 12）。默认：1。",
    },
  },
  "FORECAST.INTERVAL": {
    description: "带预测区间的预测，与 R 的 predict.HoltWinters(prediction.interval=TRUE) 完全一致（含乘法模型中 R 自身的下标特例），不是 Excel 的 FORECAST.ETS。每期返回下限、预测值、上限。",
    parameters: {
      history: "过去的数值，从早到晚，一行或一列，中间不能有空：ses 至少 3 个，holt 至少 4 个，季节模型至少两个完整周期。",
      horizon: "要预测的期数，1 到 10000 的整数。",
      season_length: "一个周期有多少期：月度数据 12，季度 4（2 到 366）。默认：无季节（1）。",
      model: '"ses"（一次指数平滑）、"holt"（线性趋势）、"additive"（加法季节）或 "multiplicative"（乘法季节，数值须大于 0）。默认：填了季节周期为 "additive"，否则 "holt"。',
      level: "区间包含实际值的概率，0 到 1 之间（0.95 或 95%）。默认：0.95。",
      alpha: "水平的平滑系数 α，0 到 1。默认：自动拟合（一步预测误差平方和最小）。",
      beta: "趋势的平滑系数 β，0 到 1（ses 不用）。默认：自动拟合。",
      gamma: "季节的平滑系数 γ，0 到 1（仅季节模型）。默认：自动拟合。",
    },
  },
  "FORECAST.LINEAR": {
    description: "线性趋势加季节虚拟变量的最小二乘回归（R 的 lm(y ~ t + factor(season))，QR 分解求解），带 predict.lm 的预测区间；不填季节周期即 Excel 的 FORECAST.LINEAR 直线。每期返回下限、预测值、上限。",
    parameters: {
      history: "过去的数值，从早到晚，一行或一列，中间不能有空：至少季节周期 + 2 个（无季节时 3 个）。",
      horizon: "要预测的期数，1 到 10000 的整数。",
      season_length: "一个周期有多少期：月度数据 12，季度 4（1 到 366）。默认：1，即一条直线。",
      level: "区间包含实际值的概率，0 到 1 之间（0.95 或 95%）。默认：0.95。",
    },
  },
  "FORECAST.BACKTEST": {
    description: "回测：用除最后若干期外的数据拟合各方法（移动平均、一次指数平滑、霍尔特、霍尔特-温特斯加法与乘法、线性回归），在留出的各期上评分。首行为标题，每个能运行的方法一行，RMSE 最小的在前。",
    parameters: {
      history: "过去的数值，从早到晚，一行或一列，中间不能有空。",
      holdout: "留出最近多少期用于检验（如 12 个月），1 以上的整数。",
      season_length: "一个周期有多少期：月度数据 12，季度 4（1 到 366）。默认：1，无季节。",
    },
  },
  "CLV.SUMMARY": {
    description: "由订单明细汇总出每位客户一行，供 BG/NBD 与 Gamma-Gamma 模型使用：客户、重复购买次数、首末购买间隔与观察期长（期数）、复购平均金额。",
    parameters: {
      customer_ids: "每笔订单的客户：文本或数字（1001 与文本“1001”是同一位客户）。",
      order_dates: "每笔订单的日期：日期，或 2024-03-31 这样的文本。同一天的多笔订单算一次购买。",
      amounts: "每笔订单的金额（本币）。",
      analysis_date: "观察期的截止日期；晚于它的订单会报错。默认：最晚的下单日期。",
      period_days: "首末购买间隔与观察期长以几天为一期：7 为周（默认），1 为天，30 为月。",
      headers: "TRUE 时在结果首行加标题。默认：FALSE。",
    },
  },
  "CLV.FIT": {
    description: "按最大似然拟合 BG/NBD 模型（Fader、Hardie、Lee 2005）：返回购买率参数 r、alpha，流失参数 a、b 与对数似然，供 CLV.PURCHASES、CLV.ALIVE、CLV.VALUE 使用。",
    parameters: {
      frequency: "每位客户的重复购买次数，0 或以上的整数（CLV.SUMMARY 的 frequency 列）。",
      recency: "每位客户首次到最后一次购买相隔的期数（CLV.SUMMARY 的 recency 列，不是距今天数）；没有重复购买时为 0。",
      T: "每位客户首次购买到分析日期的期数（CLV.SUMMARY 的 T 列），不小于首末购买间隔。",
    },
  },
  "CLV.PURCHASES": {
    description: "每位客户未来若干期的预期购买次数（BG/NBD，Fader、Hardie、Lee 2005 式 10）：按周时，未来期数 52 即未来 12 个月预计下单几次。",
    parameters: {
      params: "CLV.FIT 返回的 r、alpha、a、b（可直接选其 5 个单元格，对数似然不参与计算）。",
      t: "向后预测的期数，单位同首末购买间隔与观察期长（按周时 52 为一年），大于 0。",
      frequency: "每位客户的重复购买次数（CLV.SUMMARY 的 frequency 列）。",
      recency: "每位客户首次到最后一次购买相隔的期数（CLV.SUMMARY 的 recency 列）。",
      T: "每位客户首次购买到分析日期的期数（CLV.SUMMARY 的 T 列）。",
    },
  },
  "CLV.ALIVE": {
    description: "每位客户仍然活跃（尚未流失）的概率（BG/NBD，Fader、Hardie、Lee 2005）。没有重复购买的客户为 1：模型只让客户在某次重复购买之后流失。",
    parameters: {
      params: "CLV.FIT 返回的 r、alpha、a、b（可直接选其 5 个单元格，对数似然不参与计算）。",
      frequency: "每位客户的重复购买次数（CLV.SUMMARY 的 frequency 列）。",
      recency: "每位客户首次到最后一次购买相隔的期数（CLV.SUMMARY 的 recency 列）。",
      T: "每位客户首次购买到分析日期的期数（CLV.SUMMARY 的 T 列）。",
    },
  },
  "CLV.SPEND.FIT": {
    description: "用有重复购买的客户拟合 Gamma-Gamma 消费金额模型（Fader、Hardie、Lee 2005）：返回 p、q、v 与对数似然，供 CLV.VALUE 使用。至少需要 2 位重复购买客户。",
    parameters: {
      frequency: "每位客户的重复购买次数（CLV.SUMMARY 的 frequency 列）；为 0 的客户不参与拟合。",
      monetary_value: "每位客户重复购买的平均金额（CLV.SUMMARY 的 monetary_value 列）；重复购买次数大于 0 时须大于 0。",
    },
  },
  "CLV.VALUE": {
    description: "每位客户未来若干个月的折现价值：逐月的预期购买次数（BG/NBD）× 每次预期消费金额（Gamma-Gamma），同 lifetimes 的 customer_lifetime_value。",
    parameters: {
      params: "CLV.FIT 返回的 r、alpha、a、b（可直接选其 5 个单元格）。",
      spend_params: "CLV.SPEND.FIT 返回的 p、q、v（可直接选其 4 个单元格）。",
      frequency: "每位客户的重复购买次数（CLV.SUMMARY 的 frequency 列）。",
      recency: "每位客户首次到最后一次购买相隔的期数（CLV.SUMMARY 的 recency 列）。",
      T: "每位客户首次购买到分析日期的期数（CLV.SUMMARY 的 T 列）。",
      monetary_value: "每位客户重复购买的平均金额（CLV.SUMMARY 的 monetary_value 列）。",
      months: "计算价值的月数，1 到 1200 的整数。默认：12。",
      discount: "每月折现率，0 到 1（1% 或 0.01）。默认：1%。",
      periods_per_month: "一个月有几期：按周为 4.345（默认），按天为 30。",
    },
  },
};
