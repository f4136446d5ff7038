"""The chat page for in-house teams (Gradio): cited answers, a sources panel, feedback, Markdown export, uploads.

What it shows is rendered (and escaped) by ui/render.py; this module holds the service and the page's layout.
"""
from __future__ import annotations

import os

# Offline by default, and set before gradio is imported: it reads these at import time.
for _k, _v in (("GRADIO_ANALYTICS_ENABLED", "False"), ("HF_HUB_OFFLINE", "1"), ("HF_HUB_DISABLE_TELEMETRY", "1"),
               ("TRANSFORMERS_OFFLINE", "1"), ("ANONYMIZED_TELEMETRY", "False"), ("TOKENIZERS_PARALLELISM", "false")):
    os.environ.setdefault(_k, _v)

import logging  # noqa: E402
import re  # noqa: E402
import shutil  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import threading  # noqa: E402
import time  # noqa: E402
from datetime import date, datetime  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

import gradio as gr  # noqa: E402

from assistant.chain import Assistant, BadQuestionError, check_question  # noqa: E402
from assistant.checker import MAX_STEPS, Checker, FactsFileError, all_cids, provision_labels  # noqa: E402
from assistant.records import MAX_QUESTION_CHARS  # noqa: E402
from corpus.knowledge import knowledge  # noqa: E402
from corpus.model import KIND_LABELS_EN, KIND_LABELS_KO  # noqa: E402
from corpus.settings import Settings  # noqa: E402
from ingest.store import BackendUnavailableError, IndexDamagedError, IndexStore  # noqa: E402
from ingest.sync import page_status as sources_status  # noqa: E402
from ui.feedback import KINDS, MAX_COMMENT, FeedbackStore, feedback_path  # noqa: E402
from ui.i18n import COOKIE, error_text, fmt_date, gr_i18n, norm, request_lang, t  # noqa: E402
from ui.render import versions_md  # noqa: E402
from ui.render import (FINDING_COLOURS, answer_markdown, chat_text, decline_title, esc, findings_html,  # noqa: E402
                       changes_markdown, marked_text, md_text, sources_html, verify_markdown, verify_summary)

DEFAULT_PORT = 7860
MAX_HISTORY = 40
log = logging.getLogger("kaia.web")
# Example questions by reader (the key names the label in ui/i18n.toml): data, shown English-first in the English
# interface and Korean-first in the Korean one.
EXAMPLES = {
    "examples_founder": [
        "Do I have to tell users that my chatbot uses generative AI?",
        "생성형 인공지능으로 만든 결과물에 표시를 해야 하나요?",
    ],
    "examples_lawyer": [
        "What does Art. 31(1) require, and what does the Enforcement Decree add?",
        "시행령 제29조제1항제2호는 무엇을 정하나요?",
    ],
    "examples_compliance": [
        "What must an operator of high-impact AI do to ensure safety and reliability?",
        "국내대리인을 지정해야 하는 해외 사업자는 누구인가요?",
    ],
}
# System fonts only: nothing is fetched, and Korean and Latin glyphs come from one consistent stack.
FONTS = ["system-ui", "Segoe UI", "Noto Sans", "Noto Sans CJK KR", "Apple SD Gothic Neo", "Malgun Gothic", "sans-serif"]
CSS = """
#kaia-sources { font-size: 0.95rem; }
.kaia-head { color: var(--body-text-color-subdued); margin: 0 0 .5em; overflow-wrap: anywhere; }
.kaia-src { border: 1px solid var(--border-color-primary); border-radius: 8px; padding: .5em .8em; margin: .6em 0; }
.kaia-src > summary { cursor: pointer; font-weight: 600; }
.kaia-n { color: #1d4ed8; font-weight: 700; margin-right: .3em; }
.kaia-meta { font-size: .85em; color: var(--body-text-color-subdued); margin: .4em 0; }
.kaia-cols { display: grid; grid-template-columns: repeat(auto-fit, minmax(260px, 1fr)); gap: 1em; }
.kaia-col h4 { margin: .3em 0; font-size: .85em; text-transform: uppercase; letter-spacing: .03em; }
.kaia-text { white-space: pre-wrap; line-height: 1.5; }
.kaia-src mark, .kaia-quote mark { background: #fde68a; color: #111; padding: 0 .1em; border-radius: 2px; }
.kaia-kind { font-size: .75em; font-weight: 600; padding: .05em .45em; border-radius: 4px; margin-left: .4em;
             color: #111; background: #e5e7eb; }
.kaia-kind-act { background: #bfdbfe; } .kaia-kind-decree { background: #bbf7d0; }
.kaia-kind-notice { background: #fef08a; } .kaia-kind-commentary { background: #e9d5ff; }
.kaia-kind-user { background: #fecaca; }
.kaia-warn { color: #b45309; font-size: .85em; }
.kaia-abstain { border-left: 6px solid #d97706; background: #fff7ed; color: #431407; padding: .8em 1em;
                border-radius: 6px; margin: .4em 0; }
.kaia-abstain h3 { margin: 0 0 .4em; color: #9a3412; }
.kaia-related { border-style: dashed; }
.kaia-verdict { border-left: 6px solid #1d4ed8; background: #eff6ff; color: #0b1f44; padding: .6em 1em;
                border-radius: 6px; margin: .4em 0; }
.kaia-verdict h3 { margin: 0 0 .3em; } .kaia-verdict-no { border-color: #b91c1c; background: #fef2f2; color: #450a0a; }
.kaia-verdict-depends { border-color: #a16207; background: #fefce8; color: #422006; }
#kaia-chat h3 { margin: .1em 0 .3em; }
#kaia-check-question { font-size: 1.1em; }
#kaia-status .kaia-busy { color: #1d4ed8; } #kaia-status .kaia-ok { color: #15803d; }
#kaia-status .kaia-notfound { color: #b45309; } #kaia-status .kaia-err { color: #b91c1c; }
.kaia-twin { margin-top: .4em; } .kaia-twin > summary { cursor: pointer; color: #1d4ed8; }
/* Usable at 200% zoom: long words and URLs wrap instead of widening the page. */
.kaia-src, .kaia-abstain, .kaia-verdict, .kaia-meta, .kaia-text { overflow-wrap: anywhere; }
#kaia-ui-lang { max-width: 28em; }
#kaia-sources-hint { color: var(--body-text-color-subdued); }
#kaia-sources-col:has(#kaia-sources .kaia-head) #kaia-sources-hint { display: none; }
"""
# The visible language switch: Gradio's locale is a store inside its own bundle, set by its Settings panel through
# the exported `changeLocale`. The switch calls that same function (the module is found from the page's entry script,
# whose hashed file name changes between Gradio releases), so static labels change at once; the handlers learn the
# choice from the `kaia_lang` cookie set on a user's pick (see ui/i18n.request_lang). Gradio starts in the browser's
# language, so nothing is done when that is already the choice. It re-translates a tab's title only when the tab
# is shown, so each tab is shown once after a switch, then the one that was open again.
SET_LOCALE_JS = """
async (lang) => {
  const base = (navigator.language || 'en').toLowerCase().startsWith('ko') ? 'ko' : 'en';
  if ((window.kaiaLocale || base) === lang) return;
  window.kaiaLocale = lang;
  document.documentElement.lang = lang;
  const pause = (ms) => new Promise((r) => setTimeout(r, ms));
  const button = document.querySelector('#kaia-ask');
  const before = button ? button.innerText : '';
  try {
    const entry = document.querySelector('script[type=module][src*="/assets/index-"]');
    const src = await (await fetch(entry.src)).text();
    const name = (src.match(/core-[A-Za-z0-9_-]+\\.js/) || [])[0];
    const core = await import(new URL(name, entry.src).href);
    core.changeLocale(lang);
  } catch (e) { console.warn('kaia: could not switch the interface language', e); return; }
  for (let i = 0; i < 30 && button && button.innerText === before; i++) await pause(100);
  const tabs = () => [...document.querySelectorAll('#kaia-tabs [role=tab]')];
  const open = tabs().findIndex((t) => t.getAttribute('aria-selected') === 'true');
  for (const t of tabs()) { t.click(); await pause(30); }
  if (open >= 0 && tabs()[open]) tabs()[open].click();
}
"""
SET_COOKIE_JS = f"""
(lang) => {{ document.cookie = '{COOKIE}=' + lang + '; path=/; max-age=31536000; SameSite=Lax'; return lang; }}
"""


# ------------------------------------------------------------------------------------ escaping


# -------------------------------------------------------------------------------------- service


def parse_as_of(value: str | None, lang: str = "en") -> str | None:
    """A YYYY-MM-DD date, or None for an empty box; ValueError with a plain message (in `lang`) otherwise."""
    v = (value or "").strip()
    if not v:
        return None
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", v):
        raise ValueError(t("err_date_format", lang))
    try:
        return date.fromisoformat(v).isoformat()
    except ValueError:
        raise ValueError(t("err_date_invalid", lang, value=v)) from None


class Service:
    """The assistant shared by every session; replaced whole after an upload, so a question never sees half an
    index."""

    def __init__(self, settings: Settings, assistant: Assistant | None = None) -> None:
        self.settings = settings
        if assistant is None:
            assistant = Assistant(settings)
            assistant.warm_up()
            assistant.ask("What does Art. 31(1) require?")  # loads the analysers too: the first user waits no longer
            # and the learned readers, which only an "it depends" or a guideline section would load
            _ = assistant.situations, assistant.pages, assistant.sentences
        self.assistant = assistant
        self.feedback = FeedbackStore(feedback_path(settings.data_dir))
        self._ingest = threading.Lock()

    def doc_choices(self, lang: str = "en") -> list[tuple[str, str]]:
        """The document filter's choices: each document's short name and kind in the interface language."""
        docs = self.assistant.store.docs.values()
        if lang == "ko":
            return [(f"{d.short_ko or d.short_en} ({KIND_LABELS_KO.get(d.kind, d.kind)})", d.id) for d in docs]
        return [(f"{d.short_en} ({KIND_LABELS_EN.get(d.kind, d.kind)})", d.id) for d in docs]

    def add_document(self, path: Path, name: str) -> tuple[str, int]:
        """Check, register and index an uploaded file; return its document id and number of passages."""
        from ingest.embeddings import EmbeddingCache
        from ingest.index import build_index
        from ingest.userdocs import register_user_file

        with self._ingest:
            old = self.assistant.store
            emb = old.embeddings
            if emb.cache is None:  # the store could not open its cache; indexing needs one to embed only the new text
                emb.cache = EmbeddingCache(self.settings.embedding_cache_file)
            doc, undo = register_user_file(self.settings, path, display_name=name)
            try:
                report = build_index(self.settings, progress=False, embeddings=emb)
                store = IndexStore.open(self.settings)
            except BaseException:
                undo()
                raise
            store.__dict__["embeddings"] = emb  # share the loaded model (a cached_property) instead of reloading it
            self.assistant = Assistant(self.settings, store=store)
            return doc.id, report.documents.get(doc.id, 0)


# ------------------------------------------------------------------------------------------ app


def _record(ans: Any, store: IndexStore) -> dict[str, Any]:
    """What the session keeps of the last answer (for feedback and export)."""
    rec = ans.to_json()
    for c, cj in zip(ans.citations, rec["citations"]):
        if c.lang != "ko" and not c.quote_ko and c.uid_ko in store.units:
            cj["korean_text"] = store.units[c.uid_ko].text  # no aligned sentence: the whole Korean provision
    return rec


def _status(kind: str, text: str) -> str:
    return f'<span class="kaia-{kind}" role="status">{esc(text)}</span>'


def _fb_key(kind: str) -> str:
    """The table key of a feedback kind's button ("wrong-citation" → "fb_wrong_citation")."""
    return "fb_" + kind.replace("-", "_")


def _question_error(question: str, lang: str) -> str:
    """Why assistant.chain.check_question refused a question, in the interface language."""
    if not question.strip():
        return t("err_empty_question", lang)
    if len(question) > MAX_QUESTION_CHARS:
        return t("err_question_long", lang, n=f"{len(question):,}", limit=f"{MAX_QUESTION_CHARS:,}")
    return t("err_question_text", lang)


def build_app(settings: Settings, assistant: Assistant | None = None) -> gr.Blocks:
    """The chat page over one data folder (launch it with `launch_kwargs`, or use `serve`)."""
    svc = Service(settings, assistant)
    modes = ["extractive"] + (["llm"] if settings.llm_url else [])
    export_root = Path(tempfile.gettempdir()) / "kaia-exports"

    def ask(question: str, history: list, lang: str, as_of: str, docs: list[str] | None, mode: str,
            request: gr.Request):
        """Answer a question with verified citations; the sources panel shows each cited provision."""
        ui = request_lang(request)  # the interface language; `lang` is the answer's
        history = list(history or [])[-MAX_HISTORY:]  # the page posts the whole chat back each time
        try:
            q = check_question(question or "")
            day = parse_as_of(as_of, ui)
        except BadQuestionError:
            raise gr.Error(_question_error(question or "", ui)) from None
        except ValueError as exc:
            raise gr.Error(str(exc)) from None
        known = svc.assistant.store.docs
        bad = [d for d in (docs or []) if d not in known]
        if bad:
            raise gr.Error(t("err_unknown_doc", ui))
        if mode not in modes:
            raise gr.Error(t("err_llm_mode", ui))
        history.append({"role": "user", "content": md_text(q)})
        yield (history + [{"role": "assistant", "content": t("pending", ui)}], gr.skip(),
               _status("busy", t("preparing", ui)), gr.skip(), gr.skip())
        a = svc.assistant
        t0 = time.perf_counter()
        try:
            ans = a.ask(q, as_of=day, lang=None if lang in ("auto", None, "") else lang, docs=docs or None, mode=mode)
        except (BackendUnavailableError, IndexDamagedError) as exc:
            # The index or its server is the problem, not the question: say which, so an operator can act.
            history.append({"role": "assistant", "content": md_text(t("answer_failed", ui, reason=exc))})
            yield history, gr.skip(), _status("err", str(exc)), gr.skip(), None
            return
        except Exception:  # noqa: BLE001 - the inputs were checked above; replace the pending message, say why
            log.exception("answering %r failed", q)
            history.append({"role": "assistant", "content": t("answer_internal", ui)})
            yield history, gr.skip(), _status("err", t("status_internal", ui)), gr.skip(), None
            return
        ms = (time.perf_counter() - t0) * 1000
        history.append({"role": "assistant", "content": chat_text(ans, ui)})
        when = fmt_date(ans.as_of, ui)
        if ans.abstained:
            status = _status("notfound", t("status_declined", ui, title=decline_title(ans, ui), date=when))
        else:
            status = _status("ok", t("status_ok", ui, n=len(ans.citations), date=when, ms=f"{ms:.0f}"))
        yield history, sources_html(a.store, ans, ui), status, "", _record(ans, a.store)

    def export_markdown(record: dict | None, request: gr.Request) -> str | None:
        """The last answer and its citations as a Markdown file, headings in the interface language."""
        if not record:
            return None
        export_root.mkdir(parents=True, exist_ok=True)
        for old in export_root.iterdir():  # Gradio serves its own copy; ours are only needed for a moment
            try:
                stale = time.time() - old.stat().st_mtime > 3600
            except FileNotFoundError:
                continue  # another user's export removed it between the listing and the look
            if stale:
                shutil.rmtree(old, ignore_errors=True)
        folder = Path(tempfile.mkdtemp(dir=export_root))
        path = folder / f"kaia-answer-{datetime.now().strftime('%Y%m%d-%H%M%S')}.md"
        path.write_text(answer_markdown(record, request_lang(request)), encoding="utf-8")
        return str(path)

    def make_feedback(kind: str):  # noqa: ANN202
        def feedback(comment: str, record: dict | None, request: gr.Request) -> tuple[str, str]:
            ui = request_lang(request)
            if not record:
                raise gr.Error(t("err_ask_first", ui))
            if len(comment or "") > MAX_COMMENT:
                raise gr.Error(t("err_comment_long", ui, n=MAX_COMMENT))
            svc.feedback.add(kind, record["question"], record["answer"], record["citations"], record["as_of"],
                             comment or "")
            return _status("ok", t("feedback_saved", ui, kind=t(_fb_key(kind), ui).lower())), ""
        return feedback

    def add_document(file: str | None, request: gr.Request):
        """Add an uploaded PDF, .txt, .md or .html file to the corpus as a user document."""
        from ingest.blocks import ParseError
        from ingest.index import IngestBusyError

        ui = request_lang(request)
        if not file:
            raise gr.Error(t("err_choose_file", ui))
        path = Path(file)
        try:
            doc_id, n = svc.add_document(path, path.name)
        except ParseError as exc:
            raise gr.Error(error_text(exc, ui)) from None
        except IngestBusyError:
            raise gr.Error(t("err_ingest_busy", ui)) from None
        except Exception as exc:  # noqa: BLE001 - the index is untouched (undo ran); say so plainly
            log.exception("adding %s failed", path.name)
            raise gr.Error(t("err_upload_failed", ui, name=path.name, error=type(exc).__name__)) from None
        finally:
            path.unlink(missing_ok=True)  # only the copy under the data folder is kept
        msg = _status("ok", t("upload_added", ui, name=path.name, doc=doc_id, n=n))
        return msg, gr.update(choices=svc.doc_choices(ui)), None

    checker = Checker(knowledge())
    labels_cache: dict[str, dict[str, str]] = {}

    def _labels(lang: str, day: str) -> dict[str, str]:
        key = f"{lang}:{day}"
        if key not in labels_cache:
            labels_cache[key] = provision_labels(svc.assistant.store, all_cids(checker.k), lang, day)
        return labels_cache[key]

    def _check_view(st: dict, lang: str, day: str):  # noqa: ANN202 - the checker tab's four outputs
        facts = checker.facts_from(st["facts"])
        fid = checker.next_fact(facts, day, set(st["asked"])) if len(st["asked"]) < MAX_STEPS else None
        st["fid"] = fid
        if fid is None:
            prompt = f"**{t('check_done', lang)}**"
        else:
            prompt = t("check_question", lang, step=len(st["asked"]) + 1, text=esc(checker.question(fid, lang)))
        numeric = fid is not None and checker.k.facts[fid].type == "number"
        # The checklist is written from the duty map and the answers' yes/no and numbers only: nothing a user typed
        # reaches it as text, so it is shown as the Markdown it is.
        md = checker.markdown(checker.checklist(facts, day, lang), _labels(lang, day))
        return st, prompt, md, gr.update(value="", interactive=numeric)

    def check_start(lang: str, as_of: str):
        """Start the obligations checker: the first question and the checklist with nothing stated yet."""
        day = parse_as_of(as_of, lang) if (as_of or "").strip() else None
        day = day or date.today().isoformat()
        return _check_view({"facts": {}, "asked": [], "fid": None}, lang if lang in ("en", "ko") else "en", day)

    def check_answer(answer: str, state: dict | None, lang: str, as_of: str):
        """Record the answer to the current question (yes, no, a number, or empty to leave it open); the next
        question and the checklist so far."""
        lang = lang if lang in ("en", "ko") else "en"
        try:
            day = (parse_as_of(as_of, lang) if (as_of or "").strip() else None) or date.today().isoformat()
        except ValueError as exc:
            raise gr.Error(str(exc)) from None
        st = dict(state or {"facts": {}, "asked": [], "fid": None})
        fid = st.get("fid")
        if fid not in checker.k.facts:
            return _check_view(st, lang, day)
        try:
            value = checker.parse_answer(fid, str(answer or ""))
        except FactsFileError as exc:
            raise gr.Error(str(exc)) from None
        st["asked"] = list(st["asked"]) + [fid]
        if value is not None:
            st["facts"] = {**st["facts"], fid: value}
        return _check_view(st, lang, day)

    def check_export(state: dict | None, lang: str, as_of: str) -> str | None:
        """The checklist as a Markdown file, headings in the chosen language."""
        if not state:
            return None
        day = (parse_as_of(as_of) if (as_of or "").strip() else None) or date.today().isoformat()
        lang = lang if lang in ("en", "ko") else "en"
        facts = checker.facts_from(state["facts"])
        export_root.mkdir(parents=True, exist_ok=True)
        folder = Path(tempfile.mkdtemp(dir=export_root))
        path = folder / f"kaia-checklist-{datetime.now().strftime('%Y%m%d-%H%M%S')}.md"
        path.write_text(checker.markdown(checker.checklist(facts, day, lang), _labels(lang, day)), encoding="utf-8")
        return str(path)

    def verify_document(text: str, file: str | None, as_of: str, request: gr.Request):
        """Check every citation of the Act, the Decree or the Notice in a pasted text or an uploaded file against
        the law in force on the date given (else the document's own date, else today)."""
        from assistant.citecheck import CitationChecker
        from ingest.blocks import ParseError
        from ingest.passages import read_document, text_of_bytes

        ui = request_lang(request)
        try:
            day = parse_as_of(as_of, ui) if (as_of or "").strip() else None
            if file:
                path = Path(file)
                name, body = path.name, read_document(path, path.name)
            elif (text or "").strip():
                name, body = t("pasted_text", ui), text_of_bytes(text.encode("utf-8"), t("pasted_text", ui))
            else:
                raise ValueError(t("err_paste_or_upload", ui))
        except (ValueError, ParseError) as exc:
            raise gr.Error(error_text(exc, ui)) from None
        report = CitationChecker(svc.assistant.store).check(body, as_of=day)
        export_root.mkdir(parents=True, exist_ok=True)
        out = Path(tempfile.mkdtemp(dir=export_root)) / f"kaia-citation-check-{datetime.now():%Y%m%d-%H%M%S}.md"
        out.write_text(verify_markdown(report, name, ui), encoding="utf-8")
        line = verify_summary(report, ui)
        head = f"**{esc(name)}** — {esc(line)}"
        return head, marked_text(body, report.findings), findings_html(report.findings, ui), str(out)

    def what_changed(target: str, date_from: str, date_to: str, lang: str):
        """The provisions added, removed and changed between two dates, with word diffs, and a Markdown export."""
        from assistant.changes import ChangeFinder, UnknownTargetError

        try:
            d1, d2 = parse_as_of(date_from, lang), parse_as_of(date_to, lang)
            if not d1 or not d2:
                raise ValueError(t("err_both_dates", lang))
            found = ChangeFinder(svc.assistant.store).diff((target or "").strip() or "decree", d1, d2)
        except (ValueError, UnknownTargetError) as exc:
            raise gr.Error(str(exc)) from None
        text = changes_markdown(found, lang)
        export_root.mkdir(parents=True, exist_ok=True)
        out = Path(tempfile.mkdtemp(dir=export_root)) / f"kaia-changes-{found.doc}-{found.date_from}-{found.date_to}.md"
        out.write_text(text, encoding="utf-8")
        return text, str(out)

    L = gr_i18n()  # L("key") → a translation key that Gradio translates in the browser (ui/i18n.toml)

    def examples(lang: str) -> None:
        """The example questions, the interface language's first."""
        for key, qs in EXAMPLES.items():
            ordered = sorted(qs, key=lambda q: (re.search(r"[\uac00-\ud7a3]", q) is None) == (lang == "ko"))
            gr.Examples(ordered, inputs=[question], label=L(key))

    def on_load(request: gr.Request) -> str:
        """The interface language of this page: the switch's earlier choice, else the browser's language."""
        return request_lang(request)

    def versions_line(ui: str) -> str:
        """The line naming the versions answered from, in the interface language (a private event's output)."""
        return versions_md(sources_status(settings), norm(ui))

    def apply_lang(ui: str, check_as_of: str):  # noqa: ANN202 - updates of the language-driven components
        """One language for everything the server writes: the checker's and the changes' language, which
        examples lead, the documents' names, and the checker restarted in it. (Nothing an answer writes is
        touched: a switch may come while an answer is on its way.)"""
        ui = norm(ui)
        # One event, not a chained restart: a chained event still pending from the page load would swallow the
        # restart that a quick switch asks for, and leave the checker in the other language.
        try:
            restart = check_start(ui, check_as_of)
        except ValueError:  # the checker's date box is unreadable: its own Start button says so
            restart = (gr.update(),) * 4
        return (ui, ui, gr.update(visible=ui == "en"), gr.update(visible=ui == "ko"),
                gr.update(choices=svc.doc_choices(ui)), *restart)

    with gr.Blocks(title=L("title"), analytics_enabled=False,
                   delete_cache=(3600, 3600)) as app:  # uploads and exports: Gradio's copies go within the hour
        with gr.Row(equal_height=True):
            gr.Markdown(L("intro"), elem_id="kaia-intro")
            # The visible switch (its value starts empty: the page load sets it, which also sets Gradio's locale).
            ui_lang = gr.Radio([(L("lang_en"), "en"), (L("lang_ko"), "ko")], value=None, label=L("ui_language"),
                               elem_id="kaia-ui-lang", scale=0, min_width=300)
        record = gr.State(None)
        with gr.Tabs(elem_id="kaia-tabs"):
            with gr.Tab(L("tab_ask"), id="ask", elem_id="kaia-ask-tab"):
                with gr.Row(equal_height=False):
                    with gr.Column(scale=5):
                        chat = gr.Chatbot(label=L("chat_label"), height="78vh", elem_id="kaia-chat", buttons=["copy"],
                                          feedback_options=None, latex_delimiters=[], allow_tags=False,
                                          placeholder=L("chat_placeholder"))
                        with gr.Row():
                            # The label is hidden on screen but read by screen readers.
                            question = gr.Textbox(label=L("question_label"), show_label=False,
                                                  placeholder=L("question_placeholder"), lines=2, max_lines=6,
                                                  max_length=2000, scale=5, elem_id="kaia-question")
                            send = gr.Button(L("ask_button"), variant="primary", scale=1, elem_id="kaia-ask")
                        status = gr.HTML("", label=L("status_label"), elem_id="kaia-status", js_on_load=None)
                        # Which versions answers come from and when law.go.kr was last checked (filled on load).
                        versions = gr.Markdown("", elem_id="kaia-versions")
                        with gr.Row():
                            lang = gr.Dropdown([(L("lang_auto"), "auto"), (L("lang_en"), "en"), (L("lang_ko"), "ko")],
                                               value="auto", label=L("answer_language"), elem_id="kaia-answer-lang")
                            as_of = gr.Textbox(label=L("as_of_label"), placeholder=L("date_placeholder"),
                                               max_length=10, elem_id="kaia-asof")
                            mode = gr.Radio([(L(f"mode_{m}"), m) for m in modes],
                                            value=svc.assistant.default_mode if svc.assistant.default_mode in modes
                                            else "extractive", label=L("answer_mode"), interactive=len(modes) > 1,
                                            elem_id="kaia-mode")
                        docs = gr.Dropdown(svc.doc_choices(), value=[], multiselect=True, label=L("docs_label"),
                                           elem_id="kaia-docs")
                        with gr.Column(visible=True, elem_id="kaia-examples-en") as examples_en:
                            examples("en")
                        with gr.Column(visible=False, elem_id="kaia-examples-ko") as examples_ko:
                            examples("ko")
                    with gr.Column(scale=4, elem_id="kaia-sources-col"):
                        gr.Markdown(L("sources_heading"))
                        # Shown until the first answer fills the panel (see CSS): static text, translated by Gradio.
                        gr.Markdown(L("sources_empty"), elem_id="kaia-sources-hint")
                        sources = gr.HTML("", label=L("sources_label"), elem_id="kaia-sources", js_on_load=None)
                        with gr.Accordion(L("feedback_export"), open=True):
                            comment = gr.Textbox(label=L("comment_label"), lines=1, max_length=MAX_COMMENT,
                                                 elem_id="kaia-comment")
                            with gr.Row():
                                fb = {k: gr.Button(L(_fb_key(k)), size="sm", elem_id=f"kaia-fb-{k}") for k in KINDS}
                            download = gr.DownloadButton(L("download_answer"), value=None, size="sm",
                                                         elem_id="kaia-download")
                        with gr.Accordion(L("add_document"), open=False):
                            upload = gr.File(label=L("upload_label"), type="filepath", elem_id="kaia-upload")
                            upload_status = gr.HTML("", js_on_load=None)

            with gr.Tab(L("tab_check"), id="check", elem_id="kaia-check-tab"):
                gr.Markdown(L("check_intro"))
                with gr.Row():
                    # Follows the interface language (hidden: the switch at the top is the one choice); kept as a
                    # component because the checker's endpoints take it.
                    ck_lang = gr.Radio([(L("lang_en"), "en"), (L("lang_ko"), "ko")], value="en",
                                       label=L("checklist_language"), elem_id="kaia-check-lang", visible=False)
                    ck_as_of = gr.Textbox(label=L("as_of_label"), placeholder=L("date_placeholder"),
                                          max_length=10, elem_id="kaia-check-asof")
                    ck_start = gr.Button(L("start_again"), elem_id="kaia-check-start")
                ck_question = gr.Markdown("", elem_id="kaia-check-question")
                with gr.Row():
                    ck_yes = gr.Button(L("yes"), variant="primary", elem_id="kaia-check-yes")
                    ck_no = gr.Button(L("no"), elem_id="kaia-check-no")
                    ck_skip = gr.Button(L("dont_know"), elem_id="kaia-check-skip")
                with gr.Row():
                    ck_number = gr.Textbox(label=L("number_label"), max_length=40, elem_id="kaia-check-number",
                                           scale=3)
                    ck_send = gr.Button(L("enter_number"), elem_id="kaia-check-send", scale=1)
                ck_list = gr.Markdown("", elem_id="kaia-check-list")
                ck_download = gr.DownloadButton(L("download_checklist"), value=None, size="sm",
                                                elem_id="kaia-check-download")

            with gr.Tab(L("tab_verify"), id="verify", elem_id="kaia-verify-tab"):
                gr.Markdown(L("verify_intro"))
                with gr.Row():
                    with gr.Column(scale=3):
                        vf_text = gr.Textbox(label=L("verify_text"), lines=8, max_lines=20, max_length=200_000,
                                             elem_id="kaia-verify-text")
                    with gr.Column(scale=2):
                        vf_file = gr.File(label=L("verify_file"), type="filepath", elem_id="kaia-verify-file")
                        vf_as_of = gr.Textbox(label=L("verify_as_of"), placeholder=L("date_placeholder"),
                                              max_length=10, elem_id="kaia-verify-asof")
                        vf_go = gr.Button(L("verify_go"), variant="primary", elem_id="kaia-verify-go")
                vf_summary = gr.Markdown("", elem_id="kaia-verify-summary")
                vf_marked = gr.HighlightedText(label=L("verify_marked"), color_map=FINDING_COLOURS, show_legend=True,
                                               show_inline_category=True, elem_id="kaia-verify-marked")
                vf_findings = gr.HTML("", elem_id="kaia-verify-findings", js_on_load=None)
                vf_download = gr.DownloadButton(L("download_report"), value=None, size="sm",
                                                elem_id="kaia-verify-download")
            with gr.Tab(L("tab_changes"), id="changes", elem_id="kaia-changes-tab"):
                gr.Markdown(L("changes_intro"))
                with gr.Row():
                    wc_target = gr.Textbox(label=L("changes_target"), value="decree", max_length=80,
                                           elem_id="kaia-changes-target")
                    wc_from = gr.Textbox(label=L("changes_from"), value="2026-03-01", max_length=10,
                                         elem_id="kaia-changes-from")
                    wc_to = gr.Textbox(label=L("changes_to"), value="2026-08-20", max_length=10,
                                       elem_id="kaia-changes-to")
                    # Follows the interface language, as the checker's does.
                    wc_lang = gr.Radio([(L("lang_en"), "en"), (L("lang_ko"), "ko")], value="en",
                                       label=L("changes_headings"), elem_id="kaia-changes-lang", visible=False)
                    wc_go = gr.Button(L("compare"), variant="primary", elem_id="kaia-changes-go")
                wc_out = gr.Markdown("", elem_id="kaia-changes-out", sanitize_html=True)
                wc_download = gr.DownloadButton(L("download_md"), value=None, size="sm",
                                                elem_id="kaia-changes-download")
        wc_go.click(what_changed, [wc_target, wc_from, wc_to, wc_lang], [wc_out, wc_download], api_name="what_changed")
        vf_go.click(verify_document, [vf_text, vf_file, vf_as_of], [vf_summary, vf_marked, vf_findings, vf_download],
                    api_name="verify_document")

        ck_state = gr.State(None)
        ck_outputs = [ck_state, ck_question, ck_list, ck_number]
        ck_start.click(check_start, [ck_lang, ck_as_of], ck_outputs, api_name="check_start")
        for btn, value in ((ck_yes, "yes"), (ck_no, "no"), (ck_skip, "")):
            btn.click(lambda st, lg, day, v=value: check_answer(v, st, lg, day), [ck_state, ck_lang, ck_as_of],
                      ck_outputs, api_name=False)
        gr.on([ck_send.click, ck_number.submit], check_answer, [ck_number, ck_state, ck_lang, ck_as_of], ck_outputs,
              api_name="check_answer")
        ck_list.change(check_export, [ck_state, ck_lang, ck_as_of], [ck_download], api_name="check_export")

        # One language choice drives both sides: the load sets the switch from the cookie or Accept-Language; every
        # change of the switch sets Gradio's locale (client) and the language-driven components (server); a user's
        # own pick is also remembered in the cookie that the handlers read.
        # (The checker restarts after each change, in the language it now has: the switch is empty until the load
        # sets it, so this also starts the checker when the page opens.)
        app.load(on_load, None, [ui_lang], api_name=False)
        ui_lang.change(None, [ui_lang], None, js=SET_LOCALE_JS, api_name=False)
        ui_lang.change(apply_lang, [ui_lang, ck_as_of], [ck_lang, wc_lang, examples_en, examples_ko, docs, *ck_outputs],
                       api_name=False)
        ui_lang.input(None, [ui_lang], None, js=SET_COOKIE_JS, api_name=False)
        ui_lang.change(versions_line, [ui_lang], [versions], api_name=False)

        ask_inputs = [question, chat, lang, as_of, docs, mode]
        ask_outputs = [chat, sources, status, question, record]
        gr.on([send.click, question.submit], ask, ask_inputs, ask_outputs, api_name="ask",
              show_progress="minimal").success(export_markdown, [record], [download], api_name="export_markdown")
        for k, btn in fb.items():
            btn.click(make_feedback(k), [comment, record], [status, comment], api_name=f"feedback_{k.replace('-', '_')}")
        upload.upload(add_document, [upload], [upload_status, docs, upload], api_name="add_document",
                      concurrency_limit=1, concurrency_id="ingest")
    # Answers take about 100 ms of CPU: four at a time keeps both cores busy and every page responsive.
    app.queue(default_concurrency_limit=4, max_size=64)
    return app


def _auth(value: str) -> tuple[str, str] | None:
    """KAIA_AUTH=user:password → (user, password); empty → no login."""
    if not value:
        return None
    user, sep, password = value.partition(":")
    if not sep or not user or not password:
        raise ValueError("KAIA_AUTH must look like user:password")
    return user, password


def launch_kwargs(settings: Settings, host: str, port: int) -> dict[str, Any]:
    """The launch options that keep the page private and offline."""
    d = settings.data_dir.resolve()
    from ingest.userdocs import MAX_BYTES

    blocked = [d / "index", d / "user-docs", d / "models", d / "feedback.sqlite", d / "feedback.sqlite-journal",
               settings.embedding_cache_file.resolve()]
    return dict(server_name=host, server_port=port, share=False, auth=_auth(settings.auth),
                auth_message="kaia: sign in with the team's user name and password." if settings.auth else None,
                i18n=gr_i18n(),  # the page's labels in English and Korean (ui/i18n.toml)
                footer_links=[], run_history=False, enable_monitoring=False, mcp_server=False, ssr_mode=False,
                show_error=False, max_file_size=MAX_BYTES, blocked_paths=[str(p) for p in blocked], css=CSS,
                theme=gr.themes.Default(font=FONTS, font_mono=["ui-monospace", "DejaVu Sans Mono", "monospace"]))


def serve(settings: Settings, host: str = "127.0.0.1", port: int = DEFAULT_PORT) -> None:
    """Run the page until interrupted."""
    # Gradio's own upload copies live under the data folder (and are deleted once indexed).
    os.environ.setdefault("GRADIO_TEMP_DIR", str((settings.data_dir / "tmp").resolve()))
    if host not in ("127.0.0.1", "localhost", "::1") and not settings.auth:
        print(f"kaia: warning: serving on {host} without a password; set KAIA_AUTH=user:password",
              file=sys.stderr)
    kwargs = launch_kwargs(settings, host, port)  # a bad KAIA_AUTH fails here, before the models load
    app = build_app(settings)
    app.launch(**kwargs)
