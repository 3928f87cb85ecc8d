// End-to-end harness: the real bot (`src/main.ts`) on a free port with a fresh SQLite file, the
// Agents Playground in front of it, and Debian's Chromium driven by playwright-core.
//
//   const h = new E2eHarness();
//   beforeAll(() => h.start({ user: 'h.yamada' }));
//   afterAll(() => h.stop());          // always stops everything it started, even after a failure
//
// The harness keeps what it started and stops it in stop(); anything that finishes starting after
// stop() (a timed-out beforeAll) is stopped at once, so no process is left behind.
//
// Two people at once: a second harness can use the first one's bot, with its own Playground (own
// port, config file, locale relay) and its own Chromium profile:
//
//   const staff = new E2eHarness();
//   const approver = new E2eHarness();
//   await staff.start({ user: 'h.yamada', recordTraffic: true });
//   await approver.start({ user: 'k.sato', reuseBot: staff.bot, recordTraffic: true });
//   ...
//   await approver.stop(); await staff.stop();   // the bot stops with the harness that started it
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';
import {
  PlaygroundPortError,
  defaultPersonalChatId,
  findDemoPerson,
  killProcessGroup,
  startPlayground,
  writePlaygroundConfig,
  type DemoPerson,
  type PlaygroundHandle,
} from '../../infra/local/playground';

const REPO_ROOT = path.resolve(__dirname, '..', '..');
export const SCREENSHOT_DIR = path.join(REPO_ROOT, 'test', 'e2e', 'screenshots');
/** Default bound for every wait on the page. */
export const WAIT_MS = 30_000;

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** A free TCP port on loopback (may be taken by someone else before use; callers retry). */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

export interface BotProcess {
  port: number;
  /** `http://127.0.0.1:<port>/api/messages` */
  endpoint: string;
  dbFile: string;
  process: ChildProcess;
  /** The bot's stdout/stderr so far (pino JSON lines). */
  output(): string;
  stop(): Promise<void>;
}

/**
 * Starts `tsx src/main.ts` with PORT=0 (the OS picks a free port; read back from the `listening`
 * log line) and a fresh SQLite file in `tmpDir`; resolves when GET /healthz answers 200.
 */
export async function startBotProcess(opts: {
  tmpDir: string;
  env?: Record<string, string>;
  timeoutMs?: number;
}): Promise<BotProcess> {
  const dbFile = path.join(opts.tmpDir, 'test.db');
  const child = spawn(path.join(REPO_ROOT, 'node_modules', '.bin', 'tsx'), ['src/main.ts'], {
    cwd: REPO_ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    // The duty calendar would greet every officer with its reminder cards: off unless a test asks.
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_URL: `sqlite:${dbFile}`,
      DUTY_CALENDAR: 'off',
      ...opts.env,
    },
  });
  let output = '';
  child.stdout?.on('data', (c: Buffer) => (output += c.toString('utf8')));
  child.stderr?.on('data', (c: Buffer) => (output += c.toString('utf8')));
  const stop = () => killProcessGroup(child);
  const timeoutMs = opts.timeoutMs ?? 60_000;
  const deadline = Date.now() + timeoutMs;
  try {
    let port: number | undefined;
    while (Date.now() < deadline) {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(`bot exited during start-up (code ${child.exitCode}):\n${output}`);
      }
      port ??= listeningPort(output);
      if (port !== undefined && (await isHealthy(port))) {
        return {
          port,
          endpoint: `http://127.0.0.1:${port}/api/messages`,
          dbFile,
          process: child,
          output: () => output,
          stop,
        };
      }
      await sleep(200);
    }
    throw new Error(`bot not healthy within ${timeoutMs} ms:\n${output}`);
  } catch (err) {
    await stop();
    throw err;
  }
}

function listeningPort(output: string): number | undefined {
  for (const line of output.split('\n')) {
    if (!line.includes('"msg":"listening"')) continue;
    try {
      const port = (JSON.parse(line) as { port?: unknown }).port;
      if (typeof port === 'number') return port;
    } catch {
      // A partial line; read it again next time.
    }
  }
  return undefined;
}

async function isHealthy(port: number): Promise<boolean> {
  try {
    const res = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(2000) });
    return res.status === 200;
  } catch {
    return false;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Waits until an input shows `value` (bounded by WAIT_MS). */
async function expectValue(input: Locator, value: string): Promise<void> {
  const deadline = Date.now() + WAIT_MS;
  let last = '';
  while (Date.now() < deadline) {
    last = await input.inputValue();
    if (last === value) return;
    await sleep(100);
  }
  throw new Error(`input shows "${last}", expected "${value}"`);
}

/** One HTTP request the Playground made to the bot, as seen by the traffic recorder. */
export interface TrafficEntry {
  at: number;
  method: string;
  path: string;
  /** Activity fields (type, name, from.aadObjectId, …); absent when the body was not JSON. */
  activity?: {
    type?: string;
    name?: string;
    action?: string;
    fromAad?: string;
    text?: string;
    /** For `adaptiveCard/action`: `value.action.type` / `verb` / data keys; for a submit: value keys. */
    actionType?: string;
    verb?: string;
    dataKeys?: string[];
    replyToId?: string;
  };
  /** HTTP status of the bot's answer (undefined while pending or when the bot was unreachable). */
  status?: number;
  /** The bot's answer body (invoke responses), cut to 4000 characters. */
  response?: string;
}

export interface TrafficRecorder {
  endpoint: string;
  entries: TrafficEntry[];
  stop(): Promise<void>;
}

function summarizeActivity(body: string): TrafficEntry['activity'] {
  try {
    const a = JSON.parse(body) as Record<string, unknown>;
    const value = a.value as Record<string, unknown> | undefined;
    const action = value?.action as Record<string, unknown> | undefined;
    const data = (action?.data ?? value) as Record<string, unknown> | undefined;
    return {
      type: typeof a.type === 'string' ? a.type : undefined,
      name: typeof a.name === 'string' ? a.name : undefined,
      action: typeof a.action === 'string' ? a.action : undefined,
      fromAad: (a.from as { aadObjectId?: string } | undefined)?.aadObjectId,
      text: typeof a.text === 'string' ? a.text.slice(0, 200) : undefined,
      actionType: typeof action?.type === 'string' ? action.type : undefined,
      verb:
        typeof action?.verb === 'string'
          ? action.verb
          : typeof data?.verb === 'string'
            ? data.verb
            : undefined,
      dataKeys: data && typeof data === 'object' ? Object.keys(data) : undefined,
      replyToId: typeof a.replyToId === 'string' ? a.replyToId : undefined,
    };
  } catch {
    return undefined;
  }
}

/**
 * A loopback relay to `target` that passes every request through unchanged and records what the
 * Playground sent (activity type, invoke name, verb) and what the bot answered (status, body).
 */
export async function startTrafficRecorder(target: string): Promise<TrafficRecorder> {
  const targetUrl = new URL(target);
  const entries: TrafficEntry[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const entry: TrafficEntry = {
        at: Date.now(),
        method: req.method ?? '',
        path: req.url ?? '',
        activity: body.length > 0 ? summarizeActivity(body.toString('utf8')) : undefined,
      };
      entries.push(entry);
      const headers = { ...req.headers, host: targetUrl.host, 'content-length': String(body.length) };
      delete headers['transfer-encoding'];
      const upstream = http.request(
        new URL(req.url ?? '/', targetUrl),
        { method: req.method, headers },
        (up) => {
          entry.status = up.statusCode;
          const out: Buffer[] = [];
          up.on('data', (c: Buffer) => out.push(c));
          up.on('end', () => {
            const answer = Buffer.concat(out);
            if (answer.length > 0) entry.response = answer.toString('utf8').slice(0, 4000);
            res.writeHead(up.statusCode ?? 502, up.headers);
            res.end(answer);
          });
        },
      );
      upstream.on('error', (err) => {
        if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
        res.end(`recorder: ${err.message}`);
      });
      upstream.end(body);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as net.AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}${targetUrl.pathname}${targetUrl.search}`,
    entries,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** One line per entry, for logs and failure messages. */
export function formatTraffic(entries: readonly TrafficEntry[], since = 0): string {
  return entries
    .filter((e) => e.at >= since)
    .map((e) => {
      const a = e.activity;
      const parts = [
        new Date(e.at).toISOString().slice(11, 23),
        e.method,
        a?.type ?? '?',
        a?.name,
        a?.action,
        a?.actionType,
        a?.verb ? `verb=${a.verb}` : undefined,
        a?.dataKeys ? `keys=${a.dataKeys.join(',')}` : undefined,
        a?.text ? `text=${JSON.stringify(a.text)}` : undefined,
        `→ ${e.status ?? 'pending'}`,
        e.response && a?.type === 'invoke' ? e.response.slice(0, 160) : undefined,
      ];
      return parts.filter((p) => p !== undefined && p !== '').join(' ');
    })
    .join('\n');
}

export interface StartOptions {
  /** The demo person at the keyboard: UPN prefix, UPN or aadObjectId. Default `h.yamada`. */
  user?: string;
  /** Extra environment for the bot (ignored with `reuseBot`). */
  botEnv?: Record<string, string>;
  /**
   * Use this already running bot (another harness's `bot`) instead of starting one: a second person
   * with a second Playground against the same bot. This harness never stops a bot it did not start.
   */
  reuseBot?: BotProcess;
  /** Put a recorder between the Playground and the bot; read `harness.traffic`. Default false. */
  recordTraffic?: boolean;
}

export class E2eHarness {
  tmpDir = '';
  bot: BotProcess | undefined;
  playground: PlaygroundHandle | undefined;
  context: BrowserContext | undefined;
  person: DemoPerson | undefined;
  /** Requests from this harness's Playground to the bot (only with `recordTraffic`). */
  recorder: TrafficRecorder | undefined;
  /** Whether this harness started `bot` (and so stops it). */
  private ownsBot = false;
  private pageRef: Page | undefined;
  private stopped = false;
  private readonly cleanups: (() => Promise<void>)[] = [];
  private readonly onExit = () => {
    // Last resort if the worker dies without afterAll: kill the detached process groups.
    for (const p of [this.ownsBot ? this.bot?.process : undefined, this.playground?.process]) {
      if (p?.pid !== undefined && p.exitCode === null) {
        try {
          process.kill(-p.pid, 'SIGKILL');
        } catch {
          // Already gone.
        }
      }
    }
  };

  get page(): Page {
    if (!this.pageRef) throw new Error('harness not started');
    return this.pageRef;
  }

  /** What the Playground sent the bot so far (empty without `recordTraffic`). */
  get traffic(): TrafficEntry[] {
    return this.recorder?.entries ?? [];
  }

  /**
   * Starts bot (unless `reuseBot`), Playground and Chromium, and opens the Playground page.
   */
  async start(opts: StartOptions = {}): Promise<void> {
    process.once('exit', this.onExit);
    const person = findDemoPerson(opts.user ?? 'h.yamada');
    if (!person) throw new Error(`unknown demo user ${opts.user}`);
    this.person = person;
    this.tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'security-desk-e2e-'));
    this.track(async () => fs.rmSync(this.tmpDir, { recursive: true, force: true }));

    if (opts.reuseBot) {
      this.bot = opts.reuseBot;
    } else {
      this.ownsBot = true;
      this.bot = this.track(await startBotProcess({ tmpDir: this.tmpDir, env: opts.botEnv }));
    }
    let endpoint = this.bot.endpoint;
    if (opts.recordTraffic) {
      this.recorder = this.track(await startTrafficRecorder(this.bot.endpoint));
      endpoint = this.recorder.endpoint;
    }

    const configPath = path.join(this.tmpDir, '.m365agentsplayground.yml');
    writePlaygroundConfig(configPath, {
      currentUserId: person.aadObjectId,
      personalChatId: defaultPersonalChatId(person),
      botEndpoint: endpoint,
    });
    this.playground = this.track(await this.startPlaygroundOnFreePort(configPath, endpoint));

    const profile = path.join(this.tmpDir, 'chromium-profile');
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: '/usr/bin/chromium',
      headless: true,
      viewport: { width: 1280, height: 1000 },
      args: CHROMIUM_ARGS,
    });
    this.context = context;
    this.track({ stop: () => context.close() });
    // The page loads fonts and scripts from a CDN; there is no network in CI and the test must not
    // depend on one, so everything that is not on this machine is refused.
    await context.route('**/*', (route) => {
      const url = new URL(route.request().url());
      return LOCAL_HOSTS.has(url.hostname) ? route.continue() : route.abort('blockedbyclient');
    });
    const page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(WAIT_MS);
    this.pageRef = page;
    await page.goto(this.playground.url);
  }

  private async startPlaygroundOnFreePort(
    configPath: string,
    botEndpoint: string,
  ): Promise<PlaygroundHandle> {
    for (let attempt = 1; ; attempt++) {
      const port = await findFreePort();
      try {
        return await startPlayground({
          port,
          configPath,
          botEndpoint,
          logFile: path.join(this.tmpDir, `playground-${port}.log`),
        });
      } catch (err) {
        // Someone took the port between our probe and the Playground's: try another one.
        if (err instanceof PlaygroundPortError && attempt < 3) continue;
        throw err;
      }
    }
  }

  /** Registers something to stop; if stop() already ran, stops it right away. */
  private track<T extends { stop(): Promise<void> }>(thing: T): T;
  private track(fn: () => Promise<void>): void;
  private track<T extends { stop(): Promise<void> }>(thing: T | (() => Promise<void>)): T | void {
    const fn = typeof thing === 'function' ? thing : () => thing.stop();
    if (this.stopped) {
      void fn();
    } else {
      this.cleanups.push(fn);
    }
    return typeof thing === 'function' ? undefined : thing;
  }

  /** Stops everything in reverse order of start; never throws. */
  async stop(): Promise<void> {
    this.stopped = true;
    while (this.cleanups.length > 0) {
      const fn = this.cleanups.pop();
      try {
        await fn?.();
      } catch {
        // Keep stopping the rest.
      }
    }
    process.removeListener('exit', this.onExit);
  }

  /**
   * Selects the conversation `Personal Chat` in the left tree and waits until messages sent on
   * page load (a welcome card after installationUpdate) have arrived, so they are not mistaken
   * for the answer to the first message.
   */
  async openPersonalChat(): Promise<void> {
    await this.page.getByRole('treeitem', { name: 'Personal Chat' }).click();
    await this.composer().waitFor({ state: 'visible' });
    await this.settle();
  }

  /** Waits until the number of cards has not changed for `quietMs` (bounded by WAIT_MS). */
  async settle(quietMs = 1500): Promise<void> {
    const deadline = Date.now() + WAIT_MS;
    let count = await this.cards().count();
    let since = Date.now();
    while (Date.now() - since < quietMs && Date.now() < deadline) {
      await sleep(250);
      const now = await this.cards().count();
      if (now !== count) {
        count = now;
        since = Date.now();
      }
    }
  }

  composer(): Locator {
    return this.page.locator('[data-lexical-editor="true"][role="textbox"]');
  }

  /** Types `text` into the composer and presses the send button. */
  async send(text: string): Promise<void> {
    const composer = this.composer();
    await composer.click();
    // insertText, not key presses: the composer is a Lexical editor and the text is Japanese.
    await this.page.keyboard.insertText(text);
    await this.page.getByRole('button', { name: /^(Send Message|Post)$/ }).click();
  }

  /** All Adaptive Cards in the open conversation, oldest first. */
  cards(): Locator {
    return this.page.locator('.ac-adaptiveCard');
  }

  /**
   * Runs `action` and waits for a card containing `text` that was not there before (a new bot
   * message); returns that card.
   */
  async expectNewCard(action: () => Promise<void>, text: string, timeoutMs = WAIT_MS): Promise<Locator> {
    const matching = this.cards().filter({ hasText: text });
    const before = await matching.count();
    await action();
    const card = matching.nth(before);
    await card.waitFor({ state: 'visible', timeout: timeoutMs });
    await card.scrollIntoViewIfNeeded();
    return card;
  }

  /**
   * Waits for a bot text message containing `text`. Markdown messages render as paragraphs, plain
   * ones (`textFormat: 'plain'`, used for anything quoting what a person typed) as bare text, so
   * this looks for the text itself.
   */
  async waitForBotText(text: string, timeoutMs = WAIT_MS): Promise<Locator> {
    const p = this.page.getByText(text).last();
    await p.waitFor({ state: 'visible', timeout: timeoutMs });
    return p;
  }

  /** Clicks the button titled `title` on `card` (default: the newest card). */
  async clickCardButton(title: string, card: Locator = this.cards().last()): Promise<void> {
    await card.getByRole('button', { name: title, exact: true }).click();
  }

  // -------------------------------------------------------------------------------------------
  // Filling a card's inputs. The Playground renders Adaptive Cards with Fluent UI: every input has a
  // `<label for=…>` carrying the card's `label` (plus a hidden " *" when required). The accessible
  // name of an input also includes its error text once one is shown, so inputs are found through
  // their <label> element by exact text, not by getByLabel (a label can appear in another field's
  // error, e.g. 「返却予定日」は「持ち出し日」以降…).

  /**
   * The control a card label belongs to: an `<input>`/`<textarea>`, the date picker's input, or the
   * `radiogroup` of an expanded Input.ChoiceSet. `label` is the field label without 「（必須）」.
   */
  async cardControl(label: string, card: Locator = this.cards().last()): Promise<Locator> {
    const re = new RegExp(`^\\s*${escapeRegExp(label)}(?:（必須）)?\\s*\\*?\\s*$`);
    const labelEl = card.locator('label[for]').filter({ hasText: re });
    const count = await labelEl.count();
    if (count !== 1) throw new Error(`card label "${label}": ${count} matches`);
    const id = await labelEl.getAttribute('for');
    if (!id) throw new Error(`card label "${label}" has no for=`);
    return card.locator(`[id="${id}"]`);
  }

  /** Types `value` into the text input or textarea labelled `label` (replacing what is there). */
  async fillCardInput(label: string, value: string, card: Locator = this.cards().last()): Promise<void> {
    await (await this.cardControl(label, card)).fill(value);
  }

  /** Selects the radio button `option` (its title) of the expanded choice set labelled `label`. */
  async chooseCardOption(label: string, option: string, card: Locator = this.cards().last()): Promise<void> {
    const group = await this.cardControl(label, card);
    await group.getByRole('radio', { name: option, exact: true }).check();
  }

  /** Switches the Input.Toggle titled `title` on or off. */
  async setCardToggle(title: string, on: boolean, card: Locator = this.cards().last()): Promise<void> {
    await card.getByRole('checkbox', { name: title, exact: true }).setChecked(on);
  }

  /**
   * Picks `date` (`YYYY-MM-DD`) in the Input.Date labelled `label` the way a person does: the
   * Fluent date picker ignores typed text, so this opens its calendar, pages to the month and
   * clicks the day.
   */
  async pickCardDate(label: string, date: string, card: Locator = this.cards().last()): Promise<void> {
    await this.pickDate(await this.cardControl(label, card), date);
  }

  /**
   * Fills a datetime field (an Input.Date labelled `label` followed by its Input.Time): `date` is
   * `YYYY-MM-DD`, `time` is `HH:mm`.
   */
  async fillCardDateTime(
    label: string,
    date: string,
    time: string,
    card: Locator = this.cards().last(),
  ): Promise<void> {
    const dateInput = await this.cardControl(label, card);
    await this.pickDate(dateInput, date);
    const timeInput = dateInput.locator(
      'xpath=following::input[contains(@class,"fui-TimePicker__input")][1]',
    );
    await this.pickTime(timeInput, time);
  }

  private async pickDate(input: Locator, date: string): Promise<void> {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
    if (!m) throw new Error(`date must be YYYY-MM-DD: ${date}`);
    const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const monthName = MONTHS[month - 1];
    await input.click();
    const calendar = this.page.getByRole('dialog', { name: 'Calendar' });
    await calendar.waitFor({ state: 'visible' });
    // The header button is named like "November 2026"; page towards the wanted month.
    const header = calendar.getByRole('button', { name: /^[A-Z][a-z]+ \d{4}$/ }).first();
    for (let i = 0; i < 24; i++) {
      const [shownName, shownYear] = ((await header.getAttribute('aria-label')) ?? '').split(' ');
      const shown = Number(shownYear) * 12 + MONTHS.indexOf(shownName ?? '');
      const wanted = year * 12 + month - 1;
      if (shown === wanted) break;
      await calendar.getByTitle(shown < wanted ? /^Next month/ : /^Previous month/).click();
    }
    await calendar.getByRole('button', { name: `${day}, ${monthName}, ${year}`, exact: true }).click();
    await calendar.waitFor({ state: 'hidden' });
  }

  private async pickTime(input: Locator, time: string): Promise<void> {
    const m = /^(\d{2}):(\d{2})$/.exec(time);
    if (!m) throw new Error(`time must be HH:mm: ${time}`);
    const [hh, mm] = [Number(m[1]), m[2]];
    // The Fluent time picker lists half hours as "8:30 AM"; other times are typed and confirmed.
    const shown = `${hh % 12 === 0 ? 12 : hh % 12}:${mm} ${hh < 12 ? 'AM' : 'PM'}`;
    await input.click();
    const option = this.page.getByRole('option', { name: shown, exact: true });
    if (mm === '00' || mm === '30') {
      await option.click();
    } else {
      await input.fill(time);
      await input.press('Enter');
    }
    await expectValue(input, shown);
  }

  /**
   * Saves a PNG to test/e2e/screenshots/<name>.png and returns its path: the visible page, or the
   * whole of `target` (e.g. a card taller than the window) when given.
   */
  async screenshot(name: string, target?: Locator): Promise<string> {
    fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
    const file = path.join(SCREENSHOT_DIR, `${name.replace(/[^\w.-]+/g, '_')}.png`);
    if (!target) {
      await this.page.screenshot({ path: file });
      return file;
    }
    // The chat is an inner scroll area: a card taller than it is clipped, so make the window tall
    // enough for the whole card for the time of the screenshot.
    const viewport = this.page.viewportSize() ?? { width: 1280, height: 1000 };
    const height = (await target.boundingBox())?.height ?? 0;
    try {
      if (height + 300 > viewport.height) {
        await this.page.setViewportSize({ width: viewport.width, height: Math.ceil(height + 300) });
        await sleep(300);
      }
      await target.scrollIntoViewIfNeeded();
      await target.screenshot({ path: file });
    } finally {
      await this.page.setViewportSize(viewport);
    }
    return file;
  }
}
