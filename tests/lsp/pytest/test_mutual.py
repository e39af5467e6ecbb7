"""Diagnostics, incremental edits, hover, definition, rename, completion,
formatting and code actions, as seen by real client capabilities."""

import asyncio

from lsprotocol import types
from pytest_lsp import LanguageClient

AGREEMENT = """agreement "Workshops" {
  goal city "City history"
  party wmil "Wikimedia Israel" {
    kind chapter
    pursues city
    invests time 40 hours "Trainers"
    gains members "New editors"
  }
  party library "City Library" {
    kind library
    pursues city
    invests venue "Computer lab" to wmil
    gains visitors "New people" from wmil
    commits "Book the lab"
  }
  channel wmil <-> library
  allow single-party because "Two sides"
}
"""


def pos(line, character):
    return types.Position(line=line, character=character)


def doc(uri):
    return types.TextDocumentIdentifier(uri=uri)


def column(client, line_text, index):
    """The column of a character index in the negotiated encoding."""
    prefix = line_text[:index]
    if client.encoding == types.PositionEncodingKind.Utf8:
        return len(prefix.encode("utf-8"))
    if client.encoding == types.PositionEncodingKind.Utf32:
        return len(prefix)
    return len(prefix.encode("utf-16-le")) // 2


async def fresh_diagnostics(client, uri, action):
    """Runs `action`, then waits for the diagnostics of `uri` it causes."""
    client.diagnostics.pop(uri, None)
    action()
    for _ in range(200):
        if uri in client.diagnostics:
            return client.diagnostics[uri]
        await asyncio.sleep(0.05)
    raise AssertionError(f"no diagnostics for {uri}")


async def open_file(client, name, text):
    path = client.workspace / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    uri = path.as_uri()
    diagnostics = await fresh_diagnostics(
        client,
        uri,
        lambda: client.text_document_did_open(
            types.DidOpenTextDocumentParams(
                text_document=types.TextDocumentItem(
                    uri=uri, language_id="mutual", version=1, text=text
                )
            )
        ),
    )
    return uri, diagnostics


def by_code(diagnostics, code):
    found = [d for d in diagnostics if d.code == code]
    assert found, f"no {code} in {[d.code for d in diagnostics]}"
    return found[0]


async def test_diagnostics(client: LanguageClient):
    uri, diagnostics = await open_file(client, "main.mutual", AGREEMENT)
    unused = by_code(diagnostics, "unused-allow")
    assert unused.source == "mutual"
    assert unused.severity == types.DiagnosticSeverity.Warning
    assert unused.range == types.Range(start=pos(16, 2), end=pos(16, 40))
    assert unused.code_description.href.endswith("/docs/rules/unused-allow.md")
    assert list(unused.tags) == [types.DiagnosticTag.Unnecessary]
    party = by_code(diagnostics, "no-commitment")
    assert party.range == types.Range(start=pos(2, 8), end=pos(2, 12))
    assert "Wikimedia Israel" in party.message


async def test_incremental_edits(client: LanguageClient):
    uri, diagnostics = await open_file(client, "main.mutual", AGREEMENT)
    by_code(diagnostics, "no-commitment")
    # Two changes in one notification: the second refers to the text left by
    # the first. An emoji before the edit point tests the encoding.
    line = '    commits "😀 Run workshops"'
    at = line.index("Run")
    changes = [
        types.TextDocumentContentChangePartial(
            range=types.Range(start=pos(7, 0), end=pos(7, 0)), text=line + "\n"
        ),
        types.TextDocumentContentChangePartial(
            range=types.Range(
                start=pos(7, column(client, line, at)),
                end=pos(7, column(client, line, at + 3)),
            ),
            text="Run ten",
        ),
    ]
    diagnostics = await fresh_diagnostics(
        client,
        uri,
        lambda: client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
                content_changes=changes,
            )
        ),
    )
    assert not [d for d in diagnostics if d.code == "no-commitment"]
    hover = await client.text_document_hover_async(
        types.HoverParams(text_document=doc(uri), position=pos(2, 9))
    )
    assert "- 😀 Run ten workshops\n" in hover.contents.value


async def test_hover(client: LanguageClient):
    uri, _ = await open_file(client, "main.mutual", AGREEMENT)
    hover = await client.text_document_hover_async(
        types.HoverParams(text_document=doc(uri), position=pos(15, 11))
    )
    assert hover.contents.kind == types.MarkupKind.Markdown
    assert hover.contents.value.startswith("**Wikimedia Israel** (party `wmil`)")
    assert "Role: **partner**" in hover.contents.value
    assert hover.range == types.Range(start=pos(15, 10), end=pos(15, 14))
    hover = await client.text_document_hover_async(
        types.HoverParams(text_document=doc(uri), position=pos(10, 13))
    )
    assert "Pursued by: Wikimedia Israel (`wmil`), City Library (`library`)" in hover.contents.value


async def test_definition_across_an_import(client: LanguageClient):
    (client.workspace / "shared").mkdir()
    (client.workspace / "shared" / "parties.mutual").write_text(
        'party wmil "Wikimedia Israel" {\n  kind chapter\n}\n'
    )
    uri, _ = await open_file(
        client,
        "main.mutual",
        'import "shared/parties.mutual"\n\nagreement "A" {\n  party wmil {\n  }\n}\n',
    )
    result = await client.text_document_definition_async(
        types.DefinitionParams(text_document=doc(uri), position=pos(3, 9))
    )
    location = result[0] if isinstance(result, list) else result
    assert location.uri == (client.workspace / "shared" / "parties.mutual").as_uri()
    assert location.range == types.Range(start=pos(0, 6), end=pos(0, 10))


async def test_rename(client: LanguageClient):
    uri, _ = await open_file(client, "main.mutual", AGREEMENT)
    prepared = await client.text_document_prepare_rename_async(
        types.PrepareRenameParams(text_document=doc(uri), position=pos(1, 8))
    )
    assert prepared.placeholder == "city"
    edit = await client.text_document_rename_async(
        types.RenameParams(text_document=doc(uri), position=pos(1, 8), new_name="history")
    )
    edits = sorted(
        (e.range.start.line, e.range.start.character, e.range.end.character, e.new_text)
        for e in edit.changes[uri]
    )
    assert edits == [(1, 7, 11, "history"), (4, 12, 16, "history"), (10, 12, 16, "history")]


async def test_completion(client: LanguageClient):
    text = 'agreement "C" {\n  goal city "City"\n  party a "A" {\n    invests \n    pursues \n  }\n}\n'
    uri, _ = await open_file(client, "main.mutual", text)
    result = await client.text_document_completion_async(
        types.CompletionParams(text_document=doc(uri), position=pos(3, 12))
    )
    items = result.items if isinstance(result, types.CompletionList) else result
    labels = [i.label for i in items]
    assert "money" in labels and "venue" in labels and "city" not in labels
    result = await client.text_document_completion_async(
        types.CompletionParams(text_document=doc(uri), position=pos(4, 12))
    )
    items = result.items if isinstance(result, types.CompletionList) else result
    assert [i.label for i in items] == ["city"]


async def test_formatting(client: LanguageClient):
    uri, _ = await open_file(client, "messy.mutual", 'agreement   "F"{status draft}')
    edits = await client.text_document_formatting_async(
        types.DocumentFormattingParams(
            text_document=doc(uri),
            options=types.FormattingOptions(tab_size=2, insert_spaces=True),
        )
    )
    assert len(edits) == 1
    assert edits[0].range == types.Range(start=pos(0, 0), end=pos(0, 29))
    assert edits[0].new_text == 'agreement "F" {\n  status draft\n}\n'


async def test_code_actions(client: LanguageClient):
    uri, diagnostics = await open_file(client, "main.mutual", AGREEMENT)
    unused = by_code(diagnostics, "unused-allow")
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=doc(uri),
            range=unused.range,
            context=types.CodeActionContext(diagnostics=[unused]),
        )
    )
    titles = [a.title for a in actions]
    assert titles[0] == "Remove this `allow`"
    fix = actions[0]
    assert fix.kind == types.CodeActionKind.QuickFix
    assert fix.is_preferred
    (edit,) = fix.edit.changes[uri]
    assert edit.range == types.Range(start=pos(16, 0), end=pos(17, 0))
    assert edit.new_text == ""
    party = by_code(diagnostics, "no-commitment")
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=doc(uri),
            range=party.range,
            context=types.CodeActionContext(diagnostics=[party]),
        )
    )
    waive = [a for a in actions if a.title.startswith("Waive `no-commitment`")]
    assert waive, [a.title for a in actions]
    (edit,) = waive[0].edit.changes[uri]
    assert edit.range == types.Range(start=pos(7, 0), end=pos(7, 0))
    assert edit.new_text == '    allow no-commitment because ""\n'
