-- Run by test/editors/neovim.test.ts as: nvim --headless --clean -c 'luafile <this file>'
-- Starts the language server with Neovim's own LSP client (0.7 API), opens a report, waits for the
-- server's diagnostics, asks for a hover, writes everything it saw as JSON and quits.
-- Inputs (environment): NIANBAO_SERVER (dist/server.js), NIANBAO_FILE (report), NIANBAO_HOVER_TEXT
-- (text to hover over), NIANBAO_OUT (JSON result), NIANBAO_TIMEOUT_MS (per wait).
local server = os.getenv('NIANBAO_SERVER')
local file = os.getenv('NIANBAO_FILE')
local hover_text = os.getenv('NIANBAO_HOVER_TEXT')
local out = os.getenv('NIANBAO_OUT')
local timeout = tonumber(os.getenv('NIANBAO_TIMEOUT_MS'))

local result = { server_messages = {} }

local function finish(exit_code)
  local f = assert(io.open(out, 'w'))
  f:write(vim.json.encode(result))
  f:close()
  vim.cmd((exit_code == 0) and 'qall!' or 'cquit! ' .. exit_code)
end

local function remember_message(_, params)
  table.insert(result.server_messages, params.message)
end

local ok, err = pcall(function()
  local client_id = vim.lsp.start_client({
    name = 'nianbao',
    cmd = { 'node', server, '--stdio' },
    root_dir = vim.fn.fnamemodify(file, ':h'),
    handlers = {
      ['textDocument/publishDiagnostics'] = function(_, params)
        -- Keep the raw LSP payload (UTF-16 ranges) so the test can compare it with the CLI's output.
        if params.uri == vim.uri_from_fname(file) and result.diagnostics == nil then
          result.diagnostics = params.diagnostics
        end
      end,
      ['window/logMessage'] = remember_message,
      ['window/showMessage'] = remember_message,
    },
    on_exit = function(code, signal)
      result.server_exit = { code = code, signal = signal }
    end,
  })
  if not client_id then
    error('vim.lsp.start_client failed for node ' .. server)
  end

  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local bufnr = vim.api.nvim_get_current_buf()
  vim.lsp.buf_attach_client(bufnr, client_id)

  if not vim.wait(timeout, function() return result.diagnostics ~= nil end, 20) then
    error('no textDocument/publishDiagnostics for ' .. file .. ' within ' .. timeout .. ' ms')
  end

  -- Hover at the first character of hover_text; LSP positions count UTF-16 code units.
  local lines = vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)
  for lnum, line in ipairs(lines) do
    local byte = line:find(hover_text, 1, true)
    if byte then
      local _, utf16 = vim.str_utfindex(line, byte - 1)
      result.hover_position = { line = lnum - 1, character = utf16 }
      break
    end
  end
  if not result.hover_position then
    error('text not found in the report: ' .. hover_text)
  end
  if not vim.lsp.get_client_by_id(client_id).server_capabilities.hoverProvider then
    error('the server does not advertise hoverProvider')
  end
  local responses = vim.lsp.buf_request_sync(bufnr, 'textDocument/hover', {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) },
    position = result.hover_position,
  }, timeout)
  if not responses or not responses[client_id] then
    error('no textDocument/hover response within ' .. timeout .. ' ms')
  end
  result.hover = responses[client_id].result
  result.hover_error = responses[client_id].err
end)

if ok then
  finish(0)
else
  result.error = tostring(err)
  finish(1)
end
