-- Mutual (*.mutual partnership agreements) in Neovim: the file type, `#`
-- comments, two-space indentation, and the language server `mutual lsp`.
--
-- Copy this file into your configuration as it is, for example to
-- ~/.config/nvim/plugin/mutual.lua, and syntax/mutual.vim (beside this file)
-- to ~/.config/nvim/syntax/mutual.vim for highlighting. Or add this folder
-- to the runtime path and source this file:
--
--   vim.opt.runtimepath:append("/path/to/mutual/editors/neovim")
--   dofile("/path/to/mutual/editors/neovim/mutual.lua")
--
-- Works with Neovim 0.7 and later. The server also gives semantic
-- highlighting, so syntax/mutual.vim is only the first layer.

-- The command that starts the server: change it if `mutual` is not on
-- your PATH.
local mutual_cmd = { "mutual", "lsp" }

-- File type. Neovim 0.8 and later detect files with vim.filetype.add;
-- Neovim 0.7 reads it only with g:do_filetype_lua, so it gets an autocommand.
if vim.filetype and vim.filetype.add then
  vim.filetype.add({ extension = { mutual = "mutual" } })
end
local group = vim.api.nvim_create_augroup("mutual", { clear = true })
if vim.fn.has("nvim-0.8") == 0 then
  vim.api.nvim_create_autocmd({ "BufRead", "BufNewFile" }, {
    group = group,
    pattern = "*.mutual",
    command = "setfiletype mutual",
  })
end

-- The project root: the nearest folder holding mutual.toml (or .git),
-- else the file's own folder.
local function root_dir(bufnr)
  local name = vim.api.nvim_buf_get_name(bufnr)
  local dir = name ~= "" and vim.fn.fnamemodify(name, ":p:h") or vim.fn.getcwd()
  local upward = vim.fn.escape(dir, " ,;") .. ";"
  local toml = vim.fn.findfile("mutual.toml", upward)
  if toml ~= "" then
    return vim.fn.fnamemodify(toml, ":p:h")
  end
  local git = vim.fn.finddir(".git", upward)
  if git ~= "" then
    return vim.fn.fnamemodify(git, ":p:h:h")
  end
  return dir
end

-- Neovim 0.7 has no vim.lsp.start: one client per root, attached by hand.
local clients_07 = {}
local function start_07(bufnr, config)
  local id = clients_07[config.root_dir]
  local client = id and vim.lsp.get_client_by_id(id)
  if not client or client.is_stopped() then
    id = vim.lsp.start_client(config)
    clients_07[config.root_dir] = id
  end
  if id then
    vim.lsp.buf_attach_client(bufnr, id)
  end
end

vim.api.nvim_create_autocmd("FileType", {
  group = group,
  pattern = "mutual",
  callback = function(args)
    local bufnr = args.buf
    vim.bo[bufnr].commentstring = "# %s"
    vim.bo[bufnr].comments = ":#"
    vim.bo[bufnr].expandtab = true
    vim.bo[bufnr].shiftwidth = 2
    vim.bo[bufnr].softtabstop = 2

    local config = {
      name = "mutual",
      cmd = mutual_cmd,
      root_dir = root_dir(bufnr),
    }
    if vim.fn.executable(mutual_cmd[1]) == 0 then
      vim.notify_once(
        "mutual: `" .. mutual_cmd[1] .. "` is not executable; no language server (see mutual.lua)",
        vim.log.levels.WARN
      )
      return
    end
    if vim.lsp.start then
      vim.lsp.start(config, { bufnr = bufnr })
    else
      start_07(bufnr, config)
    end
  end,
})
