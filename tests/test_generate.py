"""Optional generative mode: the verifier on recorded LLM outputs (wrong ones included), and the chain against a real
OpenAI-compatible HTTP server on loopback."""
from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest

from assistant.chain import Assistant, BadQuestionError
from assistant.verify import verify
from conftest import make_settings

QUESTION = "Do I have to tell customers my chatbot is AI, and what is the fine if I don't?"

# Outputs recorded from small local instruct models on this question (the [n] refer to the quotes kaia sent).
RECORDED = {
    "faithful": "Yes. If your product uses generative AI, you must tell users in advance that it runs on AI [1]. "
                "Failing to give that notice can lead to an administrative fine of up to 30 million won [2].",
    "invented_amount": "You must tell users in advance that the service runs on AI [1]. "
                       "The fine for not doing so is 50 million won per user [2].",
    "unmarked_claim": "You must notify users in advance [1]. Most companies also register with the KCC first.",
    "phantom_marker": "You must notify users in advance [1]. Foreign companies must pay a deposit [9].",
    "no_markers": "Yes, you need to tell them. The fine is 30 million won.",
}


@pytest.fixture(scope="module")
def extractive_draft(store):
    """The quotes an LLM would be given: Art. 31(1) (notify in advance) and Art. 43(1) (the fine), built directly
    from the corpus so that these tests do not depend on retrieval."""
    from assistant.answer import Draft
    from assistant.records import CitationOut

    cites = []
    for n, (cid, quote) in enumerate([("act:31:1", "shall notify the user in advance that the product or service is "
                                                   "operated based on the relevant artificial intelligence"),
                                      ("act:43:1", "Any of the following persons shall be subject to an administrative "
                                                   "fine not exceeding 30 million won")], 1):
        u = store.find(cid, "en", "2026-09-01")[0]
        assert quote in u.text
        cites.append(CitationOut(n, u.doc, u.article, u.paragraph, u.item, f"AI Basic Act Art. {u.article}({u.paragraph})",
                                 quote, None, "en", u.version, u.url, False, uid=u.uid))
    return Draft("", cites, abstained=False)


def _notice(cites) -> int:
    """The marker of the quote that says users are notified in advance (Art. 31(1))."""
    return next(c.n for c in cites if "in advance" in c.quote and c.article == "31")


def _fine(cites) -> int:
    """The marker of the quote that states the 30 million won maximum (Art. 43(1))."""
    return next(c.n for c in cites if "30 million won" in c.quote)


def _renumbered(draft, text: str) -> str:
    """The recorded outputs cite [1] = the notice duty and [2] = the fine; map them to this draft's numbers."""
    return (text.replace("[1]", f"[{_notice(draft.citations)}]").replace("[2]", f"[{_fine(draft.citations)}]")
            .replace("[9]", "[99]"))


def _fresh(draft):
    from dataclasses import replace

    return [replace(c, verified=False) for c in draft.citations]


def test_faithful_output_kept(store, extractive_draft):
    v = verify(store, _renumbered(extractive_draft, RECORDED["faithful"]), _fresh(extractive_draft), check_figures=True)
    assert "30 million won" in v.answer and "in advance" in v.answer
    assert all(c.verified for c in v.citations) and len(v.citations) == 2
    assert v.answer.count("[1]") == 1 and "[2]" in v.answer  # renumbered from 1


@pytest.mark.parametrize("name, gone, kept", [
    ("invented_amount", "50 million", "in advance"),
    ("unmarked_claim", "KCC", "notify users in advance"),
    ("phantom_marker", "deposit", "notify users in advance"),
])
def test_wrong_sentences_removed(store, extractive_draft, name, gone, kept):
    v = verify(store, _renumbered(extractive_draft, RECORDED[name]), _fresh(extractive_draft), check_figures=True)
    assert gone not in v.answer and kept in v.answer
    assert v.dropped


def test_unmarked_output_leaves_nothing(store, extractive_draft):
    v = verify(store, RECORDED["no_markers"], _fresh(extractive_draft), check_figures=True)
    assert v.answer == "" and v.citations == []


class _FakeLLM(BaseHTTPRequestHandler):
    reply = RECORDED["faithful"]
    seen: list[dict] = []

    def do_POST(self) -> None:  # noqa: N802 - http.server API
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        type(self).seen.append(body)
        quotes = [q for q in body["messages"][1]["content"].splitlines() if q.startswith("[")]
        # A faithful model restates its first quotes with their markers; a careless one is replayed verbatim.
        if type(self).reply == "FAITHFUL":
            text = " ".join(f"In short, {q.split(': ', 1)[1].strip(chr(34))} {q[:q.index(']') + 1]}" for q in quotes[:2])
        else:
            text = type(self).reply
        out = json.dumps({"choices": [{"message": {"role": "assistant", "content": text}}]}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(out)))
        self.end_headers()
        self.wfile.write(out)

    def log_message(self, *args) -> None:  # keep test output clean
        pass


@pytest.fixture
def llm_server():
    srv = HTTPServer(("127.0.0.1", 0), _FakeLLM)
    th = threading.Thread(target=srv.serve_forever, daemon=True)
    th.start()
    yield f"http://127.0.0.1:{srv.server_address[1]}/v1"
    srv.shutdown()


def test_llm_mode_through_a_real_http_server(built_settings, store, llm_server):
    s = make_settings(built_settings.data_dir, llm_url=llm_server, llm_model="test-model")
    a = Assistant(s, store)
    assert a.default_mode == "llm"
    _FakeLLM.reply = "FAITHFUL"
    ans = a.ask(QUESTION, as_of="2026-09-01")
    assert ans.mode == "llm" and not ans.abstained
    # The model's words follow the duty map's verdict, when the question has one; both verified.
    body = ans.answer.split("\n\n", 1)[-1] if ans.verdict else ans.answer
    assert body.startswith("In short,") and ans.citations and all(c.verified for c in ans.citations)
    assert _FakeLLM.seen[-1]["model"] == "test-model"
    _FakeLLM.reply = RECORDED["no_markers"]
    fallback = a.ask(QUESTION, as_of="2026-09-01")
    assert fallback.mode == "extractive" and "failed citation checks" in fallback.answer
    assert fallback.citations and all(c.verified for c in fallback.citations)


def test_unreachable_llm_falls_back(built_settings, store):
    s = make_settings(built_settings.data_dir, llm_url="http://127.0.0.1:9/v1")
    ans = Assistant(s, store).ask(QUESTION, as_of="2026-09-01")
    assert ans.mode == "extractive" and "LLM unavailable" in ans.answer and ans.citations


def test_without_the_variable_nothing_changes(built_settings, store):
    a = Assistant(built_settings, store)
    assert a.default_mode == "extractive"
    assert a.ask(QUESTION, as_of="2026-09-01").mode == "extractive"
    with pytest.raises(BadQuestionError, match="KAIA_LLM_URL"):
        a.ask(QUESTION, mode="llm")
