/**
 * Generated order files for the import engine's browser test and `npm run bench`: an online shop's order
 * export with Chinese headers, as Chinese Excel or WPS writes it (GB18030) or as UTF-8. Deterministic (a
 * seeded generator), written in blocks, so 10 million rows take seconds.
 *
 * Columns: 订单号 (order id), 客户 (customer: "C000123", or "客户123" for a third of them), 下单日期 (order
 * date in the forms the core reads: 2024-03-01, 2024/3/1, 2024年3月1日, with a time on some rows),
 * 实付金额 (amount: 1234.56, "¥1,234.56" (quoted: it holds the comma) or 1234.56元; a refund now and then,
 * negative), 销售员 (salesperson),
 * 渠道 (channel). Customers are skewed: a few buy often, most rarely.
 *
 * With `collect`, the rows' customer ids, dates (Excel serials) and amounts are returned as the core reads
 * them, for the test to compute RFM.TABLE and CLV.SUMMARY in Node on the same orders.
 */
const { openSync, writeSync, closeSync } = require("node:fs");

const HEADER = ["订单号", "客户", "下单日期", "实付金额", "销售员", "渠道"];
const PEOPLE = ["张伟", "王芳", "李娜", "刘洋", "陈静"];
const CHANNELS = ["天猫", "京东", "抖音"];
/** Excel serial of 2023-01-01; orders span two years from it. */
const FIRST_SERIAL = 44927;
const DAYS = 730;
const EPOCH_MS = Date.UTC(1899, 11, 30);

/** mulberry32: a small, fast, seeded generator (uniform in [0, 1)). */
function generator(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * GB18030 bytes of the few non-ASCII characters these files hold, found by decoding every two-byte and
 * four-byte code with the platform's own GB18030 decoder (ICU) — no encoder table to maintain.
 */
let gb18030Table;
function gb18030Bytes(char) {
  if (gb18030Table === undefined) {
    gb18030Table = new Map();
    const decoder = new TextDecoder("gb18030");
    for (let b1 = 0x81; b1 <= 0xfe; b1++) {
      for (let b2 = 0x40; b2 <= 0xfe; b2++) {
        if (b2 === 0x7f) continue;
        const text = decoder.decode(Uint8Array.of(b1, b2));
        if (text.length === 1 && !gb18030Table.has(text)) gb18030Table.set(text, [b1, b2]);
      }
    }
    // ¥ (U+00A5) is one of GB18030's four-byte codes: 0x81 0x30 0x84 0x36.
    const yen = Uint8Array.of(0x81, 0x30, 0x84, 0x36);
    if (decoder.decode(yen) !== "¥") throw new Error("this platform's GB18030 decoder does not read ¥ as expected");
    gb18030Table.set("¥", [...yen]);
  }
  const bytes = gb18030Table.get(char);
  if (bytes === undefined) throw new Error(`no GB18030 code found for ${char}`);
  return bytes;
}

/** Text to bytes: UTF-8, or GB18030 for the characters these files use. */
function encoder(encoding) {
  if (encoding === "utf-8") return (text) => Buffer.from(text, "utf8");
  if (encoding !== "gb18030") throw new Error(`unknown encoding ${encoding}`);
  return (text) => {
    const out = Buffer.allocUnsafe(text.length * 4);
    let n = 0;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code < 0x80) out[n++] = code;
      else for (const byte of gb18030Bytes(text[i])) out[n++] = byte;
    }
    return out.subarray(0, n);
  };
}

const pad = (n, width = 2) => String(n).padStart(width, "0");

/** The date text of an Excel serial, in one of the forms the core reads (chosen by `form`, 0–9). */
function dateText(serial, form, seconds) {
  const d = new Date(EPOCH_MS + serial * 86_400_000);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + 1;
  const day = d.getUTCDate();
  if (form <= 5) return `${y}-${pad(m)}-${pad(day)}`;
  if (form <= 7) return `${y}/${m}/${day}`;
  if (form === 8) return `${y}年${m}月${day}日`;
  return `${y}-${pad(m)}-${pad(day)} ${pad(Math.floor(seconds / 3600))}:${pad(Math.floor(seconds / 60) % 60)}:${pad(seconds % 60)}`;
}

/** The amount text of a number of cents, in one of the forms the core reads (chosen by `form`, 0–7). */
function amountText(cents, form) {
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(cents);
  const plain = `${Math.floor(abs / 100)}.${pad(abs % 100)}`;
  if (form <= 5) return sign + plain;
  // With a thousands separator the field holds the delimiter, so it is quoted, as Excel writes it.
  if (form === 6) return `"${sign}¥${Math.floor(abs / 100).toLocaleString("en-US")}.${pad(abs % 100)}"`;
  return `${sign}${plain}元`;
}

/**
 * Writes `rows` orders to `path`. Options: encoding ("gb18030" or "utf-8"), seed, customers (how many
 * distinct customers, default rows / 20), collect (return the rows as read: ids, serials, amounts),
 * lineBreak ("\r\n" as Excel writes, or "\n").
 */
function writeOrderFile(path, rows, options = {}) {
  const { encoding = "utf-8", seed = 20241201, collect = false, lineBreak = "\r\n" } = options;
  const customers = options.customers ?? Math.max(1, Math.floor(rows / 20));
  const random = generator(seed);
  const encode = encoder(encoding);
  const ids = collect ? new Array(rows) : undefined;
  const serials = collect ? new Float64Array(rows) : undefined;
  const amounts = collect ? new Float64Array(rows) : undefined;
  const fd = openSync(path, "w");
  let bytes = 0;
  try {
    let block = HEADER.join(",") + lineBreak;
    for (let i = 0; i < rows; i++) {
      const r = random();
      const c = Math.floor(customers * r * r);
      const id = c % 3 === 0 ? `客户${c}` : `C${pad(c, 6)}`;
      const serial = FIRST_SERIAL + Math.floor(random() * DAYS);
      const cents = (i % 97 === 0 ? -1 : 1) * (100 + Math.floor(random() * 200_000));
      const seconds = Math.floor(random() * 86_400);
      block += `O${i + 1},${id},${dateText(serial, i % 10, seconds)},${amountText(cents, i % 8)},${PEOPLE[c % PEOPLE.length]},${CHANNELS[i % CHANNELS.length]}${lineBreak}`;
      if (collect) {
        ids[i] = id;
        serials[i] = serial;
        amounts[i] = cents / 100;
      }
      if (block.length >= 1 << 20) {
        bytes += writeSync(fd, encode(block));
        block = "";
      }
    }
    bytes += writeSync(fd, encode(block));
  } finally {
    closeSync(fd);
  }
  return { rows, bytes, customers, ids, serials, amounts };
}

module.exports = { writeOrderFile, dateText, amountText, HEADER, gb18030Bytes };
