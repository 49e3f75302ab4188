"""`ivrc lsp` driven by a real LSP client (pytest-lsp), with the capabilities VS Code and
Neovim 0.7 (push diagnostics only) send. Run by Tests/ivrcTests/LanguageServerClientTests.swift
with IVRC set to the built binary; every wait has a timeout."""

import asyncio
import os
import pathlib
import subprocess
import sys
import tempfile

import pytest
import pytest_lsp
from lsprotocol import types
from pygls.exceptions import JsonRpcException
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

IVRC = os.environ["IVRC"]
TIMEOUT = 20

FLOW = """flow front
  number +1-800-555-0157
  industry general

  step welcome
    say "😀 é" volumee=2
    goto desk

  step desk
    dial +1-555-010-0200 timeout=30s

  test "reaches the desk"
    expect step desk
"""

FIXED = FLOW.replace(" volumee=2", "")

TWIN = FIXED.replace("flow front", "flow twin")


@pytest_lsp.fixture(
    config=ClientServerConfig(server_command=[IVRC, "lsp"]),
    params=["visual-studio-code", "neovim@v0.7.0"],
)
async def client(lsp_client: LanguageClient, request):
    root = pathlib.Path(tempfile.mkdtemp(prefix="ivrc-lsp-client-"))
    (root / "twin.ivr").write_text(TWIN, encoding="utf-8")
    lsp_client.root = root
    await asyncio.wait_for(
        lsp_client.initialize_session(
            types.InitializeParams(
                capabilities=client_capabilities(request.param),
                root_uri=root.as_uri(),
                workspace_folders=[types.WorkspaceFolder(uri=root.as_uri(), name="flows")],
            )
        ),
        TIMEOUT,
    )
    yield
    await asyncio.wait_for(lsp_client.shutdown_session(), TIMEOUT)


async def until(condition, what: str):
    """Waits for `condition()` to hold, at most TIMEOUT seconds."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + TIMEOUT
    while not condition():
        if loop.time() > deadline:
            raise AssertionError(f"{what}: not within {TIMEOUT}s")
        await asyncio.sleep(0.02)


async def diagnostics(client: LanguageClient, uri: str):
    """The diagnostics published for `uri`, waiting for the first publication."""
    await until(lambda: uri in client.diagnostics, f"diagnostics for {uri}")
    return client.diagnostics[uri]


def open_flow(client: LanguageClient, name: str, text: str) -> str:
    uri = (client.root / name).as_uri()
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(types.TextDocumentItem(uri=uri, language_id="ivr", version=1, text=text))
    )
    return uri


@pytest.mark.asyncio
async def test_the_squiggle_is_on_the_option_after_an_emoji(client: LanguageClient):
    uri = open_flow(client, "front.ivr", FLOW)
    found = await diagnostics(client, uri)
    unknown = [d for d in found if d.range.start.line == 5]
    assert unknown, found
    # `    say "😀 é" ` is 15 UTF-16 units: the emoji counts two.
    assert unknown[0].range.start.character == 15
    assert unknown[0].source == "ivrc"
    assert unknown[0].severity == types.DiagnosticSeverity.Error


@pytest.mark.asyncio
async def test_fixing_the_number_clears_the_other_file(client: LanguageClient):
    twin = (client.root / "twin.ivr").as_uri()
    uri = open_flow(client, "front.ivr", FIXED)
    assert any(d.code == "duplicate-number" for d in await diagnostics(client, twin))
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=FIXED.replace("0157", "0158"))],
        )
    )
    # An empty publication clears a file (the client keeps it as an empty sequence).
    await until(lambda: len(client.diagnostics.get(twin, [None])) == 0, "the twin's duplicate-number cleared")
    await until(lambda: len(client.diagnostics.get(uri, [None])) == 0, "the edited flow clean")


@pytest.mark.asyncio
async def test_formatting_is_ivrc_fmt(client: LanguageClient):
    messy = FIXED.replace("  number +1", "  number   +1").replace("0157", "0159")
    uri = open_flow(client, "front.ivr", messy)
    edits = await asyncio.wait_for(
        client.text_document_formatting_async(
            types.DocumentFormattingParams(
                text_document=types.TextDocumentIdentifier(uri=uri),
                options=types.FormattingOptions(tab_size=2, insert_spaces=True),
            )
        ),
        TIMEOUT,
    )
    expected = subprocess.run([IVRC, "fmt", "-"], input=messy.encode(), capture_output=True, check=True, timeout=TIMEOUT)
    assert len(edits) == 1 and edits[0].new_text == expected.stdout.decode()


@pytest.mark.asyncio
async def test_symbols_definition_and_rename(client: LanguageClient):
    uri = open_flow(client, "front.ivr", FIXED.replace("0157", "0160"))
    document = types.TextDocumentIdentifier(uri=uri)
    symbols = await asyncio.wait_for(
        client.text_document_document_symbol_async(types.DocumentSymbolParams(text_document=document)), TIMEOUT
    )
    assert [child.name for child in symbols[0].children] == ["welcome", "desk", "reaches the desk"]
    definition = await asyncio.wait_for(
        client.text_document_definition_async(
            types.DefinitionParams(text_document=document, position=types.Position(line=6, character=10))
        ),
        TIMEOUT,
    )
    assert definition[0].range.start == types.Position(line=8, character=7)
    edit = await asyncio.wait_for(
        client.text_document_rename_async(
            types.RenameParams(text_document=document, position=types.Position(line=8, character=8), new_name="reception")
        ),
        TIMEOUT,
    )
    assert len(edit.changes[uri]) == 3
    with pytest.raises(JsonRpcException, match="front desk"):
        await asyncio.wait_for(
            client.text_document_rename_async(
                types.RenameParams(text_document=document, position=types.Position(line=8, character=8), new_name="front desk")
            ),
            TIMEOUT,
        )
    folds = await asyncio.wait_for(
        client.text_document_folding_range_async(types.FoldingRangeParams(text_document=document)), TIMEOUT
    )
    assert any(fold.start_line == 0 for fold in folds)


TESTED = (
    FIXED.replace("0157", "0161")
    .replace('test "reaches the desk"\n    expect step desk', 'test "dials the desk"\n    expect dial +1-555-010-0200')
    + '  test "says goodbye"\n    expect say "Goodbye."\n'
)


def member(value, name: str):
    """A member of an `LSPAny` result, however the client decoded the object."""
    return value[name] if isinstance(value, dict) else getattr(value, name)


@pytest.mark.asyncio
async def test_run_test_lenses(client: LanguageClient):
    uri = open_flow(client, "front.ivr", TESTED)
    lenses = await asyncio.wait_for(
        client.text_document_code_lens_async(types.CodeLensParams(text_document=types.TextDocumentIdentifier(uri=uri))),
        TIMEOUT,
    )
    assert [lens.command.title for lens in lenses] == ["▶ run all tests", "▶ run test", "▶ run test"]
    assert [lens.range.start.line for lens in lenses] == [11, 11, 13]
    failing = lenses[2].command
    assert list(failing.arguments) == [uri, "says goodbye"]
    result = await asyncio.wait_for(
        client.workspace_execute_command_async(
            types.ExecuteCommandParams(command=failing.command, arguments=failing.arguments)
        ),
        TIMEOUT,
    )
    assert member(result, "passed") == 0 and member(result, "failed") == 1
    failure = member(member(result, "tests")[0], "failure")
    assert ":15:5: `expect say \"Goodbye.\"` did not happen" in failure
    await until(lambda: client.messages, "the run shown")
    assert client.messages[-1].type == types.MessageType.Error
    assert "FAIL front: says goodbye" in client.messages[-1].message
    everything = lenses[0].command
    result = await asyncio.wait_for(
        client.workspace_execute_command_async(
            types.ExecuteCommandParams(command=everything.command, arguments=everything.arguments)
        ),
        TIMEOUT,
    )
    assert member(result, "passed") == 1 and member(result, "failed") == 1
    with pytest.raises(JsonRpcException, match="no test named"):
        await asyncio.wait_for(
            client.workspace_execute_command_async(
                types.ExecuteCommandParams(command="ivrc.runTest", arguments=[uri, "was renamed"])
            ),
            TIMEOUT,
        )
