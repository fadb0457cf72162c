// Browser test of the status pages, as a person would look at them: Debian's chromium, headless,
// driven by playwright-core. Starts its own `vigil serve` on a free loopback port with a temporary
// data folder, writes statuses through the v4 API, then opens the home page, a second page, a
// monitor page and an embed in light and dark, checks the visible texts and bar counts, checks
// that a status change arrives live (server-sent events) without a reload, opens an incident's
// page without JavaScript, and saves screenshots.
// Usage: node browser_test.mjs <vigil binary> <artefact folder>
import { chromium } from "playwright-core";
import { spawn, execFileSync } from "node:child_process";
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import assert from "node:assert/strict";

const [vigilBinary, artefacts] = process.argv.slice(2);
if (!vigilBinary || !artefacts) throw new Error("usage: browser_test.mjs <vigil> <artefacts>");
mkdirSync(artefacts, { recursive: true });

const config = `
site:
  siteName: Acme status
  globalPageVisibilitySettings: {showSwitcher: true, forceExclusivity: false}
monitors:
  - {tag: web, name: Web shop, monitor_type: NONE}
  - {tag: api, name: Public API, monitor_type: NONE}
  - {tag: db, name: Database, monitor_type: NONE}
pages:
  - path: ""
    title: Acme
    header: Acme services
    subheader: Everything our customers use.
    monitors: [web, api, db]
  - path: internal
    title: Internal
    header: Internal tools
    monitors: [db]
`;

function freePort() {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitFor(url) {
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} never answered`);
}

const work = mkdtempSync(join(tmpdir(), "vigil-e2e-"));
const data = join(work, "data");
writeFileSync(join(work, "vigil.yaml"), config);
const key = execFileSync(vigilBinary, ["apikey", "create", "--name", "e2e", "--data", data])
  .toString().trim().split(/\s+/).pop();
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const server = spawn(vigilBinary, ["serve", "--config", join(work, "vigil.yaml"), "--data", data,
  "--port", String(port)], { stdio: "ignore" });
let browser;
try {
  await waitFor(`${base}/healthcheck`);
  const now = Math.floor(Date.now() / 1000);
  async function push(tag, status, at = now) {
    const response = await fetch(`${base}/api/v4/monitors/${tag}/data/${at}`, {
      method: "PATCH",
      headers: { Authorization: `Bearer ${key}`, "Content-Type": "application/json" },
      body: JSON.stringify({ status, latency: 120 }),
    });
    assert.equal(response.status, 200, await response.text());
  }
  // Some history: a DOWN hour three days ago for the web shop, today UP, the API DEGRADED.
  await fetch(`${base}/api/v4/monitors/web/data`, {
    method: "PATCH",
    headers: { Authorization: `Bearer ${key}`, "Content-Type": "application/json" },
    body: JSON.stringify({ start_ts: now - 3 * 86400, end_ts: now - 3 * 86400 + 3600,
      status: "DOWN", latency: 300 }),
  });
  await push("web", "UP");
  await push("api", "DEGRADED");
  await push("db", "UP");

  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
      "--disable-background-networking"],
  });

  for (const scheme of ["light", "dark"]) {
    const context = await browser.newContext({ colorScheme: scheme, viewport: { width: 1200, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${base}/`);
    assert.equal(await page.locator("html").getAttribute("data-theme"), "system");
    assert.match(await page.locator("#banner").innerText(), /Partial Degraded Performance/);
    assert.equal(await page.locator("article.monitor").count(), 3);
    const bars = page.locator('article.monitor[data-tag="web"] .bars > i');
    assert.equal(await bars.count(), 90);
    assert.equal(await page.locator('article.monitor[data-tag="api"] .pill').innerText(), "DEGRADED");
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    assert.equal(background, scheme === "dark" ? "rgb(15, 20, 27)" : "rgb(247, 248, 250)");
    await page.screenshot({ path: join(artefacts, `home-${scheme}.png`), fullPage: true });

    await page.goto(`${base}/internal`);
    assert.match(await page.locator("h1").innerText(), /Internal tools/);
    assert.equal(await page.locator("article.monitor").count(), 1);
    await page.screenshot({ path: join(artefacts, `page-internal-${scheme}.png`), fullPage: true });

    await page.goto(`${base}/monitors/web?range=24h`);
    assert.match(await page.locator("h1").innerText(), /Web shop/);
    assert.ok(await page.locator(".chart svg").isVisible());
    await page.screenshot({ path: join(artefacts, `monitor-${scheme}.png`), fullPage: true });

    await page.goto(`${base}/embed/monitor-web?theme=${scheme}&days=30`);
    assert.equal(await page.locator(".bars > i").count(), 30);
    await page.screenshot({ path: join(artefacts, `embed-${scheme}.png`) });
    await context.close();
  }

  // Narrow screens show the last 30 days; the theme toggle goes system → light → dark and stays.
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, colorScheme: "light" });
  const mobile = await phone.newPage();
  await mobile.goto(`${base}/`);
  const visible = await mobile.locator('article.monitor[data-tag="web"] .bars > i:visible').count();
  assert.equal(visible, 30);
  await mobile.click("#theme-toggle");
  assert.equal(await mobile.locator("html").getAttribute("data-theme"), "light");
  await mobile.click("#theme-toggle");
  assert.equal(await mobile.locator("html").getAttribute("data-theme"), "dark");
  await mobile.reload();
  assert.equal(await mobile.locator("html").getAttribute("data-theme"), "dark");
  await mobile.screenshot({ path: join(artefacts, "home-mobile.png"), fullPage: true });

  // A status change reaches an open page without a reload.
  await mobile.waitForFunction(() => !document.getElementById("live-indicator").hidden);
  await push("db", "DOWN");
  await mobile.waitForFunction(
    () => document.querySelector('article.monitor[data-tag="db"] .pill').innerText === "DOWN",
    null, { timeout: 10000 });
  await phone.close();

  // Without JavaScript the page is complete.
  const plain = await browser.newContext({ javaScriptEnabled: false });
  const still = await plain.newPage();
  await still.goto(`${base}/`);
  assert.equal(await still.locator("article.monitor").count(), 3);

  // An incident's own page, where subscriber mails and alerts link, also needs no JavaScript.
  const created = await fetch(`${base}/api/v4/incidents`, {
    method: "POST",
    headers: { Authorization: `Bearer ${key}`, "Content-Type": "application/json" },
    body: JSON.stringify({ title: "Checkout errors", start_date_time: now - 600,
      monitors: [{ monitor_tag: "web", impact: "DEGRADED" }] }),
  });
  const answer = await created.text();
  assert.equal(created.status, 201, answer);
  const { incident } = JSON.parse(answer);
  await still.goto(`${base}/incidents/${incident.id}`);
  assert.ok(await still.locator("h1", { hasText: "Checkout errors" }).isVisible());
  await still.screenshot({ path: join(artefacts, "incident-light.png"), fullPage: true });
  await plain.close();
  console.log(`browser test passed; screenshots in ${artefacts}`);
} finally {
  if (browser) await browser.close();
  server.kill("SIGTERM");
  rmSync(work, { recursive: true, force: true });
}
