-- Headless Neovim check of editors/neovim, driven by tests/editors.rs:
--
--   nvim --headless --clean -u editors/neovim/test/check.lua FILE [OTHER]
--
-- Loads mutual.lua as a user would (with editors/neovim on the runtime path
-- for syntax/mutual.vim), lets Neovim open FILE, and writes to $MUTUAL_OUT
-- as JSON: the file type, b:current_syntax, the comment string, the syntax
-- group of every stretch of every line, and the language-server clients
-- attached to FILE (and to OTHER, opened after it, which should share the
-- client). Uses only what Neovim 0.7 has.

local here = debug.getinfo(1, "S").source:sub(2)
local editors = vim.fn.fnamemodify(here, ":p:h:h")
vim.opt.runtimepath:prepend(editors)
dofile(editors .. "/mutual.lua")

local out = { errors = {} }

local function finish()
  vim.fn.writefile({ vim.fn.json_encode(out) }, os.getenv("MUTUAL_OUT"))
  vim.cmd("qa!")
end

-- The syntax group of each stretch of each line: { { text, group }, ... }.
local function highlight(bufnr)
  local lines = {}
  local count = vim.api.nvim_buf_line_count(bufnr)
  for lnum = 1, count do
    local text = vim.fn.getline(lnum)
    local stretches = {}
    local start, group = 1, nil
    local bytes = #text
    for col = 1, bytes + 1 do
      local g = col <= bytes and vim.fn.synIDattr(vim.fn.synID(lnum, col, 1), "name") or nil
      if col > bytes or g ~= group then
        if group ~= nil and col > start then
          table.insert(stretches, { text:sub(start, col - 1), group })
        end
        start, group = col, g
      end
    end
    table.insert(lines, stretches)
  end
  return lines
end

local function clients_of(bufnr)
  local found = {}
  for id, client in pairs(vim.lsp.buf_get_clients(bufnr)) do
    table.insert(found, {
      id = id,
      name = client.name,
      cmd = client.config.cmd,
      root_dir = client.config.root_dir,
      initialized = client.server_capabilities ~= nil or client.resolved_capabilities ~= nil,
    })
  end
  return found
end

local function wait_for_client(bufnr)
  local ok = vim.wait(20000, function()
    for _, c in ipairs(clients_of(bufnr)) do
      if c.initialized then
        return true
      end
    end
    return false
  end, 50)
  if not ok then
    table.insert(out.errors, "no language server client initialised for buffer " .. bufnr)
  end
end

local function run()
  local ok, problem = pcall(function()
    local bufnr = vim.api.nvim_get_current_buf()
    out.filetype = vim.bo[bufnr].filetype
    out.current_syntax = vim.b[bufnr].current_syntax or vim.NIL
    out.commentstring = vim.bo[bufnr].commentstring
    out.shiftwidth = vim.bo[bufnr].shiftwidth
    out.lines = highlight(bufnr)
    wait_for_client(bufnr)
    out.clients = clients_of(bufnr)
    local other = vim.fn.argv(1)
    if other ~= "" then
      vim.cmd("edit " .. vim.fn.fnameescape(other))
      local second = vim.api.nvim_get_current_buf()
      out.other_filetype = vim.bo[second].filetype
      wait_for_client(second)
      out.other_clients = clients_of(second)
    end
  end)
  if not ok then
    table.insert(out.errors, tostring(problem))
  end
  finish()
end

vim.api.nvim_create_autocmd("VimEnter", {
  callback = function()
    vim.schedule(run)
  end,
})
