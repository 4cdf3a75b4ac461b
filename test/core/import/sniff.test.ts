import { columnType, detectDelimiter, generatedHeaders, isParquet, lastLineCut, lineCutPoints, parseCsv, PREVIEW_ROWS, sniffCsv, sniffCsvAs, SniffError } from "../../../src/core/import/sniff";
import { encodeGb18030 } from "./gb18030";

const utf8 = (text: string) => new TextEncoder().encode(text);
const withBom = (bytes: Uint8Array) => new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]);
const whole = (bytes: Uint8Array) => sniffCsv(bytes, bytes.length);

const CHINESE = "客户ID,下单日期,实付金额,渠道\nA001,2024年3月1日,\"¥1,200\",天猫\nA002,2024/3/2,1.2万,京东\nA001,2024-03-05 14:30,(300),抖音\n";

describe("the GB18030 test encoder", () => {
  it("writes the GBK codes of a standard table and round-trips through the decoder", () => {
    // 中 = D6D0, 文 = CEC4 in GB2312 (the code chart printed in GB 2312-80), unchanged in GBK and GB18030.
    expect([...encodeGb18030("中文a")]).toEqual([0xd6, 0xd0, 0xce, 0xc4, 0x61]);
    expect(new TextDecoder("gb18030").decode(encodeGb18030(CHINESE))).toBe(CHINESE);
  });
});

describe("sniffCsv: encodings", () => {
  it("reads UTF-8 without a BOM", () => {
    const sniff = whole(utf8(CHINESE));
    expect(sniff).toMatchObject({ format: "csv", encoding: "utf-8", delimiter: ",", hasHeader: true, bytes: utf8(CHINESE).length });
    expect(sniff.headers).toEqual(["客户ID", "下单日期", "实付金额", "渠道"]);
    expect(sniff.preview[0]).toEqual(["A001", "2024年3月1日", "¥1,200", "天猫"]);
    expect(sniff.types).toEqual(["text", "date", "number", "text"]);
  });

  it("reads UTF-8 with a BOM, the BOM not part of the first header", () => {
    const sniff = whole(withBom(utf8(CHINESE)));
    expect(sniff.encoding).toBe("utf-8");
    expect(sniff.headers[0]).toBe("客户ID");
  });

  it("reads GB18030 (what Chinese Excel and WPS write) with Chinese headers", () => {
    const sniff = whole(encodeGb18030(CHINESE));
    expect(sniff.encoding).toBe("gb18030");
    expect(sniff.headers).toEqual(["客户ID", "下单日期", "实付金额", "渠道"]);
    expect(sniff.preview.map((row) => row[3])).toEqual(["天猫", "京东", "抖音"]);
  });

  it("forgives a UTF-8 character cut at the end of a head, and leaves the cut line out", () => {
    const bytes = utf8(CHINESE + "A003,2024-03-06,5,天猫\n");
    const head = bytes.subarray(0, bytes.length - 3); // inside 猫 (3 bytes): 天 complete, 猫 cut
    const sniff = sniffCsv(head, bytes.length);
    expect(sniff.encoding).toBe("utf-8");
    expect(sniff.preview).toHaveLength(3);
  });

  it("leaves out a GB18030 line cut in the middle of a character", () => {
    const bytes = encodeGb18030(CHINESE + "A003,2024-03-06,5,天猫\n");
    const head = bytes.subarray(0, bytes.length - 2); // the lead byte of 猫 kept, its trail cut
    const sniff = sniffCsv(head, bytes.length);
    expect(sniff.encoding).toBe("gb18030");
    expect(sniff.preview.map((row) => row[0])).toEqual(["A001", "A002", "A001"]);
  });

  it("says why a UTF-16 file, a binary file or an empty file cannot be read", () => {
    const problem = (bytes: Uint8Array) => {
      try {
        whole(bytes);
      } catch (error) {
        return error instanceof SniffError ? error.problem : String(error);
      }
      return "read";
    };
    expect(problem(new Uint8Array([0xff, 0xfe, 0x41, 0x00]))).toBe("utf16");
    expect(problem(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]))).toBe("binary");
    expect(problem(new Uint8Array([]))).toBe("empty");
    expect(problem(withBom(utf8("\r\n\n")))).toBe("empty");
  });
});

describe("sniffCsv: delimiters, quotes, lines", () => {
  it("finds tab and semicolon delimiters", () => {
    expect(whole(utf8("customer\tdate\tamount\nA\t2024-01-02\t5\nB\t2024-01-03\t6\n")).delimiter).toBe("\t");
    const semicolon = whole(utf8("customer;date;amount\nA;2024-01-02;5,50\nB;2024-01-03;6\n"));
    expect(semicolon.delimiter).toBe(";");
    expect(semicolon.preview[0]).toEqual(["A", "2024-01-02", "5,50"]);
  });

  it("keeps delimiters, doubled quotes and line breaks inside quoted fields; CRLF and LF alike", () => {
    const text = 'customer,note,amount\r\n"Li, Wei","said ""hi""\r\nthen left",5\r\nB,plain,6';
    const sniff = whole(utf8(text));
    expect(sniff.delimiter).toBe(",");
    expect(sniff.preview).toEqual([
      ["Li, Wei", 'said "hi"\r\nthen left', "5"],
      ["B", "plain", "6"],
    ]);
  });

  it("does not take a comma inside quotes for the delimiter of a semicolon file", () => {
    expect(detectDelimiter('a;b;c\n"1,5";"2,5";x\n"3,5";"4,5";y\n')).toBe(";");
  });

  it("reads a file without a header: generated names, the first row is data", () => {
    const sniff = whole(utf8("A001,2024-03-01,120\nA002,2024-03-02,80\n"));
    expect(sniff.hasHeader).toBe(false);
    expect(sniff.headers).toEqual(["Column 1", "Column 2", "Column 3"]);
    expect(sniff.preview).toHaveLength(2);
    expect(sniff.types).toEqual(["text", "date", "number"]);
  });

  it("takes a text-only first row for a header when it names columns", () => {
    expect(whole(utf8("客户,渠道\nA,天猫\nB,京东\n")).hasHeader).toBe(true);
    expect(whole(utf8("A,天猫\nB,京东\n")).hasHeader).toBe(false);
  });

  it("shows at most 20 data rows and leaves out the line a head cuts", () => {
    const lines = ["id,date,amount", ...Array.from({ length: 30 }, (_, k) => `C${k},2024-01-${String(k + 1).padStart(2, "0")},${k}.5`)];
    const bytes = utf8(lines.join("\n") + "\n");
    expect(whole(bytes).preview).toHaveLength(PREVIEW_ROWS);
    const cut = utf8(lines.slice(0, 4).join("\n") + "\nC3,2024-0");
    const sniff = sniffCsv(cut, bytes.length);
    expect(sniff.preview.map((row) => row[0])).toEqual(["C0", "C1", "C2"]);
    expect(sniff.types).toEqual(["text", "date", "number"]);
  });

  it("keeps the last line of a whole file without a final line break", () => {
    expect(whole(utf8("id,amount\nA,1\nB,2")).preview).toEqual([["A", "1"], ["B", "2"]]);
  });

  it("keeps the header's width: short rows padded, a stray extra field cut", () => {
    const sniff = whole(utf8("id,amount\nA,1,x\nB\n"));
    expect(sniff.headers).toEqual(["id", "amount"]);
    expect(sniff.preview).toEqual([["A", "1"], ["B", ""]]);
    expect(sniff.types).toEqual(["text", "number"]);
  });

  it("without a header, takes the most common width", () => {
    const sniff = whole(utf8("A,2024-01-01,1,x\nB,2024-01-02,2\nC,2024-01-03,3\n"));
    expect(sniff.hasHeader).toBe(false);
    expect(sniff.headers).toEqual(["Column 1", "Column 2", "Column 3"]);
    expect(sniff.preview[0]).toEqual(["A", "2024-01-01", "1"]);
  });
});

describe("column types", () => {
  it("date, number, empty and text by the core's readers", () => {
    expect(columnType(["2024-03-01", "２０２４年３月１日", "20240301", ""])).toBe("date");
    expect(columnType(["¥1,200", "1.2万", "(300)", "１２００元", " "])).toBe("number");
    expect(columnType(["", "  "])).toBe("empty");
    expect(columnType(["2024-03-01", "120"])).toBe("text");
    expect(columnType(["2023-02-29"])).toBe("text"); // a day that does not exist
  });
});

describe("parseCsv", () => {
  it("reports a record the text cuts inside quotes as incomplete", () => {
    expect(parseCsv('a,"b\nc', ",")).toEqual({ records: [["a", "b\nc"]], lastComplete: false });
    expect(parseCsv("a,b\n\nc,d\n", ",")).toEqual({ records: [["a", "b"], ["c", "d"]], lastComplete: true });
  });
});

describe("isParquet", () => {
  it("recognises the PAR1 magic number", () => {
    expect(isParquet(utf8("PAR1\u0015\u0004"))).toBe(true);
    expect(isParquet(utf8("PAR"))).toBe(false);
    expect(isParquet(utf8("id,PAR1"))).toBe(false);
  });
});

describe("lineCutPoints", () => {
  it("cuts after line breaks outside quotes, carrying the quote state across chunks", () => {
    const bytes = utf8('a,"x\ny"\nb,"p""\nq"\nc\n');
    expect(lineCutPoints(bytes).cuts).toEqual([8, 18, 20]);
    // Split inside the doubled quote: the state carries over and the cuts are the same.
    const at = bytes.indexOf(0x22, 12) + 1;
    const first = lineCutPoints(bytes.subarray(0, at));
    const second = lineCutPoints(bytes.subarray(at), first.endsInQuotes);
    expect([...first.cuts, ...second.cuts.map((c) => c + at)]).toEqual([8, 18, 20]);
    expect(lastLineCut(bytes)).toEqual({ cut: 20, endsInQuotes: false });
    expect(lastLineCut(utf8('a,"b\nc'))).toEqual({ cut: -1, endsInQuotes: true });
  });

  it("is safe on GB18030 bytes: no multi-byte character holds a quote or a line break byte", () => {
    const text = '客户,备注\n张三,"含,逗号\n和换行"\n李四,好\n';
    const bytes = encodeGb18030(text);
    const { cuts } = lineCutPoints(bytes);
    const decoder = new TextDecoder("gb18030");
    const pieces = [0, ...cuts].slice(0, -1).map((from, k) => decoder.decode(bytes.subarray(from, cuts[k])));
    expect(pieces).toEqual(["客户,备注\n", '张三,"含,逗号\n和换行"\n', "李四,好\n"]);
  });
});

describe("sniffCsvAs: the user's choices instead of the guesses", () => {
  it("reads the first row as data when the user says there is no header, at the common width", () => {
    const bytes = utf8("客户,日期,金额\nA,2024-01-01,1,stray\nB,2024-01-02,2\n");
    const guessed = sniffCsv(bytes, bytes.length);
    expect(guessed.hasHeader).toBe(true);
    const chosen = sniffCsvAs(bytes, bytes.length, { ...guessed, hasHeader: false });
    expect(chosen.headers).toEqual(["Column 1", "Column 2", "Column 3"]);
    expect(chosen.preview.map((row) => row[0])).toEqual(["客户", "A", "B"]);
    expect(chosen.types).toEqual(["text", "text", "text"]);
  });

  it("splits by the chosen delimiter and decodes by the chosen encoding", () => {
    const bytes = encodeGb18030("客户;金额\n张三;1,5\n");
    const chosen = sniffCsvAs(bytes, bytes.length, { encoding: "gb18030", delimiter: ";", hasHeader: true });
    expect(chosen.headers).toEqual(["客户", "金额"]);
    expect(chosen.preview).toEqual([["张三", "1,5"]]);
    expect(sniffCsvAs(bytes, bytes.length, { encoding: "gb18030", delimiter: ",", hasHeader: true }).headers).toEqual(["客户;金额"]);
  });

  it("refuses an empty, a UTF-16 or a binary file whatever the choices", () => {
    const choices = { encoding: "utf-8", delimiter: ",", hasHeader: true } as const;
    expect(() => sniffCsvAs(new Uint8Array([]), 0, choices)).toThrow(SniffError);
    expect(() => sniffCsvAs(new Uint8Array([0xff, 0xfe, 0x41, 0]), 4, choices)).toThrow(SniffError);
  });

  it("names generated columns from a position", () => {
    expect(generatedHeaders(4, 2)).toEqual(["Column 3", "Column 4"]);
    expect(generatedHeaders(1, 2)).toEqual([]);
  });
});
