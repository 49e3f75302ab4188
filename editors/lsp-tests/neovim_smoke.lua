-- Neovim (0.7, Debian's) opens a flow, starts `ivrc lsp` and writes the diagnostics it shows,
-- one "LINE:BYTE-COLUMN CODE" a line, to $IVRC_OUT. Run headless by LanguageServerClientTests.
local ivrc, flow, out = os.getenv("IVRC"), os.getenv("IVRC_FLOW"), os.getenv("IVRC_OUT")
local lines = {}
vim.cmd("edit " .. vim.fn.fnameescape(flow))
local buffer = vim.api.nvim_get_current_buf()
local client = vim.lsp.start_client({ name = "ivrc", cmd = { ivrc, "lsp" }, root_dir = vim.fn.fnamemodify(flow, ":h") })
if client == nil then
  lines = { "the client did not start" }
else
  vim.lsp.buf_attach_client(buffer, client)
  if not vim.wait(20000, function() return #vim.diagnostic.get(buffer) > 0 end, 50) then
    lines = { "no diagnostics within 20s" }
  end
  for _, diagnostic in ipairs(vim.diagnostic.get(buffer)) do
    local lsp = diagnostic.user_data and diagnostic.user_data.lsp or {}
    table.insert(lines, string.format("%d:%d %s", diagnostic.lnum, diagnostic.col, diagnostic.code or lsp.code or "?"))
  end
  vim.lsp.stop_client(client)
end
vim.fn.writefile(lines, out)
vim.cmd("qa!")
