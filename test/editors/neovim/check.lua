-- Drives copydesk-language-server from Neovim 0.7+ (headless), as a writer's editor would: start it
-- with no arguments (stdio), open the draft, wait for pushed diagnostics, ask for a code action on
-- the repeated paragraph, apply it and see the diagnostics update. Prints ok/FAIL lines and exits
-- non-zero (:cq) on any failure. Started by test/editors/run.sh with the draft as the current buffer.
local root = assert(vim.env.COPYDESK_ROOT, 'COPYDESK_ROOT is not set')
local bufnr = vim.api.nvim_get_current_buf()
local passed, failed = 0, 0

local function say(line)
  io.stdout:write(line .. '\n')
end

local function check(name, ok, detail)
  if ok then
    passed = passed + 1
    say('ok   ' .. name)
  else
    failed = failed + 1
    say('FAIL ' .. name .. (detail and ('\n     ' .. detail) or ''))
  end
  return ok
end

local function finish()
  say(string.format('neovim: %d passed, %d failed', passed, failed))
  vim.lsp.stop_client(vim.lsp.get_active_clients())
  vim.cmd(failed == 0 and 'qa!' or 'cq')
end

-- The raw LSP diagnostics, as the server pushed them: a code action request sends them back.
local pushed = {}
local publish = vim.lsp.handlers['textDocument/publishDiagnostics']
local exited = nil

local client_id = vim.lsp.start_client({
  name = 'copydesk',
  -- No --stdio: copydesk-language-server (server/out/server.js) must default to it. Run as the
  -- command npm links, so Node starts with the flags of its #! line (esbuild.mjs).
  cmd = { root .. '/server/out/server.js' },
  root_dir = vim.fn.getcwd(),
  handlers = {
    ['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
      pushed[result.uri] = result.diagnostics
      return publish(err, result, ctx, config)
    end,
  },
  on_exit = function(code, signal)
    exited = { code = code, signal = signal }
  end,
})
if not check('the server starts', client_id ~= nil) then
  return finish()
end
vim.lsp.buf_attach_client(bufnr, client_id)
local uri = vim.uri_from_bufnr(bufnr)

local function code_of(d)
  return d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
end
local function find(list, code)
  for _, d in ipairs(list or {}) do
    if (d.code or code_of(d)) == code then
      return d
    end
  end
end
local function codes(list)
  local out = {}
  for _, d in ipairs(list or {}) do
    table.insert(out, tostring(code_of(d)))
  end
  return table.concat(out, ', ')
end

local arrived = vim.wait(20000, function()
  return find(vim.diagnostic.get(bufnr), 'duplicate-paragraph') ~= nil or exited ~= nil
end, 50)
local diagnostics = vim.diagnostic.get(bufnr)
check('pushed diagnostics arrive for the draft', arrived and #diagnostics > 0, exited and ('server exited: ' .. vim.inspect(exited)) or ('got: ' .. codes(diagnostics)))

local dup = find(diagnostics, 'duplicate-paragraph')
check('the repeated paragraph is reported on line 7', dup ~= nil and dup.lnum == 6 and dup.col == 0, 'got: ' .. vim.inspect(dup))

local loaded = find(diagnostics, 'loaded-language')
local line5 = vim.api.nvim_buf_get_lines(bufnr, 4, 5, false)[1]
-- é, ë and 🚢 come before the word: the server counts UTF-16 units, Neovim bytes, and they must meet.
local byte_col = line5:find('draconian', 1, true) - 1
check("the loaded word 'draconian' is reported at its byte column (UTF-16 positions converted)", loaded ~= nil and loaded.lnum == 4 and loaded.col == byte_col and loaded.end_col == byte_col + #'draconian', 'got: ' .. vim.inspect(loaded) .. ', expected col ' .. byte_col)

local raw = find(pushed[uri], 'duplicate-paragraph')
local actions = {}
if raw then
  local responses = vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', {
    textDocument = { uri = uri },
    range = raw.range,
    context = { diagnostics = { raw } },
  }, 10000)
  for _, response in pairs(responses or {}) do
    for _, action in ipairs(response.result or {}) do
      table.insert(actions, action)
    end
  end
end
local remove = nil
local titles = {}
for _, action in ipairs(actions) do
  table.insert(titles, action.title)
  if action.title == 'Remove duplicate paragraph' and action.kind == 'quickfix' and action.edit then
    remove = action
  end
end
check("a code action 'Remove duplicate paragraph' is offered", remove ~= nil, 'got: ' .. table.concat(titles, ' | '))

if remove then
  vim.lsp.util.apply_workspace_edit(remove.edit, 'utf-16')
  local text = table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false), '\n')
  local _, copies = text:gsub('The Kelby harbour board voted', '')
  check('applying it leaves one copy of the paragraph', copies == 1, text)
  -- Neovim sends the change; the server lints the new version and pushes again.
  local updated = vim.wait(20000, function()
    local now = vim.diagnostic.get(bufnr)
    return find(now, 'duplicate-paragraph') == nil and find(now, 'loaded-language') ~= nil
  end, 50)
  check('the diagnostics follow the edit (no repeat left, the loaded word still there)', updated, 'got: ' .. codes(vim.diagnostic.get(bufnr)))
end

-- A .txt draft: Neovim says its language is "text" (its filetype), VS Code says "plaintext".
vim.o.hidden = true
vim.cmd('edit ferry-notes.txt')
local txt = vim.api.nvim_get_current_buf()
vim.lsp.buf_attach_client(txt, client_id)
local txt_checked = vim.wait(20000, function()
  return find(vim.diagnostic.get(txt), 'duplicate-paragraph') ~= nil
end, 50)
check('a .txt draft (filetype ' .. vim.bo[txt].filetype .. ') is checked too', txt_checked, 'got: ' .. codes(vim.diagnostic.get(txt)))

finish()
