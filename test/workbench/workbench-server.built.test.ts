import { request } from "node:http";
import { startWorkbenchServer } from "../../scripts/workbench-server.cjs";

/** The workbench's static server: dist-workbench/ at the root, dist/ under /addin/, nothing else. */

function get(url: string, method = "GET"): Promise<{ status: number; type: string | undefined; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, type: res.headers["content-type"], body }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("the workbench server", () => {
  let server: { url: string; close(): Promise<void> };
  beforeAll(async () => {
    server = await startWorkbenchServer(0); // needs `npm run build` and `npm run build:workbench`
  });
  afterAll(() => server?.close());

  it("listens on 127.0.0.1 only", () => {
    expect(new URL(server.url).hostname).toBe("127.0.0.1");
  });

  it("serves the workbench page at the root and the Excel build under /addin/", async () => {
    const page = await get(server.url);
    expect(page).toMatchObject({ status: 200, type: "text/html; charset=utf-8" });
    expect(page.body).toContain('src="addin/functions.js"');
    const metadata = await get(`${server.url}addin/functions.json`);
    expect(metadata.status).toBe(200);
    expect(JSON.parse(metadata.body).functions.length).toBeGreaterThan(0);
  });

  it("answers 404 outside the two folders, for unknown files and for other methods", async () => {
    expect((await get(`${server.url}addin/%2e%2e/package.json`)).status).toBe(404);
    expect((await get(`${server.url}%2e%2e/package.json`)).status).toBe(404);
    expect((await get(`${server.url}nothing.js`)).status).toBe(404);
    expect((await get(`${server.url}workbench.js`, "POST")).status).toBe(404);
  });

  it("refuses a port that is taken (npm run workbench then picks a free one)", async () => {
    const port = Number(new URL(server.url).port);
    await expect(startWorkbenchServer(port)).rejects.toMatchObject({ code: "EADDRINUSE" });
  });
});
