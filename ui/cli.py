"""The `kaia` command: a thin layer over the Python API. User mistakes get one clear line, not a traceback."""
from __future__ import annotations

import argparse
import os
import re
import sys
from datetime import date
from pathlib import Path

# Offline by default: nothing in kaia may reach a model hub or send telemetry.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")


class UserError(Exception):
    """A mistake the user can fix; printed as one line with exit code 2 (1 for 'not found')."""

    def __init__(self, message: str, code: int = 2) -> None:
        super().__init__(message)
        self.code = code


def _date(value: str) -> str:
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {value!r}") from None


def _settings():  # noqa: ANN202
    from corpus.settings import Settings

    return Settings()


# ------------------------------------------------------------------------------------------ ingest


def cmd_ingest(args: argparse.Namespace) -> int:
    from ingest.blocks import ParseError
    from ingest.embeddings import EmbeddingModelError
    from ingest.index import IngestBusyError, build_index
    from ingest.loader import SourceError
    from ingest.store import BackendUnavailableError
    from ingest.userdocs import register_user_file

    settings = _settings()
    undo = None
    try:
        if args.add:
            path = Path(args.add)
            doc, undo = register_user_file(settings, path)
            print(f"adding {path.name} as {doc.id}")
        report = build_index(settings, rebuild=args.rebuild, progress=not args.quiet and sys.stderr.isatty())
    except (ParseError, SourceError, IngestBusyError, EmbeddingModelError, BackendUnavailableError) as exc:
        if undo:
            undo()
        raise UserError(str(exc)) from None
    except BaseException:
        if undo:
            undo()
        raise
    if report.warnings:
        for w in report.warnings:
            print(f"warning: {w}", file=sys.stderr)
    if report.up_to_date:
        print(f"index is up to date ({report.total_units} units in {len(report.documents)} documents; "
              f"nothing embedded; {report.seconds:.1f} s)")
        return 0
    print(f"index {report.generation}: {len(report.documents)} documents, {report.total_units} units, "
          f"{report.total_embedded} texts embedded, {report.seconds:.1f} s")
    width = max(len(d) for d in report.documents)
    for d, n in report.documents.items():
        mark = "changed" if d in report.changed else "unchanged"
        print(f"  {d:<{width}}  {n:>5} units  {report.embedded.get(d, 0):>5} embedded  ({mark})")
    return 0


# -------------------------------------------------------------------------------------------- show


def cmd_show(args: argparse.Namespace) -> int:
    from assistant.lookup import UnknownProvisionError, describe, lookup
    from ingest.store import IndexDamagedError, IndexMissingError, IndexStore

    try:
        store = IndexStore.open(_settings())
        found = lookup(store, args.citation, lang=args.lang, as_of=args.as_of)
    except (IndexMissingError, IndexDamagedError) as exc:
        raise UserError(str(exc)) from None
    except UnknownProvisionError as exc:
        raise UserError(str(exc), code=1) from None
    if not found.units:
        spans = sorted({(u.effective_from, u.effective_to or "now") for u in found.other_versions})
        when = ", ".join(f"{a} → {b}" for a, b in spans)
        raise UserError(f"{found.citation.text!r} ({found.citation.cid}) is not in force on {args.as_of}"
                        f" (in force: {when})", code=1)
    for i, u in enumerate(found.units):
        if i:
            print()
        print(describe(store, u))
        if u.url:
            print(u.url)
        print()
        print(u.text)
    return 0


def cmd_diff(args: argparse.Namespace) -> int:
    import json

    from assistant.changes import ChangeFinder, UnknownTargetError, changes_dict
    from ingest.store import IndexDamagedError, IndexMissingError, IndexStore
    from ui.render import changes_text

    try:
        store = IndexStore.open(_settings())
        found = ChangeFinder(store).diff(args.target, args.date_from, args.date_to)
    except (IndexMissingError, IndexDamagedError) as exc:
        raise UserError(str(exc)) from None
    except UnknownTargetError as exc:
        raise UserError(str(exc), code=1) from None
    if args.json:
        print(json.dumps(changes_dict(found), ensure_ascii=False, indent=2))
    else:
        print(changes_text(found, args.lang))
    return 0


# ----------------------------------------------------------------------------------------- sources


def _when(iso: str) -> str:
    """'2026-12-02T10:50:07+00:00' → '2026-12-02 10:50 UTC'."""
    return f"{iso[:10]} {iso[11:16]} UTC" if len(iso) >= 16 else iso


def cmd_sources(args: argparse.Namespace) -> int:
    """`kaia sources status|check|update`: the law.go.kr Open API (check and update only go online)."""
    from ingest.sync import SyncError

    settings = _settings()
    try:
        if args.action == "status":
            return _sources_status(settings, args.json)
        if args.action == "check":
            return _sources_check(settings, args.json)
        return _sources_update(settings, args)
    except SyncError as exc:
        raise UserError(str(exc)) from None


def _sources_status(settings, as_json: bool) -> int:  # noqa: ANN001 - Settings
    import json
    from dataclasses import asdict

    from ingest.sync import load_feeds, status

    rows = status(settings)
    if as_json:
        print(json.dumps([asdict(r) for r in rows], ensure_ascii=False, indent=1))
        return 0
    feeds = {(f.doc, f.lang): f for f in load_feeds()}
    for r in rows:
        print(f"{r.doc} — {r.title}")

        def text(t) -> str:  # noqa: ANN001 - ingest.sync.TextStatus
            dates = f"in force {t.effective_from} → {t.effective_to or 'now'}" if t.effective_from else ""
            notes = "; ".join(x for x in (dates, f"downloaded {t.downloaded}" if t.downloaded else "") if x)
            return f"{t.lang} {t.version}" + (f" ({notes})" if notes else "")

        held = "indexed" if r.indexed else "in the corpus (no index yet: run `kaia ingest`)"
        if not r.on_api:
            print(f"  {held}: {' · '.join(text(t) for t in r.in_force) or 'none'}")
            print("  not on the law.go.kr Open API: not checked")
            continue
        print(f"  {held}, in force today: {' · '.join(text(t) for t in r.in_force) or 'none'}")
        for t in r.upcoming:
            print(f"  {held}, takes effect {t.effective_from}: {text(t)}")
        print(f"  last checked: {_when(r.checked) if r.checked else 'never (run `kaia sources check`)'}")
        for line in r.newer_lines(feeds):
            print(f"  NEWER, not in the corpus yet: {line} (run `kaia sources update`)")
        for f in r.not_indexed:
            print(f"  downloaded but not indexed yet: {f} (run `kaia ingest`)")
    return 0


def _sources_check(settings, as_json: bool) -> int:  # noqa: ANN001 - Settings
    import json
    from dataclasses import asdict

    from ingest.sync import check

    report = check(settings)
    if as_json:
        print(json.dumps({"checked": report.checked_at, "requests": report.requests,
                          "new": [asdict(k) for k in report.new]}, ensure_ascii=False, indent=1))
        return 0
    print(f"asked {settings.lawgo_url} ({report.requests} requests) at {_when(report.checked_at)}")
    for f in report.feeds:
        if not f.new:
            print(f"  {f.feed.what}: nothing new ({f.rows} rows listed)")
        for k in f.new:
            print(f"  {f.feed.what}: {k.describe(f.feed.version.format(number=k.number))}")
    if report.new:
        print("run `kaia sources update` to download, verify and index them")
    return 0


def _sources_update(settings, args: argparse.Namespace) -> int:  # noqa: ANN001 - Settings
    from ingest.blocks import ParseError
    from ingest.embeddings import EmbeddingModelError
    from ingest.index import IngestBusyError
    from ingest.loader import SourceError
    from ingest.store import BackendUnavailableError
    from ingest.sync import update

    try:
        report = update(settings, index=not args.no_index, progress=not args.quiet and sys.stderr.isatty())
    except (ParseError, SourceError, IngestBusyError, EmbeddingModelError, BackendUnavailableError) as exc:
        raise UserError(f"{exc}; the downloaded texts were not kept and the index is unchanged") from None
    for line in report.skipped:
        print(f"note: {line}", file=sys.stderr)
    if not report.fetched:
        print(f"nothing to download: the corpus holds every version the API lists ({report.check.requests} "
              "requests)")
        return 0
    for f in report.fetched:
        print(f"downloaded {f.doc}: {f.describe} ({f.units} provisions) → {settings.lawgo_dir / f.local}")
    idx = report.index
    if idx is None:
        print("not indexed (--no-index): run `kaia ingest`")
    else:
        print(f"index {idx.generation}: re-indexed {', '.join(idx.changed) or 'nothing'}; "
              f"{idx.total_embedded} texts embedded, {idx.seconds:.1f} s")
    for f in report.fetched:
        start = f.entry.get("effective_from")
        if start and not f.replaces:
            print(f"what changed: kaia diff {f.doc} --from {_day_before(start)} --to {start}")
    return 0


def _day_before(iso: str) -> str:
    from datetime import timedelta

    return (date.fromisoformat(iso) - timedelta(days=1)).isoformat()


# ------------------------------------------------------------------------------------------ verify


def cmd_verify(args: argparse.Namespace) -> int:
    import json

    from assistant.citecheck import CitationChecker, text_report
    from ingest.blocks import ParseError
    from ingest.passages import read_document, text_of_bytes
    from ingest.store import IndexDamagedError, IndexMissingError, IndexStore

    try:
        if args.file == "-":
            name, text = "standard input", text_of_bytes(sys.stdin.buffer.read())
        else:
            name = args.file
            text = read_document(Path(args.file))
        store = IndexStore.open(_settings())
    except (ParseError, IndexMissingError, IndexDamagedError) as exc:
        raise UserError(str(exc)) from None
    report = CitationChecker(store).check(text, as_of=args.as_of, lang=args.lang)
    if args.json:
        print(json.dumps(report.to_json(), ensure_ascii=False, indent=1))
    else:
        print(text_report(report, name))
    return 0 if report.ok else 1


# --------------------------------------------------------------------------------------------- ask


def _open_assistant():  # noqa: ANN202
    from assistant.chain import Assistant
    from ingest.embeddings import EmbeddingModelError
    from ingest.store import BackendUnavailableError, IndexDamagedError, IndexMissingError

    try:
        a = Assistant(_settings())
        a.warm_up()
        return a
    except (IndexMissingError, IndexDamagedError, BackendUnavailableError, EmbeddingModelError) as exc:
        raise UserError(str(exc)) from None


def format_answer(ans) -> str:  # noqa: ANN001
    """The answer for a terminal: text, then each citation with its verbatim quote and link."""
    out = [ans.answer, ""]
    for c in ans.citations:
        out.append(f"[{c.n}] {c.label} · {c.version} · {c.url}" + (f" · {c.change_note}" if c.change_note else ""))
        out.append(f"    “{c.quote}”")
        if c.quote_ko:
            out.append(f"    원문: “{c.quote_ko}”")
    if ans.abstained and ans.related:
        out.append("related: " + "; ".join(ans.related))
    for v in getattr(ans, "versions", []):
        for n in v["newer_known"]:
            out.append(f"warning: answered from {v['version']}; {n['version']} (in force {n['effective']}) is known "
                       "but not indexed yet: run `kaia sources update`")
    return "\n".join(out).rstrip()


def cmd_ask(args: argparse.Namespace) -> int:
    import json

    from assistant.chain import BadQuestionError, check_question
    from ingest.store import BackendUnavailableError, IndexDamagedError

    if args.batch:
        return _ask_batch(args)
    if args.question is None:
        raise UserError("give a question, or --batch FILE.jsonl")
    # Bytes that are not UTF-8 reach argv as lone surrogates, which the Korean tokenizer cannot read.
    if re.search("[\ud800-\udfff]", args.question):
        raise UserError("the question contains bytes that are not UTF-8 text; type it as plain text")
    try:
        check_question(args.question)
    except BadQuestionError as exc:
        raise UserError(str(exc)) from None
    assistant = _open_assistant()
    try:
        ans = assistant.ask(args.question, as_of=args.as_of, lang=args.lang, mode=args.mode)
    except (BadQuestionError, IndexDamagedError, BackendUnavailableError) as exc:
        raise UserError(str(exc)) from None
    if args.json:
        print(json.dumps(ans.to_json(), ensure_ascii=False))
    else:
        print(format_answer(ans))
    return 0


def _ask_batch(args: argparse.Namespace) -> int:
    """One JSON object a line in (id, question; other fields ignored), one JSON answer a line out."""
    import json

    from assistant.chain import BadQuestionError
    from ingest.store import BackendUnavailableError, IndexDamagedError

    path = args.batch
    try:
        fh = sys.stdin if path == "-" else open(path, encoding="utf-8")
    except OSError as exc:
        raise UserError(f"{path}: {exc.strerror}") from None
    assistant = _open_assistant()
    failures = 0
    with fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
                if not isinstance(obj, dict):
                    raise ValueError("not a JSON object")
                qid = obj.get("id")
                ans = assistant.ask(str(obj.get("question") or ""), as_of=args.as_of, lang=args.lang,
                                    id=None if qid is None else str(qid), mode=args.mode)
                print(json.dumps(ans.to_json(), ensure_ascii=False), flush=True)
            except (ValueError, BadQuestionError) as exc:
                failures += 1
                qid = obj.get("id") if isinstance(locals().get("obj"), dict) else None
                print(json.dumps({"id": qid, "error": f"line {lineno}: {exc}"}, ensure_ascii=False), flush=True)
            except (IndexDamagedError, BackendUnavailableError) as exc:
                # Every later line would fail the same way: stop with one line saying why and where.
                raise UserError(f"line {lineno}: {exc}") from None
            obj = None
    return 1 if failures else 0


# ------------------------------------------------------------------------------------------- check


def cmd_check(args: argparse.Namespace) -> int:
    """The obligations checker: facts from a JSON file, or asked one at a time at the prompt."""
    import json

    from assistant.checker import Checker, FactsFileError, all_cids, provision_labels
    from corpus.knowledge import KnowledgeError, knowledge
    from ingest.store import IndexDamagedError, IndexMissingError, IndexStore

    try:
        checker = Checker(knowledge())
    except KnowledgeError as exc:
        raise UserError(str(exc)) from None
    lang = args.lang or "en"
    as_of = args.as_of or date.today().isoformat()
    try:
        facts = checker.load_facts(Path(args.facts)) if args.facts else _ask_facts(checker, as_of, lang)
    except FactsFileError as exc:
        raise UserError(str(exc)) from None
    cl = checker.checklist(facts, as_of, lang)
    try:
        labels = provision_labels(IndexStore.open(_settings()), all_cids(checker.k), lang, as_of)
    except (IndexMissingError, IndexDamagedError):
        labels = {}  # the checklist stands on the duty map; labels are a courtesy of the index
    text = checker.markdown(cl, labels)
    if args.out:
        try:
            Path(args.out).write_text(text, encoding="utf-8")
        except OSError as exc:
            raise UserError(f"{args.out}: {exc.strerror}") from None
        print(f"checklist written to {args.out}", file=sys.stderr)
    print(json.dumps(cl.to_json(), ensure_ascii=False) if args.json else text)
    return 0


def _ask_facts(checker, as_of: str, lang: str):  # noqa: ANN001, ANN202 - Checker -> Facts
    """Ask the facts that decide the most open duties, one at a time (Enter leaves one open)."""
    from assistant.checker import MAX_STEPS, FactsFileError
    from assistant.facts import FactValue, Facts

    facts, asked = Facts(), set()
    intro = ("사실관계를 하나씩 묻습니다. 예/아니요(또는 숫자)로 답하고, 모르면 Enter를 누르세요."
             if lang == "ko" else "A few questions about your situation. Answer yes/no (or a number); press Enter "
                                  "if you don't know.")
    print(intro, file=sys.stderr)
    for _ in range(MAX_STEPS):
        fid = checker.next_fact(facts, as_of, asked)
        if fid is None:
            break
        asked.add(fid)
        while True:
            print(f"\n{checker.question(fid, lang)}", file=sys.stderr)
            line = sys.stdin.readline()
            if not line:  # end of input: show the list with what is still open
                return facts
            try:
                value = checker.parse_answer(fid, line)
                break
            except FactsFileError as exc:
                print(f"  {exc}", file=sys.stderr)
        if value is not None:
            facts.values[fid] = FactValue(value, "(answered)", "stated")
            checker.close(facts)
    return facts


# -------------------------------------------------------------------------------------------- eval


def cmd_eval(args: argparse.Namespace) -> int:
    from eval.metrics import QuestionFileError
    from eval.run import DEFAULT_QUESTIONS, evaluate, summary_table, write_reports
    from ingest.store import BackendUnavailableError, IndexDamagedError, IndexMissingError

    try:
        report = evaluate(_settings(), Path(args.questions) if args.questions else DEFAULT_QUESTIONS,
                          baseline=args.baseline, progress=sys.stderr.isatty(), limit=args.limit)
    except (QuestionFileError, IndexMissingError, IndexDamagedError, BackendUnavailableError) as exc:
        raise UserError(str(exc)) from None
    paths = write_reports(report, Path(args.out))
    print(summary_table(report))
    for s in report["shortfalls"]:
        print(f"below target: {s}")
    print("reports: " + ", ".join(str(p) for p in paths.values()))
    return 0


# ---------------------------------------------------------------------------------------------- ui


def cmd_ui(args: argparse.Namespace) -> int:
    from ingest.embeddings import EmbeddingModelError
    from ingest.store import BackendUnavailableError, IndexDamagedError, IndexMissingError
    from ui.web import DEFAULT_PORT, serve

    port = args.port
    if port is None:
        raw = os.environ.get("KAIA_PORT", "")
        if raw and not raw.isdigit():
            raise UserError(f"KAIA_PORT must be a port number, not {raw!r}")
        port = int(raw) if raw else DEFAULT_PORT
    if not 0 < port < 65536:
        raise UserError(f"port {port} is out of range (1-65535)")
    try:
        serve(_settings(), host=args.host, port=port)
    except (IndexMissingError, IndexDamagedError, BackendUnavailableError, EmbeddingModelError, ValueError) as exc:
        raise UserError(str(exc)) from None
    except OSError as exc:  # the port is taken, or the host cannot be bound
        raise UserError(f"cannot serve on {args.host}:{port}: {exc}") from None
    return 0


def cmd_feedback(args: argparse.Namespace) -> int:
    from ui.feedback import FeedbackStore, export, feedback_path

    settings = _settings()
    path = feedback_path(settings.data_dir)
    rows = FeedbackStore(path).rows() if path.exists() else []
    text = export(rows, args.format)
    if args.out and args.out != "-":
        try:
            Path(args.out).write_text(text, encoding="utf-8", newline="")
        except OSError as exc:
            raise UserError(f"{args.out}: {exc.strerror}") from None
        print(f"{len(rows)} feedback report(s) written to {args.out}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0


# -------------------------------------------------------------------------------------------- main


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="kaia", description="Answers about Korea's AI Basic Act, with citations.")
    sub = p.add_subparsers(dest="command", required=True)

    pi = sub.add_parser("ingest", help="parse the corpus and bring the index up to date")
    pi.add_argument("--add", metavar="FILE", help="add a user document (PDF, .txt, .md, .html) to the corpus")
    pi.add_argument("--rebuild", action="store_true", help="write a fresh index even if nothing changed")
    pi.add_argument("--quiet", action="store_true", help="no progress bars")
    pi.set_defaults(func=cmd_ingest)

    ps = sub.add_parser("show", help='print a provision: kaia show "Art. 31(1)" / "제36조" / "Decree Art. 29" / '
                        '"guideline/high-impact p. 14" / \'guideline/impact-assessment "3 평가 대상"\'')
    ps.add_argument("citation")
    ps.add_argument("--lang", choices=["en", "ko"])
    ps.add_argument("--as-of", type=_date, metavar="DATE", help="the text in force on this day (YYYY-MM-DD)")
    ps.set_defaults(func=cmd_show)

    pd = sub.add_parser("diff", help='what changed between two dates: kaia diff decree --from 2026-03-01 --to '
                        '2026-08-20, or kaia diff "Art. 35(1)" …')
    pd.add_argument("target", help='a document ("act", "decree", "notice-2026-50") or a provision ("Art. 35(1)")')
    pd.add_argument("--from", dest="date_from", type=_date, required=True, metavar="DATE")
    pd.add_argument("--to", dest="date_to", type=_date, required=True, metavar="DATE")
    pd.add_argument("--json", action="store_true", help="print the changes as JSON")
    pd.add_argument("--lang", choices=["en", "ko"], default="en", help="language of the headings (default en)")
    pd.set_defaults(func=cmd_diff)

    pa = sub.add_parser("ask", help='answer a question with verified citations: kaia ask "…" [--json]')
    pa.add_argument("question", nargs="?")
    pa.add_argument("--json", action="store_true", help="print the answer as JSON (the documented schema)")
    pa.add_argument("--as-of", type=_date, metavar="DATE", help="answer from the law in force on this day")
    pa.add_argument("--lang", choices=["en", "ko"], help="answer language (default: the question's)")
    pa.add_argument("--mode", choices=["extractive", "llm"],
                    help="extractive (default) or llm (needs KAIA_LLM_URL; the default when it is set)")
    pa.add_argument("--batch", metavar="FILE.jsonl", help="questions one JSON object a line ('-': stdin); "
                    "loads the models once and writes one JSON answer a line")
    pa.set_defaults(func=cmd_ask)

    pe = sub.add_parser("eval", help="evaluate grounding on a question file; JSON, Markdown and PNG reports")
    pe.add_argument("--questions", metavar="FILE", help="question file (JSONL; default eval/questions.jsonl)")
    pe.add_argument("--baseline", action="store_true", help="also run the tutorial-RAG baseline")
    pe.add_argument("--out", default="eval/report", metavar="DIR", help="report folder (default eval/report)")
    pe.add_argument("--limit", type=int, help="only the first N questions")
    pe.set_defaults(func=cmd_eval)

    pc = sub.add_parser("check", help="check my obligations: asks about your situation, lists every duty")
    pc.add_argument("--facts", metavar="FILE.json", help="the facts as JSON (fact ids to true/false/number/null) "
                    "instead of questions at the prompt")
    pc.add_argument("--as-of", type=_date, metavar="DATE", help="check against the law in force on this day")
    pc.add_argument("--lang", choices=["en", "ko"], help="language of the questions and the checklist (default en)")
    pc.add_argument("--json", action="store_true", help="print the result as JSON")
    pc.add_argument("--out", metavar="FILE.md", help="also write the checklist as Markdown")
    pc.set_defaults(func=cmd_check)

    pv = sub.add_parser("verify", help="check every citation of the Act, the Decree or the Notice in a document "
                        "(text, Markdown, HTML, PDF, Word; '-': stdin); exit code 1 if any is not ok")
    pv.add_argument("file", metavar="FILE")
    pv.add_argument("--as-of", type=_date, metavar="DATE",
                    help="check against the law in force on this day (default: the document's own date, else today)")
    pv.add_argument("--json", action="store_true", help="print the findings as JSON")
    pv.add_argument("--lang", choices=["en", "ko"], help="language of the law's text in the report "
                    "(default: each reference's own)")
    pv.set_defaults(func=cmd_verify)

    po = sub.add_parser("sources", help="the official texts on the law.go.kr Open API: status (offline), check, "
                        "update (need KAIA_LAWGO_OC)")
    pos = po.add_subparsers(dest="action", required=True)
    pos1 = pos.add_parser("status", help="per document: the version indexed, when the API was last checked, and "
                          "any newer version it listed (offline)")
    pos1.add_argument("--json", action="store_true", help="print the status as JSON")
    pos2 = pos.add_parser("check", help="ask the API for new versions, enforcement phases and changed texts")
    pos2.add_argument("--json", action="store_true", help="print what is new as JSON")
    pos3 = pos.add_parser("update", help="download, verify and record them under the data folder, then re-index")
    pos3.add_argument("--no-index", action="store_true", help="download and record only; `kaia ingest` indexes")
    pos3.add_argument("--quiet", action="store_true", help="no progress bars")
    for sp in (pos1, pos2, pos3):
        sp.set_defaults(func=cmd_sources)

    pu = sub.add_parser("ui", help="run the chat page (http://127.0.0.1:7860 by default)")
    pu.add_argument("--port", type=int, help="port (default: KAIA_PORT, else 7860)")
    pu.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1: this machine only)")
    pu.set_defaults(func=cmd_ui)

    pf = sub.add_parser("feedback", help="feedback given on the chat page")
    pfs = pf.add_subparsers(dest="action", required=True)
    pfe = pfs.add_parser("export", help="write every feedback report (JSON Lines or CSV)")
    pfe.add_argument("--out", metavar="FILE", help="output file (default: standard output)")
    pfe.add_argument("--format", choices=["jsonl", "csv"], default="jsonl", help="jsonl (default) or csv")
    pfe.set_defaults(func=cmd_feedback)

    for extra in _EXTRA_COMMANDS:
        extra(sub)
    return p


# Later subcommands (ask, eval, ui) register themselves here.
_EXTRA_COMMANDS: list = []


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except UserError as exc:
        print(f"kaia: {exc}", file=sys.stderr)
        return exc.code
    except KeyboardInterrupt:
        print("kaia: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # `kaia verify memo.md | head`: the reader has gone (the exit code the Python docs advise)
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1


if __name__ == "__main__":
    sys.exit(main())
