import fc from "fast-check";
import { gb18030Bytes } from "../../../bench/order-file.cjs";
import { EngineError } from "../../../src/taskpane/features/import/engine-contract";
import { transcodeToUtf8 } from "../../../src/taskpane/features/import/engine/transcode";

/** GB18030 bytes of text made of ASCII and the characters the order-file generator knows. */
function gb18030(text: string): Uint8Array<ArrayBuffer> {
  const bytes: number[] = [];
  for (const char of text) {
    if (char.charCodeAt(0) < 0x80) bytes.push(char.charCodeAt(0));
    else bytes.push(...gb18030Bytes(char));
  }
  return new Uint8Array(bytes);
}

const utf8 = async (blob: Blob) => new TextDecoder("utf-8").decode(await blob.arrayBuffer());

const SAMPLE = '订单号,客户,下单日期,实付金额\r\nO1,客户12,2024年3月1日,"¥1,200.00"\r\nO2,C000034,2024/3/2,99.50元\r\n';

describe("transcodeToUtf8", () => {
  it("re-encodes a GB18030 file as UTF-8, two- and four-byte characters (¥) included", async () => {
    const bytes = gb18030(SAMPLE);
    expect(bytes.length).toBeLessThan(new TextEncoder().encode(SAMPLE).length); // two bytes a Hanzi, not three
    expect(await utf8(await transcodeToUtf8(new Blob([bytes]), "gb18030"))).toBe(SAMPLE);
  });

  it("gives the same text whatever the slice size, characters cut between slices included", async () => {
    const bytes = gb18030(SAMPLE);
    for (let chunkBytes = 1; chunkBytes <= 9; chunkBytes++) {
      expect(await utf8(await transcodeToUtf8(new Blob([bytes]), "gb18030", { chunkBytes }))).toBe(SAMPLE);
    }
  });

  it("property: any text of ASCII and Hanzi, any slice size, comes out as it went in", async () => {
    const alphabet = [..."ab,\r\n\"0123456789.-订单号客户下单日期实付金额销售员渠道张伟王芳李娜刘洋陈静天猫京东抖音年月日元¥"];
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(...alphabet), { maxLength: 200 }), fc.integer({ min: 1, max: 64 }), async (chars, chunkBytes) => {
        const text = chars.join("");
        expect(await utf8(await transcodeToUtf8(new Blob([gb18030(text)]), "gb18030", { chunkBytes }))).toBe(text);
      }),
      { numRuns: 200 },
    );
  });

  it("turns bytes GB18030 cannot decode into U+FFFD, so the row is still read (and its bad field rejected)", async () => {
    const bytes = new Uint8Array([...gb18030("A,"), 0xff, ...gb18030(",1\r\n")]);
    expect(await utf8(await transcodeToUtf8(new Blob([bytes]), "gb18030"))).toBe("A,\uFFFD,1\r\n");
  });

  it("reports the fraction read after each slice, ending at 1", async () => {
    const bytes = gb18030(SAMPLE);
    const fractions: number[] = [];
    await transcodeToUtf8(new Blob([bytes]), "gb18030", { chunkBytes: 16, onProgress: (f) => fractions.push(f) });
    expect(fractions).toHaveLength(Math.ceil(bytes.length / 16));
    expect(fractions.every((f, i) => i === 0 || f > fractions[i - 1]!)).toBe(true);
    expect(fractions[fractions.length - 1]).toBe(1);
  });

  it("stops with EngineError(cancelled) once the signal is aborted", async () => {
    const controller = new AbortController();
    const run = transcodeToUtf8(new Blob([gb18030(SAMPLE)]), "gb18030", { chunkBytes: 8, signal: controller.signal, onProgress: () => controller.abort() });
    await expect(run).rejects.toEqual(new EngineError("cancelled"));
  });
});
