"""`mutual lsp` under pytest-lsp, as VS Code and Emacs (eglot) would drive it.

The binary comes from the `MUTUAL_BIN` environment variable (set by
`tests/lsp_pytest.rs`). Every test runs once per client.
"""

import os
import pathlib

import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

MUTUAL_BIN = os.environ.get("MUTUAL_BIN", "mutual")


def register_capability(client: LanguageClient, params: types.RegistrationParams):
    """Accepts the server's registrations (file watchers), as editors do."""
    client.registrations.extend(params.registrations)


@pytest_lsp.fixture(
    config=ClientServerConfig(server_command=[MUTUAL_BIN, "lsp"]),
    params=["visual-studio-code", "emacs"],
)
async def client(lsp_client: LanguageClient, request, tmp_path: pathlib.Path):
    lsp_client.registrations = []
    lsp_client.feature(types.CLIENT_REGISTER_CAPABILITY)(register_capability)
    lsp_client.workspace = tmp_path.resolve()
    params = types.InitializeParams(
        capabilities=client_capabilities(request.param),
        workspace_folders=[
            types.WorkspaceFolder(uri=lsp_client.workspace.as_uri(), name="workspace")
        ],
    )
    result = await lsp_client.initialize_session(params)
    lsp_client.encoding = result.capabilities.position_encoding
    yield
    await lsp_client.shutdown_session()
