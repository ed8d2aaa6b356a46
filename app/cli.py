"""Command line: python -m app ingest | serve | ask | search | eval.

Options fall back to the settings (DOCQA_* environment variables). Errors print one line
naming what is wrong and exit with status 2.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path

from .errors import ServiceError
from .settings import Settings

EPILOG = """examples:
  python -m app ingest                      build the index from corpus/
  python -m app serve --port 8000           start the API and the web page
  python -m app ask "Why did Japan hold 2+2 talks with Russia?"
  python -m app search "JMSDF exercise" -k 5
  python -m app eval                        retrieval and answer metrics on tests/qa/
  python -m app bench                       latency medians (embedding, search, ask)
"""


def _settings(args: argparse.Namespace) -> Settings:
    overrides = {}
    for name in ("corpus_dir", "index_dir", "model", "host", "port"):
        value = getattr(args, name, None)
        if value is not None:
            overrides[name] = value
    return Settings(**overrides)


def cmd_ingest(args: argparse.Namespace) -> int:
    from .embedding import SentenceTransformerEmbedder
    from .index import build_index

    settings = _settings(args)
    embedder = SentenceTransformerEmbedder(
        settings.model, device=settings.device, allow_download=settings.allow_download
    )
    result = build_index(settings, embedder, progress=not args.quiet)
    summary = result.summary()
    if args.json:
        print(json.dumps(summary, indent=2))
        return 0
    print(f"index:              {settings.index_dir}")
    print(f"documents:          {summary['documents']}")
    print(f"sections:           {summary['sections']}")
    print(f"passages:           {summary['passages']}")
    print(f"duplicates merged:  {summary['duplicates_merged']}")
    print(f"furniture dropped:  {summary['lines_dropped_as_furniture']} lines")
    print(f"files skipped:      {len(summary['files_skipped'])}")
    for skipped in summary["files_skipped"]:
        print(f"  - {skipped['file']}: {skipped['reason']}")
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from .api import create_app

    settings = _settings(args)
    app = create_app(settings)
    uvicorn.run(app, host=settings.host, port=settings.port, log_level="info")
    return 0


def _print_hits(hits) -> None:
    for i, h in enumerate(hits, start=1):
        p = h.passage
        print(f"{i:2d}. [{h.score:.4f}] {p.title} — {p.author}, {p.date}")
        print(f"    § {p.section or '(no section)'}  chars {p.char_start}-{p.char_end}  ({p.passage_id})")
        print("    " + p.text[:300].replace("\n", " ") + ("…" if len(p.text) > 300 else ""))


def cmd_search(args: argparse.Namespace) -> int:
    from .presenters import search_result
    from .retrieval import Filters
    from .service import Service

    service = Service.load(_settings(args))
    hits = service.search(
        args.query, k=args.k, filters=Filters(tuple(args.doc_id or ()), args.author, args.date_from, args.date_to)
    )
    if args.json:
        print(
            json.dumps(
                {"query": args.query, "results": [search_result(i, h).model_dump() for i, h in enumerate(hits, 1)]},
                indent=2,
                ensure_ascii=False,
            )
        )
    else:
        _print_hits(hits)
    return 0


def cmd_ask(args: argparse.Namespace) -> int:
    from .presenters import ask_response
    from .retrieval import Filters
    from .service import Service

    if not args.question.strip():
        raise ServiceError("the question is empty")
    service = Service.load(_settings(args))
    answer = service.ask(
        args.question, k=args.k, filters=Filters(tuple(args.doc_id or ()), args.author, args.date_from, args.date_to)
    )
    if args.json:
        print(json.dumps(ask_response(answer).model_dump(), indent=2, ensure_ascii=False))
        return 0
    print(answer.text)
    print()
    for w in answer.warnings:
        print(f"warning: {w}")
    if answer.citations:
        print("Sources:")
        for c in answer.citations:
            p = c.passage
            print(f"[{c.n}] {p.title} — {p.author}, {p.date}")
            print(f"    § {p.section or '(no section)'}  chars {c.char_start}-{c.char_end}")
            print(f'    "{c.quote}"')
    else:
        print("Nearest passages:")
        _print_hits(answer.hits[:5])
    return 0


def cmd_eval(args: argparse.Namespace) -> int:
    from .evaluation import run_evaluation

    qa_set = "holdout" if args.holdout else args.set
    report = run_evaluation(
        _settings(args),
        qa_dir=Path(args.qa_dir),
        floors_path=Path(args.floors) if args.floors else None,
        baselines=not args.no_baselines,
        golden_name=f"{qa_set}.jsonl",
        unanswerable_name="unanswerable.jsonl" if qa_set == "golden" else f"{qa_set}_unanswerable.jsonl",
    )
    print(json.dumps(report, indent=2) if args.json else report["text"])
    if args.report:
        Path(args.report).write_text(json.dumps(report, indent=2), encoding="utf-8")
    return 1 if report.get("failures") else 0


def cmd_bench(args: argparse.Namespace) -> int:
    from .bench import run_benchmark

    report = run_benchmark(_settings(args), questions_path=Path(args.questions), rounds=args.rounds)
    print(json.dumps(report, indent=2))
    return 0


def cmd_calibrate(args: argparse.Namespace) -> int:
    from .calibration import main_calibrate

    weights = main_calibrate(
        _settings(args), qa_dir=Path(args.qa_dir), out=Path(args.out) if args.out else None, c=args.c
    )
    print(json.dumps(weights, indent=2))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m app",
        description="Document-grounded Q&A over a policy corpus.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="debug logging")
    sub = parser.add_subparsers(dest="command", required=True)

    def common(p: argparse.ArgumentParser) -> None:
        p.add_argument("--corpus-dir", dest="corpus_dir", type=Path, help="corpus folder (DOCQA_CORPUS_DIR)")
        p.add_argument("--index-dir", dest="index_dir", type=Path, help="index folder (DOCQA_INDEX_DIR)")
        p.add_argument("--model", help="sentence-transformers model name or path (DOCQA_MODEL)")

    def filters(p: argparse.ArgumentParser) -> None:
        p.add_argument("-k", type=int, default=None, help="passages to retrieve")
        p.add_argument("--doc-id", action="append", help="only this document (repeatable)")
        p.add_argument("--author", help="only passages whose author contains this")
        p.add_argument("--date-from", help="YYYY[-MM[-DD]]")
        p.add_argument("--date-to", help="YYYY[-MM[-DD]]")
        p.add_argument("--json", action="store_true", help="print the API's JSON")

    p = sub.add_parser("ingest", help="build the index from the corpus folder")
    common(p)
    p.add_argument("--json", action="store_true", help="print the summary as JSON")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bars")
    p.set_defaults(func=cmd_ingest)

    p = sub.add_parser("serve", help="start the HTTP API and web page (uvicorn)")
    common(p)
    p.add_argument("--host", help="address to bind (DOCQA_HOST)")
    p.add_argument("--port", type=int, help="port (DOCQA_PORT)")
    p.set_defaults(func=cmd_serve)

    p = sub.add_parser("search", help="ranked passages for a query")
    common(p)
    p.add_argument("query")
    filters(p)
    p.set_defaults(func=cmd_search)

    p = sub.add_parser("ask", help="a cited answer to a question")
    common(p)
    p.add_argument("question")
    filters(p)
    p.set_defaults(func=cmd_ask)

    p = sub.add_parser("eval", help="retrieval and answer metrics on the golden set, with baselines")
    common(p)
    p.add_argument("--qa-dir", default="tests/qa", help="folder with golden.jsonl and unanswerable.jsonl")
    p.add_argument("--floors", default=None, help="JSON of minimum figures; any figure below its floor fails (exit 1)")
    p.add_argument("--no-baselines", action="store_true", help="skip the two baselines")
    p.add_argument(
        "--holdout",
        action="store_true",
        help="use the hold-out set (holdout.jsonl, holdout_unanswerable.jsonl): questions never tuned on",
    )
    p.add_argument(
        "--set",
        default="golden",
        help="question set NAME: NAME.jsonl and NAME_unanswerable.jsonl in --qa-dir (golden: unanswerable.jsonl); "
        "e.g. --set fresh",
    )
    p.add_argument("--report", help="also write the report as JSON to this file")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_eval)

    p = sub.add_parser("calibrate", help="fit the abstention model on the golden and unanswerable sets")
    common(p)
    p.add_argument("--qa-dir", default="tests/qa")
    p.add_argument("--out", help="write the weights here (app/support_weights.json is what the answerer loads)")
    p.add_argument("-c", type=float, default=1.0, help="inverse regularisation strength")
    p.set_defaults(func=cmd_calibrate)

    p = sub.add_parser("bench", help="latency medians: query embedding, /api/search, /api/ask")
    common(p)
    p.add_argument("--questions", default="tests/qa/golden.jsonl", help="JSONL with a 'question' field")
    p.add_argument("--rounds", type=int, default=3)
    p.set_defaults(func=cmd_bench)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.WARNING, format="%(levelname)s %(name)s: %(message)s"
    )
    if args.command in ("serve", "ingest"):
        logging.getLogger("app").setLevel(logging.INFO)
    try:
        return args.func(args)
    except ServiceError as exc:
        print(f"error: {exc.message}", file=sys.stderr)
        return 2
    except ValueError as exc:  # settings validation
        print(f"error: {exc}", file=sys.stderr)
        return 2
