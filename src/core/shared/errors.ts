/**
 * Typed domain errors of the calculation core.
 *
 * The core never formats a sentence for a user: it throws a `CoreError` that carries a stable `code`, the
 * Excel error kind it maps to, and the facts a message needs (which argument, which position, which value).
 * The custom-function edge turns it into a localised `CustomFunctions.Error` once (src/functions/shared);
 * the task pane turns it into a MessageBar. Node callers (tests, benchmarks, a CLI) can read the fields.
 */

/** The Excel error a problem surfaces as. Excel shows a message only on `#VALUE!` and `#N/A`. */
export type ErrorKind = "value" | "na" | "div0" | "num";

/**
 * Where a problem is. `index` is a 0-based position in a list argument (worded "row 17" or "column 3"
 * depending on the list's orientation); `row`/`column` are 1-based coordinates in a 2-D range argument.
 */
export interface Where {
  arg: string;
  index?: number;
  row?: number;
  column?: number;
}

/** Every problem the core or the adapters can report, with the facts its message needs. */
export interface ErrorDetails {
  /** A blank cell inside the data (trailing blank rows are trimmed before this is raised). */
  BLANK: Where;
  /** Text where a number is needed. */
  NOT_A_NUMBER: Where & { value: string };
  /** TRUE/FALSE where a number is needed. */
  BOOLEAN_NOT_NUMBER: Where & { value: string };
  /** Text or a number that is not a date. */
  NOT_A_DATE: Where & { value: string };
  /** An Excel error value (#N/A, #REF!, …) inside an argument. */
  ERROR_IN_INPUT: Where & { value: string };
  /** A number below the allowed minimum (`min`, inclusive unless `exclusive`). */
  TOO_SMALL: Where & { value: number; min: number; exclusive?: boolean };
  /** A number above the allowed maximum (`max`, inclusive unless `exclusive`). */
  TOO_LARGE: Where & { value: number; max: number; exclusive?: boolean };
  /** A number that must be a whole number. */
  NOT_INTEGER: Where & { value: number };
  /** A rate written as a percentage number (40 instead of 40% or 0.4). */
  RATE_AS_PERCENT: Where & { value: number };
  /** A list argument, or a row of a range, that holds nothing but blanks. */
  EMPTY: Where;
  /** A range that is neither one row nor one column where a list is needed. */
  NOT_A_LIST: Where & { rows: number; columns: number };
  /** Two lists that must be parallel but have different lengths. */
  LENGTH_MISMATCH: Where & { length: number; otherArg: string; otherLength: number };
  /** A range of the wrong number of rows or columns (whichever of `expectedRows`/`expectedColumns` is set). */
  BAD_SHAPE: Where & { expectedRows?: number; expectedColumns?: number; rows: number; columns: number };
  /** A string option that is not one of the allowed choices. */
  UNKNOWN_OPTION: Where & { value: string; choices: readonly string[] };
  /** An argument given where it has no effect: `because` is the argument and `value` the choice that make it unused. */
  UNUSED_ARGUMENT: Where & { because: string; value: string };
  /** Values that must be strictly ascending are not. */
  NOT_ASCENDING: Where & { value: number; previous: number };
  /** An order dated after the analysis date. */
  ORDER_AFTER_ANALYSIS: Where & { date: number; analysisDate: number };
  /** The first row of the data looks like a header. */
  HEADER_ROW: Where & { value: string };
  /** A rule whose lower bound is above its upper bound. */
  BAD_BOUNDS: Where & { lower: number; upper: number };
  /** A denominator of zero. */
  DIVISION_BY_ZERO: Where;
  /** A result too large (or too small) to be a meaningful number in a cell. */
  RESULT_OUT_OF_RANGE: Where;
  /** A part larger than its whole (repeat buyers above buyers), usually swapped arguments. */
  EXCEEDS_ARGUMENT: Where & { value: number; otherArg: string; otherValue: number };
  /** A what-if list that needs one value per lever: the top count, then one per rate of `otherArg`. */
  LEVER_COUNT: Where & { length: number; expected: number; otherArg: string };
  /** A number of levels that does not fit a list of per-step rates: n rates give `levels` = n + 1 levels. */
  LEVELS_MISMATCH: Where & { value: number; levels: number; otherArg: string };
  /**
   * A total that cannot be split into whole multiples of the unit; `below`/`above` are the nearest that can,
   * each left out when it lies beyond the largest double (the one nearer 0 never does).
   */
  NOT_MULTIPLE_OF_UNIT: Where & { value: number; unit: number; below?: number; above?: number };
  /** Weights (or history) that are all zero, so there is nothing to split by. */
  ALL_ZERO: Where;
  /** Period shares that do not add up to 100%; `percent` is what they add up to. */
  SHARES_NOT_ONE: Where & { percent: number };
  /** An optional argument that is needed because `because` gives it a weight. */
  MISSING_ARGUMENT: Where & { because: string };
  /** A season (a row of a history block, or a stretch of periods) whose values add up to 0. */
  ZERO_SEASON: Where;
  /** A list with fewer values than the calculation needs (a forecast needs two full seasons of history). */
  TOO_FEW_VALUES: Where & { length: number; needed: number };
  /** A list longer than a function can use in reasonable time (Excel would show #BUSY!); `max` is the limit. */
  TOO_MANY_VALUES: Where & { length: number; max: number };
  /** A result (one cell of an array, such as MASE) that needs an optional argument which was left out. */
  NEEDED_FOR: Where & { result: string };

  /** A number written as text beyond the largest a cell holds (`max`, 9.99999999999999E+307); `value` as written. */
  NUMBER_TOO_LARGE: Where & { value: string; max: number };

  // --- Customer lifetime value (BG/NBD, Gamma-Gamma: src/core/clv) ---
  /** A customer without repeat purchases (`otherArg`, frequency, is 0) whose recency is not 0. */
  RECENCY_WITHOUT_REPEAT: Where & { value: number; otherArg: string };
  /** Fewer customers with repeat purchases than a model needs (the spend model needs 2). */
  TOO_FEW_REPEAT_CUSTOMERS: Where & { count: number; needed: number };
  /**
   * A model whose likelihood has no maximum inside the parameter space: `no-repeat` (no customer bought
   * twice), `no-variation` (every repeat customer spends the same on average), or `limit` (the maximum lies
   * at a limit of `parameter`, 0 or infinity).
   */
  MODEL_NOT_FITTED: Where & { model: string; reason: "no-repeat" | "no-variation" | "limit"; parameter?: string };
  /** A parameter list of the wrong length: `expected` values named `names`. */
  PARAM_COUNT: Where & { length: number; expected: number; names: string };
  /** A series that does not reach full precision within its term limit (a horizon far beyond the data). */
  NOT_CONVERGED: Where;
  /** A mean spend that is infinite: q ≤ 1 for a customer without repeat purchases (p·x + q ≤ 1 in general). */
  SPEND_MEAN_UNDEFINED: Where & { q: number };

  // --- Funnel rates and the weighted pipeline (src/core/funnel: funnel-rates.ts, pipeline-weighted.ts) ---
  /** An observed stage count above the count of the stage before it (`previous`): counts must not rise down a funnel. */
  COUNT_RISES: Where & { value: number; previous: number };
  /** A list of stage counts with one stage only: a conversion rate needs a stage and the one below it. */
  TOO_FEW_STAGES: Where;
  /** An opportunity's stage that `otherArg` (the stage table) does not list. */
  UNKNOWN_STAGE: Where & { value: string; otherArg: string };
  /** A stage listed twice in a stage table with different probabilities; `otherRow` is its first row. */
  DUPLICATE_STAGE: Where & { value: string; probability: number; otherRow: number; otherProbability: number };

  // --- Forecast intervals, seasonal regression, backtests (src/core/forecast) ---
  /** An optional argument that the choice `value` of `because` needs (season_length for a seasonal model). */
  NEEDED_WITH_OPTION: Where & { because: string; value: string };
  /** A holdout that leaves too little history to fit on: `length` values, `needed` = holdout + the least a method needs. */
  HOLDOUT_TOO_LONG: Where & { value: number; length: number; needed: number };

  // --- Plans that add up both ways (TARGET.GRID: src/core/targets/grid*.ts) ---
  /** Row totals (`arg`) and column totals (`otherArg`) whose sums differ: `total` against `otherTotal`. */
  MARGINS_DIFFER: Where & { total: number; otherArg: string; otherTotal: number };
  /**
   * Totals the zero pattern of the weights cannot place: the `count` rows (`side` "row") or columns at
   * `positions` (1-based, "2, 4, 5", at most five then "…") add up to `total`, but the columns (rows)
   * where they have a weight above 0 add up to only `reachable`.
   */
  GRID_UNREACHABLE: Where & { side: "row" | "column"; positions: string; count: number; total: number; reachable: number };
  /** A plan of `rows` × `columns` too large to compute quickly: with that many columns at most `maxRows` rows (or the other way round). */
  GRID_TOO_LARGE: Where & { rows: number; columns: number; maxRows?: number; maxColumns?: number };
  /** Totals adding up to more units of `unit` than a plan keeps to the last unit: `max` is the most. */
  GRID_TOTAL_TOO_LARGE: Where & { total: number; unit: number; max: number };
  /** A proportional fit that did not converge (or not closely enough for the rounding). */
  GRID_NOT_CONVERGED: Where;
}

export type ErrorCode = keyof ErrorDetails;

/** A problem with the input, raised by the core or the adapters and mapped to an Excel error at the edge. */
export class CoreError<C extends ErrorCode = ErrorCode> extends Error {
  readonly code: C;
  readonly kind: ErrorKind;
  readonly details: ErrorDetails[C];

  constructor(code: C, details: ErrorDetails[C], kind: ErrorKind = "value") {
    super(`${code} ${JSON.stringify(details)}`);
    this.name = "CoreError";
    this.code = code;
    this.kind = kind;
    this.details = details;
  }
}

/** Shorthand used across the core: `throw fail("EMPTY", { arg: "amounts" })`. */
export function fail<C extends ErrorCode>(code: C, details: ErrorDetails[C], kind: ErrorKind = "value"): CoreError<C> {
  return new CoreError(code, details, kind);
}

export function isCoreError(error: unknown): error is CoreError {
  return error instanceof CoreError;
}
