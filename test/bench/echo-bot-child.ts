// The reference bot of the turn benchmark (turns.ts): a bare botbuilder echo bot — CloudAdapter in
// anonymous mode, as the desk bot runs locally — behind a plain node:http server with the same shape
// as src/http/server.ts (POST /api/messages, JSON body read in full, the turn awaited, the invoke
// response or 200 written back). A message gets one text reply; an `adaptiveCard/action` invoke gets
// a message reply too and an invoke response, so both bots do the same connector work per turn.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  ActivityTypes,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  StatusCodes,
  type Request,
  type Response,
  type TurnContext,
} from 'botbuilder';

const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));

async function echo(ctx: TurnContext): Promise<void> {
  const a = ctx.activity;
  if (a.type === ActivityTypes.Message) {
    await ctx.sendActivity(a.text ? `echo: ${a.text}` : 'echo: (card submit)');
  } else if (a.type === ActivityTypes.Invoke) {
    await ctx.sendActivity('echo: (invoke)');
    await ctx.sendActivity({
      type: ActivityTypes.InvokeResponse,
      value: {
        status: StatusCodes.OK,
        body: { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: 'ok' },
      },
    });
  }
}

const server = http.createServer((req, res) => {
  if (req.method !== 'POST' || req.url !== '/api/messages') {
    res.writeHead(404).end();
    return;
  }
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
    const response: Response = {
      socket: res.socket,
      status: (code: number) => (res.statusCode = code),
      header: (name: string, value: unknown) => res.setHeader(name, String(value)),
      send: (payload?: unknown) => {
        if (payload === undefined) return;
        res.setHeader('content-type', 'application/json; charset=utf-8');
        res.write(JSON.stringify(payload));
      },
      end: () => res.end(),
    };
    const request: Request = { body, headers: req.headers as Record<string, string>, method: req.method };
    adapter.process(request, response, echo).catch((err: unknown) => {
      res.statusCode = 500;
      res.end(String((err as Error).message));
    });
  });
});

server.listen(0, '127.0.0.1', () => {
  process.send?.({ type: 'ready', port: (server.address() as AddressInfo).port });
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
