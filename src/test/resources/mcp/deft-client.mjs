// Drives `deft mcp` with the official MCP TypeScript SDK's client, as an agent or editor would, and prints what it
// saw as one JSON object for McpServerIT to check. Arguments: the java command, Deft's classpath, the data folder and
// the configuration file Deft is to use.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';

const [java, classpath, dataDir, configFile] = process.argv.slice(2);
const env = { ...process.env, DEFT_DATA_DIR: dataDir, DEFT_CONFIG: configFile, OLLAMA_HOST: '127.0.0.1:1' };
for (const key of ['OPENAI_API_KEY', 'ANTHROPIC_API_KEY', 'OPENAI_BASE_URL', 'ANTHROPIC_BASE_URL', 'DEFT_MODEL']) {
  delete env[key];
}
const transport = new StdioClientTransport({
  command: java, args: ['-cp', classpath, 'dev.deft.app.Main', 'mcp'], env, stderr: 'pipe',
});
let stderr = '';
transport.stderr?.on('data', (chunk) => { stderr += chunk; });
const client = new Client({ name: 'deft-it', version: '1.0.0' });
await client.connect(transport);

const out = {};
const long = (messages) => ({
  onprogress: (p) => messages.push(p.message), timeout: 240000, resetTimeoutOnProgress: true,
});
out.server = client.getServerVersion();
out.tools = (await client.listTools()).tools;

out.readProgress = [];
out.read = await client.callTool({ name: 'run_request', arguments: {
  request: 'open the shop, click Blue Teapot and read the price', headless: true } }, undefined, long(out.readProgress));
out.observe = await client.callTool({ name: 'observe_page', arguments: {} });

out.checkoutProgress = [];
out.checkout = await client.callTool({ name: 'run_request', arguments: {
  request: 'open the shop, search for usb cable, add the cheapest to the cart and check out', headless: true } },
  undefined, long(out.checkoutProgress));
out.checkoutRun = await client.callTool({ name: 'read_run', arguments: { run: out.checkout.structuredContent.run } });
// what the demo shop itself recorded, asked of its own API while deft mcp still serves it
const shop = out.checkoutRun.content[0].text.match(/http:\/\/127\.0\.0\.1:\d+\//);
out.shopRecord = shop ? await (await fetch(new URL('api/record', shop[0]))).json() : null;

// a client that cancels its request stops the run
const controller = new AbortController();
out.cancelledProgress = [];
try {
  await client.callTool({ name: 'run_request', arguments: {
    request: 'open the shop, then wait for "a text the shop never shows", then click Cart', headless: true } },
  undefined, { signal: controller.signal, timeout: 240000, onprogress: (p) => {
    out.cancelledProgress.push(p.message);
    if (p.message.startsWith('Step 2:')) controller.abort('the test has seen enough');
  } });
  out.cancelError = 'the request was not cancelled';
} catch (error) {
  out.cancelError = String(error);
}
for (let i = 0; i < 120; i++) {
  const latest = (await client.callTool({ name: 'read_run', arguments: {} })).structuredContent.runs[0];
  if (latest.status !== 'running') { out.afterCancel = latest; break; }
  await new Promise((resolve) => setTimeout(resolve, 500));
}

out.skills = await client.callTool({ name: 'list_skills', arguments: {} });
out.unknownSkill = await client.callTool({ name: 'run_skill', arguments: { name: 'order a pizza' } });
out.blankRequest = await client.callTool({ name: 'run_request', arguments: { request: '  ' } });
await client.close();
out.stderr = stderr;
process.stdout.write(JSON.stringify(out) + '\n');
