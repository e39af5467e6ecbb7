-- Headless Neovim as a real language-server client of `mutual lsp`.
--
-- Driven by tests/lsp_neovim.rs through environment variables:
--   MUTUAL_BIN   the `mutual` binary
--   MUTUAL_ROOT  the project folder
--   MUTUAL_OUT   where to write the results as JSON
--   MUTUAL_HOVER, MUTUAL_DEFINITION  "line:character" (0-based, UTF-16)
-- The file to open is given on the command line. Uses only APIs that
-- Neovim 0.7 has (`vim.lsp.start_client`, `buf_attach_client`).

local out = {
  diagnostics = vim.NIL,
  hover = vim.NIL,
  definition = vim.NIL,
  errors = {},
}

local function finish()
  vim.fn.writefile({ vim.fn.json_encode(out) }, os.getenv("MUTUAL_OUT"))
  vim.cmd("qa!")
end

local function position(env)
  local line, character = string.match(os.getenv(env) or "", "^(%d+):(%d+)$")
  return { line = tonumber(line), character = tonumber(character) }
end

local function request(bufnr, method, pos)
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) },
    position = pos,
  }
  local answers, err = vim.lsp.buf_request_sync(bufnr, method, params, 10000)
  if not answers then
    table.insert(out.errors, method .. ": " .. tostring(err))
    return vim.NIL
  end
  for _, answer in pairs(answers) do
    if answer.err then
      table.insert(out.errors, method .. ": " .. vim.inspect(answer.err))
    end
    return answer.result or vim.NIL
  end
  return vim.NIL
end

local function run()
  local ok, problem = pcall(function()
    local bufnr = vim.api.nvim_get_current_buf()
    local client_id = vim.lsp.start_client({
      name = "mutual",
      cmd = { os.getenv("MUTUAL_BIN"), "lsp" },
      root_dir = os.getenv("MUTUAL_ROOT"),
      handlers = {
        ["textDocument/publishDiagnostics"] = function(_, result, ctx, config)
          if result and result.uri == vim.uri_from_bufnr(bufnr) then
            out.diagnostics = result.diagnostics
          end
          vim.lsp.diagnostic.on_publish_diagnostics(_, result, ctx, config)
        end,
      },
      on_exit = function(code)
        out.exit_code = code
      end,
    })
    if not client_id then
      error("the language server did not start")
    end
    vim.lsp.buf_attach_client(bufnr, client_id)
    if not vim.wait(20000, function() return out.diagnostics ~= vim.NIL end, 50) then
      table.insert(out.errors, "no diagnostics arrived")
    end
    out.hover = request(bufnr, "textDocument/hover", position("MUTUAL_HOVER"))
    out.definition = request(bufnr, "textDocument/definition", position("MUTUAL_DEFINITION"))
    local client = vim.lsp.get_client_by_id(client_id)
    out.offset_encoding = client and client.offset_encoding or vim.NIL
  end)
  if not ok then
    table.insert(out.errors, tostring(problem))
  end
  finish()
end

vim.api.nvim_create_autocmd("VimEnter", { callback = function() vim.schedule(run) end })
