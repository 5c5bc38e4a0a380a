-- Headless Neovim (>= 0.7.2, Debian 12) as a real LSP client for the Netlens language server.
-- Run by test/e2e/nvim/run.mjs:  NETLENS_NVIM_CASE=case.json nvim --headless -u NONE -i NONE -n -c 'luafile harness.lua'
-- case.json: {
--   cmd: ["node", ".../bin/netlens-language-server.js", "--stdio"], root: "/ws", file: "/ws/a.yaml", out: "/tmp/r.json",
--   timeoutMs: 20000,
--   waitFor: ["/ws/b.yaml", ...],       -- files whose diagnostics must have been published before going on
--   requests: [{ method: "textDocument/hover", params: { position: {line, character} } }, ...],
--                                       -- textDocument is filled in; "$diagnostics" as context.diagnostics means
--                                       -- the diagnostics published for the opened file
--   edits: [{ start: 11, ["end"]: 12, lines: ["..."] }, ...],   -- nvim_buf_set_lines (0-based, end exclusive), one
--   editWaitFor: "/ws/c.yaml",           -- after another; then wait for a new publish for editWaitFor
-- }
-- Writes { capabilities, diagnostics = {file = [...]} (the last publish per file), publishes = {file = count},
--   responses = [{method, answered, err, result}], beforeEdit = {...}, afterEdit = {...}, errors }.
-- Exit code: 0 done (the driver judges the result), 2 timeout, 3 the server did not start.
local case = vim.json.decode(table.concat(vim.fn.readfile(vim.env.NETLENS_NVIM_CASE), '\n'))
local timeout = case.timeoutMs or 20000
local result = { diagnostics = {}, publishes = {}, responses = {}, errors = {} }

local function finish(code)
  local f = assert(io.open(case.out, 'w'))
  f:write(vim.json.encode(result))
  f:close()
  vim.cmd(code == 0 and 'qa!' or ('cq! ' .. code))
end

local function abs(p) return vim.fn.fnamemodify(p, ':p') end

vim.cmd('edit ' .. vim.fn.fnameescape(case.file))
local buf = vim.api.nvim_get_current_buf()
vim.bo[buf].filetype = 'yaml'

local client_id = vim.lsp.start_client({
  name = 'netlens',
  cmd = case.cmd,
  root_dir = case.root,
  workspace_folders = { { uri = vim.uri_from_fname(case.root), name = 'e2e' } },
  handlers = {
    ['textDocument/publishDiagnostics'] = function(_, params)
      local file = vim.uri_to_fname(params.uri)
      result.diagnostics[file] = params.diagnostics
      result.publishes[file] = (result.publishes[file] or 0) + 1
    end,
    ['window/logMessage'] = function() end,
    ['window/showMessage'] = function(_, params) table.insert(result.errors, 'showMessage: ' .. params.message) end,
  },
  on_exit = function(code, signal)
    if code ~= 0 then table.insert(result.errors, ('server exited with %s (signal %s)'):format(code, signal)) end
  end,
})
if not client_id then
  table.insert(result.errors, 'start_client failed')
  return finish(3)
end
vim.lsp.buf_attach_client(buf, client_id)
local client = vim.lsp.get_client_by_id(client_id)

local function wait(what, predicate)
  if vim.wait(timeout, predicate, 20) then return true end
  table.insert(result.errors, 'timeout waiting for ' .. what)
  return false
end

local opened = abs(case.file)
if not wait('diagnostics of ' .. opened, function() return result.diagnostics[opened] ~= nil end) then return finish(2) end
for _, file in ipairs(case.waitFor or {}) do
  if not wait('diagnostics of ' .. file, function() return result.diagnostics[abs(file)] ~= nil end) then return finish(2) end
end
result.capabilities = client.server_capabilities

for _, request in ipairs(case.requests or {}) do
  local params = vim.deepcopy(request.params or {})
  params.textDocument = { uri = vim.uri_from_bufnr(buf) }
  if params.context and params.context.diagnostics == '$diagnostics' then params.context.diagnostics = result.diagnostics[opened] end
  local response, reason = client.request_sync(request.method, params, timeout, buf)
  if response then
    table.insert(result.responses, { method = request.method, answered = true, err = response.err, result = response.result })
  else
    table.insert(result.responses, { method = request.method, answered = false, err = { message = tostring(reason) } })
  end
end

if case.edits then
  local target = abs(case.editWaitFor)
  local before = result.publishes[target] or 0
  result.beforeEdit = vim.deepcopy(result.diagnostics)
  for _, edit in ipairs(case.edits) do vim.api.nvim_buf_set_lines(buf, edit.start, edit['end'], false, edit.lines) end
  if not wait('a new publish for ' .. target .. ' after the edit', function() return (result.publishes[target] or 0) > before end) then
    return finish(2)
  end
  result.afterEdit = vim.deepcopy(result.diagnostics)
end

client.stop()
vim.wait(5000, function() return client.is_stopped() end, 20)
finish(0)
