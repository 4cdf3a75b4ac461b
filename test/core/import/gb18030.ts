/**
 * A test-only GB18030 encoder: Node has no GB18030 TextEncoder, so the table is built from the decoder the
 * sniffer and the engine use (TextDecoder("gb18030")) — every two-byte sequence (lead 0x81–0xFE, trail
 * 0x40–0x7E or 0x80–0xFE: all of GBK, every Chinese character of an order export) and every four-byte
 * sequence of the Basic Multilingual Plane (0x81–0x84, 0x30–0x39, 0x81–0xFE, 0x30–0x39: `¥` U+00A5 is one)
 * decoded once. ASCII stays one byte. A character the table lacks throws, so a test never encodes silently
 * wrong. Its two-byte codes are checked against the GB 2312 code chart in sniff.test.ts.
 */
let table: Map<string, number[]> | undefined;

function codeTable(): Map<string, number[]> {
  if (table !== undefined) return table;
  const codes = new Map<string, number[]>();
  const decoder = new TextDecoder("gb18030");
  const add = (bytes: number[]) => {
    const char = decoder.decode(new Uint8Array(bytes));
    if (char.length === 1 && char !== "\ufffd" && !codes.has(char)) codes.set(char, bytes);
  };
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) if (trail !== 0x7f) add([lead, trail]);
  }
  for (let b1 = 0x81; b1 <= 0x84; b1++) {
    for (let b2 = 0x30; b2 <= 0x39; b2++) {
      for (let b3 = 0x81; b3 <= 0xfe; b3++) for (let b4 = 0x30; b4 <= 0x39; b4++) add([b1, b2, b3, b4]);
    }
  }
  table = codes;
  return codes;
}

export function encodeGb18030(text: string): Uint8Array {
  const map = codeTable();
  const out: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0) as number;
    if (code < 0x80) {
      out.push(code);
      continue;
    }
    const bytes = map.get(char);
    if (bytes === undefined) throw new Error(`No GB18030 code for ${char} (U+${code.toString(16)})`);
    out.push(...bytes);
  }
  return new Uint8Array(out);
}
