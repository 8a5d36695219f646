// Connects to the Todo MCP server with the official MCP TypeScript SDK client over Streamable HTTP and checks
// what a standard client relies on: initialize, tools/list, tools/call, tool errors, protocol errors in plain words,
// no session to keep (any replica answers), 401 without a token. Prints one line per check; exits 1 on the first
// mismatch, 2 on wrong usage.
//
//   MCP_URL=http://localhost:9080/api/mcp MCP_TOKEN=<token from POST /api/auth/login> node check.mjs
//
// With MCP_SCOPE=read (a personal access token of scope read) it checks instead that only the reading tools are
// listed, that they work, and that a write tool is refused in plain words.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { SUPPORTED_PROTOCOL_VERSIONS } from '@modelcontextprotocol/sdk/types.js';

const TOOLS = ['create_task', 'delete_task', 'get_stats', 'get_task', 'list_tasks', 'toggle_complete', 'update_task'];
const READING_TOOLS = ['get_stats', 'get_task', 'list_tasks'];

const url = process.env.MCP_URL;
const token = process.env.MCP_TOKEN;
const readOnly = process.env.MCP_SCOPE === 'read';
if (!url || !token) {
  console.error('usage: MCP_URL=<server>/api/mcp MCP_TOKEN=<bearer token> node check.mjs');
  process.exit(2);
}

class Mismatch extends Error {}

function expect(condition, what, actual) {
  if (!condition) {
    throw new Mismatch(`${what}; got ${JSON.stringify(actual)}`);
  }
  console.log(`ok: ${what}`);
}

function connect(bearer) {
  const headers = bearer ? { Authorization: `Bearer ${bearer}` } : {};
  const transport = new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers } });
  const client = new Client({ name: 'todo-interop-check', version: '1.0.0' });
  return { client, transport };
}

function body(result) {
  return JSON.parse(result.content.find((part) => part.type === 'text').text);
}

async function call(client, name, args) {
  const result = await client.callTool({ name, arguments: args });
  expect(!result.isError, `${name} succeeds`, result.content);
  return body(result);
}

async function checkTools(client) {
  const { tools } = await client.listTools();
  const names = tools.map((tool) => tool.name).sort();
  expect(JSON.stringify(names) === JSON.stringify(TOOLS), 'tools/list names the seven task tools', names);
  const create = tools.find((tool) => tool.name === 'create_task');
  expect(create.inputSchema.type === 'object' && JSON.stringify(create.inputSchema.required) === '["title"]',
    'create_task requires only title', create.inputSchema);
  const list = tools.find((tool) => tool.name === 'list_tasks');
  expect(Array.isArray(list.inputSchema.properties.status.enum), 'list_tasks offers status as an enum',
    list.inputSchema.properties.status);
}

async function checkCalls(client) {
  const title = `Interop check ${Date.now()}: چائے خریدنا`;
  const created = await call(client, 'create_task', { title, priority: 'HIGH', tags: ['interop'] });
  expect(created.title === title && created.priority === 'HIGH', 'create_task stores the title intact', created);

  const listed = await call(client, 'list_tasks', { search: title.slice(0, 30), status: 'OPEN' });
  expect(listed.total === 1 && listed.items[0].id === created.id, 'list_tasks finds the new task', listed);

  const stats = await call(client, 'get_stats', {});
  expect(stats.total === 1 && stats.open === 1 && stats.byPriority.HIGH === 1,
    'get_stats counts one open HIGH task', stats);

  const invalid = await client.callTool({ name: 'create_task', arguments: { owner: 'someone else' } });
  expect(invalid.isError === true && invalid.content[0].text.includes('title is required'),
    'invalid arguments come back as a tool error', invalid);

  const unknown = await client.callTool({ name: 'no_such_tool', arguments: {} }).then(
    (result) => `answered ${JSON.stringify(result)}`, (error) => String(error?.message ?? error));
  expect(unknown.includes('Unknown tool: no_such_tool') && !/Exception|\tat |java\./.test(unknown),
    'an unknown tool is a JSON-RPC error in plain words', unknown);
}

async function checkReadOnly(client) {
  const { tools } = await client.listTools();
  const names = tools.map((tool) => tool.name).sort();
  expect(JSON.stringify(names) === JSON.stringify(READING_TOOLS), 'a read token is offered only the reading tools',
    names);
  const listed = await call(client, 'list_tasks', { status: 'ALL' });
  expect(typeof listed.total === 'number', 'list_tasks works with a read token', listed);
  const refused = await client.callTool({ name: 'create_task', arguments: { title: 'Not allowed' } }).then(
    (result) => `answered ${JSON.stringify(result)}`, (error) => String(error?.message ?? error));
  expect(refused.includes('read scope') && !/Exception|\tat |java\./.test(refused),
    'create_task is refused in plain words for a read token', refused);
}

async function checkRefusedWithoutToken() {
  const { client, transport } = connect(null);
  try {
    await client.connect(transport);
  } catch (error) {
    const text = String(error?.message ?? error);
    expect(/401|nauthorized/.test(text), 'a client without a token is refused with 401', text);
    return;
  } finally {
    await client.close().catch(() => {});
  }
  expect(false, 'a client without a token is refused', 'it connected');
}

async function main() {
  const { client, transport } = connect(token);
  await client.connect(transport);
  const server = client.getServerVersion();
  const version = transport.protocolVersion;
  expect(server?.name === 'todo-on-liberty', 'initialize answers with the server info', server);
  expect(SUPPORTED_PROTOCOL_VERSIONS.includes(version), 'the negotiated protocol version is one the SDK supports',
    version);
  expect(transport.sessionId === undefined, 'the server keeps no session, so any replica can answer',
    transport.sessionId);
  console.log(`info: protocol ${version}, server ${server.name} ${server.version}`);

  if (readOnly) {
    await checkReadOnly(client);
  } else {
    await checkTools(client);
    await checkCalls(client);
  }
  await client.close();

  await checkRefusedWithoutToken();
  console.log('interop: all checks passed');
}

main().catch((error) => {
  console.error(error instanceof Mismatch ? `MISMATCH: ${error.message}` : `ERROR: ${error?.stack ?? error}`);
  process.exit(1);
});
