import type { BacktestMethod } from "../core/forecast/backtest";
import type { Language } from "./language";

/** Header row of FORECAST.BACKTEST: the method, then the metrics as FORECAST.ACCURACY names them. */
export const BACKTEST_HEADERS: Readonly<Record<Language, readonly [string, string, string, string, string]>> = {
  zh: ["方法", "MAE", "RMSE", "MAPE %", "MASE"],
  en: ["method", "MAE", "RMSE", "MAPE %", "MASE"],
};

/** A backtest method as its row is labelled; the moving average names its window, LINEAR whether it has a season. */
export function backtestMethodLabel(language: Language, method: BacktestMethod, window: number, seasonal: boolean): string {
  const zh = language === "zh";
  switch (method) {
    case "ma":
      return zh ? `移动平均（${window}期）` : `Moving average (${window})`;
    case "ses":
      return zh ? "一次指数平滑" : "Simple exponential smoothing";
    case "holt":
      return zh ? "霍尔特线性趋势" : "Holt linear trend";
    case "hw-additive":
      return zh ? "霍尔特-温特斯（加法）" : "Holt-Winters additive";
    case "hw-multiplicative":
      return zh ? "霍尔特-温特斯（乘法）" : "Holt-Winters multiplicative";
    case "linear":
      if (seasonal) return zh ? "线性趋势 + 季节" : "Linear trend + season";
      return zh ? "线性趋势" : "Linear trend";
  }
}
