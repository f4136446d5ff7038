"""Optional generative mode: an OpenAI-compatible LLM (KAIA_LLM_URL, e.g. a local Ollama or llama.cpp server)
writes a plain-language answer from the quoted provisions, with [n] markers. The same verifier then checks every
sentence: it must carry a marker of a verified citation and state no figure its quotes lack. Without the variable
nothing here runs."""
from __future__ import annotations

import json
import urllib.error
import urllib.request

from assistant.records import CitationOut

SYSTEM_EN = ("You explain Korea's AI Basic Act to small-business founders. Answer ONLY from the numbered quotes. "
             "Write 2-5 short plain-language sentences. End EVERY sentence with the marker of the quote it relies on, "
             "like [1]. Repeat figures exactly as the quote gives them. If the quotes do not answer the question, "
             "say so in one sentence with no marker.")
SYSTEM_KO = ("당신은 한국 인공지능기본법을 중소기업 창업자에게 설명합니다. 번호가 붙은 인용문만 근거로 답하세요. "
             "쉬운 말로 2~5문장을 쓰고, 모든 문장 끝에 근거 인용문의 번호를 [1]처럼 붙이세요. 숫자는 인용문 그대로 "
             "쓰세요. 인용문으로 답할 수 없으면 번호 없이 한 문장으로 그렇게 말하세요.")


class LLMError(RuntimeError):
    """The LLM endpoint failed or answered in an unexpected shape."""


def build_messages(question: str, citations: list[CitationOut], lang: str) -> list[dict[str, str]]:
    quotes = "\n".join(f"[{c.n}] {c.label}: \"{c.quote}\"" for c in citations)
    return [{"role": "system", "content": SYSTEM_KO if lang == "ko" else SYSTEM_EN},
            {"role": "user", "content": f"Quotes:\n{quotes}\n\nQuestion: {question}"}]


def complete(url: str, model: str, messages: list[dict[str, str]], timeout: float = 60.0) -> str:
    """One chat completion from an OpenAI-compatible server (`url` is its base, e.g. http://127.0.0.1:11434/v1)."""
    endpoint = url.rstrip("/") + ("/chat/completions" if not url.rstrip("/").endswith("/chat/completions") else "")
    body = json.dumps({"model": model or "default", "messages": messages, "temperature": 0}).encode()
    req = urllib.request.Request(endpoint, data=body, headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:  # noqa: S310 - the user configures the URL
            data = json.loads(resp.read().decode("utf-8"))
        return str(data["choices"][0]["message"]["content"]).strip()
    except (urllib.error.URLError, TimeoutError, OSError) as exc:
        raise LLMError(f"LLM server {endpoint} unreachable: {exc}") from exc
    except (KeyError, IndexError, ValueError, TypeError) as exc:
        raise LLMError(f"LLM server {endpoint} gave an unexpected response: {exc}") from exc
