"""The leaflint command line: wires the stages together; the only place that exits."""

from __future__ import annotations

import dataclasses
import inspect
import json
import os
import sys
import time
from pathlib import Path

import click

from pipeline import __version__, i18n, orchestrate, report
from pipeline.i18n import _, ngettext
from pipeline.diagnostic import Diagnostic, ExitCode, Severity, Summary
from pipeline.corpus import outside_link
from pipeline.lint.config import Config, ConfigError, find_config, load_config, output_problem
from pipeline.paths import inside
from pipeline.lint.rules import all_rules, cross_leaflet_rules, registry, rule_info
from pipeline.yamlio import DataFileError, atomic_write


class Failure(Exception):
    """The tool itself cannot go on (exit 2)."""


def _shard(value: str | None) -> tuple[int, int] | None:
    if not value:
        return None
    try:
        k, n = (int(x) for x in value.split("/"))
    except ValueError:
        raise click.BadParameter("use K/N, e.g. 2/4") from None
    if not (1 <= k <= n):
        raise click.BadParameter(i18n._("K must be between 1 and N, got {value}").format(value=value))
    return k, n


def _config(obj: dict) -> Config:
    if "config" not in obj:
        path = obj.get("config_path") or find_config()
        follow = bool(obj.get("follow_symlinks"))
        if path and not obj.get("config_path") and not follow and not inside(path, [Path(path).parent]):
            raise Failure(f"{path}: {outside_link(Path(path)).message}")
        try:
            obj["config"] = load_config(Path(path) if path else None)
        except ConfigError as e:
            raise Failure(str(e)) from None
        obj["config"].follow_symlinks = follow
    return obj["config"]


def _relative(path: Path) -> Path:
    """Under the working directory, a path relative to it: what CI annotations and people expect."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve())
    except ValueError:
        return path


def _paths(paths: tuple[Path, ...], config: Config) -> list[Path]:
    chosen = list(paths) if paths else [_relative(config.sources / "leaflets")]
    missing = [str(p) for p in chosen if not p.exists()]
    if missing:
        raise Failure(i18n._("no such file or folder: {paths}").format(paths=", ".join(missing)))
    config.roots = tuple(p if p.is_dir() else p.parent for p in chosen)  # the folders given may be read
    return chosen


def _err(msg: str) -> None:
    click.echo(msg, err=True)


def _rule_infos():
    return [rule_info(m) for m in all_rules().values()]


def _report_problems(problems: list[Diagnostic]) -> None:
    for p in problems:
        _err(f"leaflint: {p.path}:{p.line}:{p.column}: {p.message}")


def _exit_for(diags: list[Diagnostic], strict: bool) -> int:
    s = Summary.of(diags)
    if s.error or (strict and s.warning):
        return ExitCode.FINDINGS
    return ExitCode.CLEAN


def _failures(result) -> list[str]:
    """The checks that could not run, with their remedy (the formatters show them too)."""
    return [f"{f.message()} ({f.hint()})" for f in result.failures]


def _report_failures(result, code: int) -> int:
    """After the findings: every check that could not run, and exit 2 if there was one."""
    for f in result.failures:
        _err(i18n._("leaflint: error: {message}").format(message=f.message()))
        _err(f"leaflint:   {f.hint()}")
    return ExitCode.FAILURE if result.failures else code


def _emit(fmt: str, diags, result_files, config: Config, strict: bool, notes, output: Path | None,
          failures: list[str] = ()) -> None:
    name = report.resolve(fmt)
    stream_is_tty = output is None and report.colour_wanted(sys.stdout)
    text = report.render(
        name, diags, _rule_infos(), Summary.of(diags),
        colour=stream_is_tty, strict=strict, files=result_files, notes=notes, failures=list(failures),
    )
    if output:
        atomic_write(output, text)
    else:
        click.echo(text, nl=False)
    _job_summary(diags, notes)


def _job_summary(diags, notes) -> None:
    """Under GitHub Actions, a Markdown table on the run's page (appended, as GitHub expects)."""
    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if os.environ.get("GITHUB_ACTIONS") != "true" or not target:
        return
    from pipeline.report.github_format import job_summary

    with open(target, "a", encoding="utf-8") as f:
        f.write(job_summary(diags, Summary.of(diags), notes))


def _choose_language(ctx: click.Context, lang: str | None) -> None:
    """--lang is eager: chosen before --help prints, so help texts follow it too."""
    i18n.set_language(lang)
    _translate_help(ctx.find_root().command)


def _translate_help(command: click.Command) -> None:
    """Help texts in the run's language; the English text (cleaned as Click shows it) is the msgid."""
    for item in (command, *command.params):
        if not hasattr(item, "help_msgid"):
            text = getattr(item, "help", None)
            item.help_msgid = inspect.cleandoc(text) if text else ""
        if item.help_msgid:
            item.help = i18n._(item.help_msgid)
    for sub in getattr(command, "commands", {}).values():
        _translate_help(sub)


def help_msgids(command: click.Command):
    """Every help text of the command line, for the message catalog."""
    for item in (command, *command.params):
        text = getattr(item, "help_msgid", None) or (inspect.cleandoc(item.help) if getattr(item, "help", None) else "")
        if text:
            yield text
    for sub in getattr(command, "commands", {}).values():
        yield from help_msgids(sub)


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="leaflint")
@click.option("--config", "config_path", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="leaflint.yaml to use (default: the nearest one from the working directory up).")
@click.option("--lang", type=click.Choice(i18n.LANGUAGES), default=None, is_eager=True, expose_value=False,
              callback=lambda ctx, param, value: _choose_language(ctx, value),
              help="Language of messages: nl (default) or en (also chosen by LEAFLINT_LANG, LANGUAGE or LANG).")
@click.option("--follow-symlinks", "follow_symlinks", is_flag=True,
              help="Read files that are symbolic links to places outside the given folders and the project.")
@click.pass_context
def cli(ctx: click.Context, config_path: Path | None, follow_symlinks: bool) -> None:
    """Lint and publish Dutch patient leaflets.

    PATH arguments may be files or folders, anywhere on disk; without PATH the project's
    sources/leaflets is used. Exit codes: 0 no error findings, 1 error findings (or warnings with
    --strict), 2 usage, configuration or tool failure.
    """
    ctx.ensure_object(dict)
    ctx.obj["config_path"] = config_path
    ctx.obj["follow_symlinks"] = follow_symlinks


paths_arg = click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
shard_opt = click.option("--shard", callback=lambda c, p, v: _shard(v), metavar="K/N",
                         help="Only the K-th of N deterministic slices of the leaflets (by id), for CI matrices.")
jobs_opt = click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
                        help="Worker processes for per-leaflet work (default: all cores).")
cache_opt = click.option("--no-cache", "no_cache", is_flag=True,
                         help="Ignore and do not write the result store (output/.cache/results.sqlite).")
baseline_opt = click.option(
    "--baseline", "baseline_path", type=click.Path(dir_okay=False, path_type=Path),
    help="Report only findings not in this baseline (from `leaflint baseline write`), and stale entries as info.")
corpus_opt = click.option(
    "--corpus", "corpus_dir", type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="Compare the leaflets linted with all leaflets in this folder (default for files of the project: "
         "its leaflets folder).")
exclude_opt = click.option("--exclude", multiple=True, metavar="GLOB",
                           help="Skip leaflet paths matching GLOB (repeatable; adds to `exclude:` in leaflint.yaml).")
def _check_out(ctx: click.Context, value: Path | None) -> Path | None:
    if value is not None:
        config = _config(ctx.find_root().obj)
        problem = output_problem(value, config.sources)
        if problem:
            raise click.BadParameter(problem)
    return value


out_opt = click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path),
                       callback=lambda c, p, v: _check_out(c, v),
                       help="Output folder (default: output/ of the project or leaflint.yaml).")


@cli.command()
@paths_arg
@out_opt
@click.option("--print/--no-print", "show", default=True, help="Print the normalized Markdown.")
@click.pass_obj
def ingest(obj, paths, out_dir, show):
    """Read leaflets and write output/normalized/<id>.md (Markdown with YAML front matter)."""
    from pipeline.corpus import load_corpus
    from pipeline.ingest.normalize import to_markdown

    config = _config(obj)
    corpus = load_corpus(_paths(paths, config), config)
    out = (out_dir or config.output) / "normalized"
    for doc in corpus.documents:
        md = to_markdown(doc)
        atomic_write(out / f"{doc.id}.md", md)
        if show:
            click.echo(md)
        for note in doc.notes:
            _err(f"leaflint: {doc.path}: {note}")
    _report_problems(corpus.problems)
    _err(i18n._("leaflint: {n} leaflet(s) normalized into {folder}").format(n=len(corpus.documents), folder=out))
    sys.exit(ExitCode.FINDINGS if corpus.problems else ExitCode.CLEAN)


@cli.command()
@paths_arg
@click.option("--format", "fmt", type=click.Choice(["yaml", "json", "text"]), default="text", show_default=True)
@out_opt
@shard_opt
@click.pass_obj
def facts(obj, paths, fmt, out_dir, shard):
    """Extract facts and write output/facts/<id>.yaml (schema-validated)."""
    from pipeline.corpus import load_corpus
    from pipeline.facts.stage import extract_corpus, write_fact_files
    from pipeline.yamlio import dump_yaml

    config = _config(obj)
    corpus = load_corpus(_paths(paths, config), config, shard=shard)
    extract_corpus(corpus, config)
    # only a run over the whole sources folder knows which fact files belong to deleted leaflets
    written = write_fact_files(corpus, (out_dir or config.output) / "facts", prune=not paths and shard is None)
    rows = [f.to_json() for doc in corpus.documents for f in corpus.facts.get(doc.id, [])]
    if fmt == "json":
        click.echo(json.dumps({"facts": rows}, ensure_ascii=False, indent=2))
    elif fmt == "yaml":
        click.echo(dump_yaml({"facts": rows}), nl=False)
    else:
        from pipeline.facts.model import value_text

        for r in rows:
            value = value_text(r["min"], r["max"], r["text"], r["unit"], r["approx"], None)
            quals = " ".join(f"{k}={v}" for k, v in (r["qualifiers"] or {}).items())
            click.echo(f"{r['path']}:{r['line']}:{r['column']}: {r['key']} = {value} {quals}".rstrip())
    _report_problems(corpus.problems)
    _err(i18n._("leaflint: {facts} fact(s) from {n} leaflet(s); fact files in {folder}").format(
        facts=len(rows), n=len(corpus.documents), folder=written[0].parent if written else "-"))
    sys.exit(ExitCode.FINDINGS if corpus.problems else ExitCode.CLEAN)


FORMAT_CHOICE = click.Choice(["auto", *report.FORMATS])


@cli.command()
@paths_arg
@click.option("--format", "fmt", type=FORMAT_CHOICE, default="auto", show_default=True,
              help="auto: github under GitHub Actions, else text (coloured on a terminal).")
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), help="Write the report to a file.")
@click.option("--strict", is_flag=True, help="Warnings fail the run too.")
@click.option("--select", multiple=True, metavar="RULE", help="Only these rules or categories (repeatable).")
@shard_opt
@jobs_opt
@cache_opt
@baseline_opt
@click.option("--changed", "changed_ref", is_flag=False, flag_value="HEAD", default=None, metavar="[REF]",
              help="Only leaflets changed since REF (default HEAD; untracked ones too), compared with the whole corpus.")
@corpus_opt
@exclude_opt
@click.pass_obj
def lint(obj, paths, fmt, output, strict, select, shard, jobs, no_cache, baseline_path, changed_ref, corpus_dir,
         exclude):
    """Check leaflets: facts across leaflets, the reference registry, spelling, grammar, style."""
    config = _with_exclude(_with_baseline(_config(obj), baseline_path), exclude)
    _check_select(select)
    chosen = set(select) or None
    if shard is not None:
        # a shard sees only its slice: cross-leaflet findings would be partial; `gather` has them all
        cross = cross_leaflet_rules()
        chosen = {r for r in all_rules() if r not in cross and (not select or any(
            r == s or r.startswith(s + ".") for s in select))}
        _err(i18n._("leaflint: note: --shard skips the cross-leaflet fact rules; run `leaflint gather` "
                    "on the fact files of all shards for those"))
    if shard is not None and (changed_ref is not None or corpus_dir):
        raise click.BadParameter("--shard cannot be combined with --changed or --corpus", param_hint="--shard")
    scope = _scope(paths, config, changed_ref, corpus_dir)
    if scope.changed is not None and not scope.changed:
        _err("leaflint: " + _("no leaflet changed since {ref}").format(ref=changed_ref))
        _emit(fmt, [], [], config, strict or config.strict, [], output)
        sys.exit(ExitCode.CLEAN)
    if scope.corpus is not None:
        result = orchestrate.run_lint_changed(scope.changed or [], [scope.corpus], config, select=chosen, jobs=jobs,
                                         cache=not no_cache)
    else:
        result = orchestrate.run_lint(scope.paths, config, select=chosen, shard=shard, jobs=jobs, cache=not no_cache,
                                 progress=True)
        if scope.limited and shard is None:
            result.notes.append(_("cross-leaflet rules compared only the {count} leaflet(s) given; add --corpus "
                                  "DIR to compare them with all leaflets").format(count=len(result.corpus.documents)))
    for n in result.notes:
        _err(i18n._("leaflint: note: {note}").format(note=n))
    files = [str(d.path) for d in result.corpus.documents]
    _emit(fmt, result.diagnostics, files, config, strict or config.strict, result.notes, output,
          _failures(result))
    sys.exit(_report_failures(result, _exit_for(result.diagnostics, strict or config.strict)))


@cli.command()
@click.argument("fact_dirs", nargs=-1, required=True, type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--format", "fmt", type=FORMAT_CHOICE, default="auto", show_default=True)
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--strict", is_flag=True)
@click.pass_obj
def gather(obj, fact_dirs, fmt, output, strict):
    """Run the cross-leaflet fact rules on fact files from sharded runs (facts.conflict, ...)."""
    config = _config(obj)
    result = orchestrate.run_gather(list(fact_dirs), config)
    _emit(fmt, result.diagnostics, [], config, strict or config.strict, result.notes, output, _failures(result))
    sys.exit(_report_failures(result, _exit_for(result.diagnostics, strict or config.strict)))


@dataclasses.dataclass
class Scope:
    """What a lint run reads: ``paths`` in full, or ``changed`` in full against ``corpus``."""

    paths: list[Path]
    changed: list[Path] | None = None
    corpus: Path | None = None
    limited: bool = False  # single files without a corpus: the cross-leaflet rules see only them


def _scope(paths, config: Config, changed_ref: str | None, corpus_dir: Path | None) -> Scope:
    from pipeline.changed import ChangedError, changed_files, inside

    leaflets = config.sources / "leaflets"
    if changed_ref is not None:
        if paths:
            raise click.BadParameter("give either --changed or PATH arguments", param_hint="--changed")
        corpus = corpus_dir or _relative(leaflets)
        try:
            found = changed_files(changed_ref, corpus if corpus.is_dir() else Path.cwd())
        except ChangedError as e:
            raise Failure(str(e)) from None
        found = [f.resolve() if corpus.is_absolute() else f for f in found if inside(f, corpus)]
        return Scope([], found, corpus)
    chosen = _paths(paths, config)
    if corpus_dir is not None:
        return Scope(chosen, chosen, corpus_dir)
    files = [p for p in chosen if p.is_file()]
    if paths and files and leaflets.is_dir() and all(inside(p, leaflets) for p in chosen):
        return Scope(chosen, chosen, _relative(leaflets))  # files of the project: compare with all its leaflets
    return Scope(chosen, limited=bool(files))


def _with_exclude(config: Config, exclude: tuple[str, ...]) -> Config:
    return dataclasses.replace(config, exclude=[*config.exclude, *exclude]) if exclude else config


def _with_baseline(config: Config, path: Path | None) -> Config:
    if path is None:
        return config
    if not path.is_file():
        raise Failure(_("baseline {path} does not exist; write it with `leaflint baseline write {path}`").format(path=path))
    return dataclasses.replace(config, baseline=path)


@cli.group()
def baseline():
    """Accept the findings a library already has, so that only new ones are reported."""


@baseline.command("write")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@paths_arg
@jobs_opt
@click.pass_obj
def baseline_write(obj, file, paths, jobs):
    """Record every current finding of PATHS (default: the project's leaflets) in FILE."""
    from pipeline import baseline as baseline_file

    config = dataclasses.replace(_config(obj), baseline=None)
    result = orchestrate.run_lint(_paths(paths, config), config, jobs=jobs)
    if result.failures:  # a baseline without a check's findings would hide nothing but mislead
        sys.exit(_report_failures(result, ExitCode.FAILURE))
    n = baseline_file.write(file, result.diagnostics)
    _err("leaflint: " + _("{count} finding(s) of {leaflets} leaflet(s) recorded in {file}; use it with "
                          "`leaflint lint --baseline {file}` or `baseline: {file}` in leaflint.yaml").format(
        count=n, leaflets=len(result.corpus.documents), file=file))


@cli.command()
@click.pass_obj
def lsp(obj):
    """Language server on stdin/stdout for editors: findings as you type, fixes as code actions."""
    from pipeline.lsp import main as serve

    serve(obj.get("config_path"))


def _check_select(select) -> None:
    known = set(all_rules())
    cats = {r.split(".", 1)[0] for r in known}
    for s in select:
        if s not in known and s not in cats:
            raise click.BadParameter(i18n._("unknown rule or category '{name}'").format(name=s), param_hint="--select")


@cli.command()
@paths_arg
@out_opt
@click.option("--release", is_flag=True, help="Refuse (exit 1, no release output) while any error remains.")
@jobs_opt
@shard_opt
@click.pass_obj
def build(obj, paths, out_dir, release, jobs, shard):
    """Render branded HTML and PDF leaflets (drafts carry a CONCEPT watermark)."""
    config = _config(obj)
    result = orchestrate.run_lint(_paths(paths, config), config, shard=shard, jobs=jobs)
    if release and result.failures:
        # the gate cannot pass on checks that did not run: nothing is released
        _err(i18n._("leaflint: release refused: not every check could run"))
        sys.exit(_report_failures(result, ExitCode.FAILURE))
    code = _build(result, config, out_dir or config.output, release, jobs)
    sys.exit(_report_failures(result, code))


def _build(result, config, out, release, jobs) -> int:
    from pipeline.render.build import build as render_build

    br = render_build(result.corpus, result.diagnostics, result.brands, config, out,
                      release=release, jobs=jobs, progress=sys.stderr.isatty())
    _err(br.summary())
    for brand, leaflet, message in br.failed:
        _err(i18n._("leaflint: rendering {leaflet} for {brand} failed: {message}").format(
            leaflet=leaflet, brand=brand, message=message))
    for refusal in br.refused:
        _err(f"leaflint: {refusal.message}")
    _report_broken_brands(br)
    if br.failed or br.needed_broken:
        return ExitCode.FAILURE
    if br.refused:
        return ExitCode.FINDINGS
    if release and br.blocking:
        _err(i18n._("leaflint: release refused; blocking findings:"))
        for d in br.blocking:
            _err(f"  {d.path}:{d.line}:{d.column}: {d.severity.value} {d.rule} {d.message}")
        return ExitCode.FINDINGS
    return ExitCode.CLEAN


def _report_broken_brands(br) -> None:
    for brand_id, problems in br.broken.items():
        if brand_id in br.needed_broken:
            head = ngettext("brand '{brand}' cannot be used and this build needs it; {n} problem:",
                            "brand '{brand}' cannot be used and this build needs it; {n} problems:", len(problems))
        else:
            head = ngettext("brand '{brand}' cannot be used (this build does not need it); {n} problem:",
                            "brand '{brand}' cannot be used (this build does not need it); {n} problems:",
                            len(problems))
        _err("leaflint: " + head.format(brand=brand_id, n=len(problems)))
        for d in problems:
            _err(f"  {d.path}:{d.line}:{d.column}: {d.message}")


@cli.command("report")
@paths_arg
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path),
              help="Where to write the reviewer report (default: output/report.html).")
@click.pass_obj
def report_cmd(obj, paths, output):
    """Write the reviewer report: fact matrix, conflicts, every finding with its excerpt."""
    config = _config(obj)
    result = orchestrate.run_lint(_paths(paths, config), config)
    out = output or config.output / "report.html"
    _write_report(result, out, config.output, config)
    _err(i18n._("leaflint: reviewer report written to {file}").format(file=out))
    sys.exit(_report_failures(result, ExitCode.CLEAN))


def _write_report(result, out: Path, output_dir: Path, config: Config | None = None) -> None:
    from pipeline.facts.topics import AllTopics
    from pipeline.lint.engine import today
    from pipeline.report.html_report import write_report

    write_report(result.corpus, result.diagnostics, AllTopics(config), out, brands=result.brands,
                 output_dir=output_dir, today=today())


@cli.command()
@paths_arg
@click.option("--format", "fmt", type=FORMAT_CHOICE, default="auto", show_default=True)
@click.option("--strict", is_flag=True)
@baseline_opt
@click.pass_obj
def check(obj, paths, fmt, strict, baseline_path):
    """The release gate: exit 1 while any error-level finding remains."""
    config = _with_baseline(_config(obj), baseline_path)
    result = orchestrate.run_lint(_paths(paths, config), config)
    if not result.corpus.documents and not result.corpus.problems:
        raise Failure(i18n._("no leaflets found: the release gate has nothing to check"))
    errors = [d for d in result.diagnostics if d.severity == Severity.ERROR or (strict and d.severity == Severity.WARNING)]
    _emit(fmt, errors, [], config, strict, result.notes, None, _failures(result))
    code = _exit_for(result.diagnostics, strict or config.strict)
    if result.failures:
        _report_failures(result, code)
        _err(i18n._("leaflint: release gate FAILED: not every check could run (see above)"))
        sys.exit(ExitCode.FAILURE)
    _err(i18n._("leaflint: release gate FAILED: fix or waive the findings above") if code
         else i18n._("leaflint: release gate passed"))
    sys.exit(code)


@cli.command()
@paths_arg
@out_opt
@jobs_opt
@click.pass_obj
def run(obj, paths, out_dir, jobs):
    """The whole pipeline into output/: normalized text, facts, lint reports, HTML, PDF, report.

    Exits 0 when the pipeline worked, even if the leaflets have findings (see `check`).
    """
    from pipeline.facts.stage import write_fact_files
    from pipeline.ingest.normalize import to_markdown

    config = _config(obj)
    out = out_dir or config.output
    t0 = time.perf_counter()
    result = orchestrate.run_lint(_paths(paths, config), config, jobs=jobs)
    for doc in result.corpus.documents:
        atomic_write(out / "normalized" / f"{doc.id}.md", to_markdown(doc))
    write_fact_files(result.corpus, out / "facts", prune=not paths)
    files = [str(d.path) for d in result.corpus.documents]
    strict = config.strict
    for name, fname in (("text", "lint.txt"), ("json", "lint.json"), ("sarif", "lint.sarif"),
                        ("junit", "lint.junit.xml"), ("github", "lint.github.txt")):
        text = report.render(name, result.diagnostics, _rule_infos(), Summary.of(result.diagnostics),
                             colour=False, strict=strict, files=files, notes=result.notes,
                             failures=_failures(result))
        atomic_write(out / "lint" / fname, text)
    build_code = _build(result, config, out, release=False, jobs=jobs)
    _write_report(result, out / "report.html", out, config)
    s = Summary.of(result.diagnostics)
    for n in result.notes:
        _err(i18n._("leaflint: note: {note}").format(note=n))
    click.echo(i18n._(
        "leaflint: {n} leaflet(s): {errors} error(s), {warnings} warning(s), {infos} info in {seconds} s\n"
        "  reviewer report: {report}\n"
        "  lint reports:    {lint}/ (txt, json, sarif, junit, github)\n"
        "  leaflets:        {html}/ and {pdf}/\n"
        "  release gate:    `make check` (exit 1 while errors remain)").format(
        n=len(result.corpus.documents), errors=s.error, warnings=s.warning, infos=s.info,
        seconds=i18n.number(round(time.perf_counter() - t0, 1)), report=out / "report.html", lint=out / "lint",
        html=out / "html", pdf=out / "pdf"))
    sys.exit(_report_failures(result, ExitCode.FAILURE if build_code == ExitCode.FAILURE else ExitCode.CLEAN))


@cli.command("fix")
@paths_arg
@click.option("--diff", "show_diff", is_flag=True, help="Print a unified diff and write nothing (exit 1 when there is something to fix).")
@click.option("--write", is_flag=True, help="Change the files themselves (also in sources/); without it fixed copies go to output/fixed/.")
@out_opt
@click.option("--select", multiple=True, metavar="RULE", help="Only these rules or categories (repeatable).")
@click.pass_obj
def fix_cmd(obj, paths, show_diff, write, out_dir, select):
    """Apply the safe fixes: spelling with one clear candidate, typography, d/t.

    Fact values and other choices are only listed, never applied. Without --write the leaflets stay
    as they are and fixed copies are written to output/fixed/.
    """
    from pipeline import fix

    if show_diff and write:
        raise click.UsageError(i18n._("--diff and --write exclude each other"))
    config = _config(obj)
    _check_select(select)
    result = orchestrate.run_lint(_paths(paths, config), config, select=set(select) or None)
    files = fix.fix_all(result.diagnostics)
    target = (out_dir or config.output) / "fixed"
    for ff in files:
        for planned, why in ff.skipped:
            _err(i18n._("leaflint: not fixed: {fix} ({reason})").format(
                fix=fix.describe(planned.diagnostic, planned.fix.replacement), reason=why))
        if not ff.changed:
            continue
        if show_diff:
            click.echo(ff.diff(str(_relative(ff.path))), nl=False)
            continue
        dest = ff.path if write else target / ff.path.name
        atomic_write(dest, ff.fixed.encode(ff.encoding))
        for planned in ff.applied:
            _err(i18n._("leaflint: fixed: {fix}").format(fix=fix.describe(planned.diagnostic, planned.fix.replacement)))
    offered = fix.offered(result.diagnostics)
    for d in offered:
        _err(i18n._("leaflint: for a person to decide: {fix}").format(
            fix=fix.describe(d, " | ".join(f.replacement for f in d.fixes))))
    applied = sum(len(ff.applied) for ff in files if ff.changed)
    changed = [ff for ff in files if ff.changed]
    where = "" if show_diff else (i18n._(" in place") if write else i18n._(" into {folder}").format(folder=target))
    _err(i18n._("leaflint: {fixes} safe fix(es) in {files} file(s){where}; {offered} finding(s) with a "
                "replacement to choose by hand").format(fixes=applied, files=len(changed), where=where,
                                                       offered=len(offered)))
    sys.exit(_report_failures(result, ExitCode.FINDINGS if show_diff and changed else ExitCode.CLEAN))


@cli.command("review")
@paths_arg
@click.option("--format", "fmt", type=click.Choice(["docx"]), default="docx", show_default=True,
              help="docx: the leaflet with every finding as a Word comment, facts on the first page.")
@click.option("--import", "import_file", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Read a reviewed .docx back: 'akkoord' and 'afwijzen: <reden>' answers become pins, waivers, fixes.")
@click.option("--write", is_flag=True, help="With --import: accepted text fixes go into the leaflet itself (default: output/fixed/).")
@out_opt
@jobs_opt
@click.pass_obj
def review_cmd(obj, paths, fmt, import_file, write, out_dir, jobs):
    """The reviewer's Word round trip: write output/review/<id>.docx, or --import the answers."""
    config = _config(obj)
    if import_file is not None:
        if paths:
            raise click.UsageError(i18n._("--import takes the .docx only, no leaflets"))
        sys.exit(_review_import(import_file, config, out_dir, write))
    _review_export(paths, config, out_dir or config.output, jobs)


def _review_export(paths, config: Config, out: Path, jobs) -> None:
    from pipeline.facts.topics import AllTopics
    from pipeline.lint.engine import today
    from pipeline.review.export import ReviewContext, review_docx

    chosen = _paths(paths, config)
    leaflets = config.sources / "leaflets"
    # one leaflet of the project is compared with all the others, as in a full run
    context = [leaflets] if paths and leaflets.is_dir() and all(
        p.is_file() and p.resolve().is_relative_to(leaflets.resolve()) for p in chosen) else chosen
    result = orchestrate.run_lint(_paths(tuple(context), config), config, jobs=jobs)
    wanted = {p.resolve() for p in chosen if p.is_file()}
    docs = [d for d in result.corpus.documents if not wanted or Path(d.path).resolve() in wanted]
    every_topic = AllTopics(config)  # each leaflet's facts with its own topic's reference and labels
    ctx = ReviewContext(result.corpus, result.diagnostics, every_topic, every_topic, today())
    for doc in docs:
        target = out / "review" / f"{doc.id}.docx"
        atomic_write(target, review_docx(doc, ctx))
        n = sum(1 for d in result.diagnostics if d.leaflet == doc.id)
        _err(i18n._("leaflint: {path}: {n} finding(s) as comments").format(path=target, n=n))
    _report_problems(result.corpus.problems)


def _review_import(file: Path, config: Config, out_dir: Path | None, write: bool) -> int:
    from pipeline.facts.topics import AllTopics
    from pipeline.lint.engine import today
    from pipeline.review.decisions import apply_decisions, decisions_of
    from pipeline.review.docx_read import ReviewFileError, read_comments

    try:
        reviewed = read_comments(file)
    except ReviewFileError as e:
        raise Failure(f"{file}: {e}") from None
    leaflet = reviewed.leaflet or file.stem
    path = _leaflet_file(reviewed.source, leaflet, config)
    decisions, unclear = decisions_of(reviewed)
    waivers = config.waivers or config.sources / "waivers.yaml"
    fixed_dir = None if write else (out_dir or config.output) / "fixed"
    result = apply_decisions(decisions, leaflet, path, waivers, AllTopics(config), today(), fixed_dir)
    sidecar = path.with_name(path.stem + ".meta.yaml")
    for pin in result.pins:
        _err(i18n._("leaflint: pin {key} (line {line}) in {file}").format(key=pin["key"], line=pin["line"], file=sidecar))
    for w in result.waivers:
        _err(i18n._("leaflint: waiver for {rule} ({reviewer}, until {expires}) in {file}").format(
            rule=w["rule"], reviewer=w["reviewer"], expires=w["expires"], file=waivers))
    if result.fixed is not None and result.fixed.changed:
        _err(i18n._("leaflint: {n} accepted fix(es) in {file}").format(
            n=len(result.fixed.applied), file=path if write else fixed_dir / path.name))
    for problem in unclear + result.problems:
        _err(f"leaflint: {problem}")
    _err(i18n._("leaflint: {n} answer(s) read from {file}").format(n=len(decisions), file=file))
    return ExitCode.FINDINGS if unclear or result.problems else ExitCode.CLEAN


def _leaflet_file(source: str, leaflet: str, config: Config) -> Path:
    """The leaflet a review document belongs to: where it was, else by id in the sources."""
    if source and Path(source).is_file() and Path(source).stem == leaflet:
        return Path(source)
    folder = config.sources / "leaflets"
    found = sorted(p for p in folder.glob(f"{leaflet}.*") if not p.name.endswith(".meta.yaml")) if folder.is_dir() else []
    if not found:
        raise Failure(i18n._("no leaflet '{leaflet}' in {folder} for this review document").format(
            leaflet=leaflet, folder=folder))
    return found[0]


@cli.command()
@click.argument("rule")
def explain(rule):
    """Explain a rule: what it finds, its options, examples that pass and fail, where its docs are."""
    from pipeline.lint.docs import UnknownRule, explain as explain_rule

    try:
        click.echo(explain_rule(rule), nl=False)
    except UnknownRule as e:
        raise Failure(str(e)) from None


@cli.command()
@click.option("--format", "fmt", type=click.Choice(["text", "json", "markdown"]), default="text")
@click.pass_obj
def rules(obj, fmt):
    """List every rule with its default level and summary."""
    from pipeline.lint.rules import examples

    config = _config(obj)
    rows = []
    for rule_id, mod in sorted(all_rules().items()):
        info = rule_info(mod)
        level = config.level_for(rule_id, info.level)
        rows.append({"id": rule_id, "level": level.value if level else "off", "summary": info.summary,
                     "options": info.options, **examples(mod)})
    if fmt == "json":
        click.echo(json.dumps({"rules": rows}, ensure_ascii=False, indent=2))
    elif fmt == "markdown":
        click.echo("| rule | level | what it finds | example that fails |\n|---|---|---|---|")
        for r in rows:
            fail = (r["fail"] or [""])[0].replace("|", "\\|").replace("<", "&lt;")
            click.echo(f"| `{r['id']}` | {r['level']} | {r['summary']} | {fail} |")
    else:
        for r in rows:
            click.echo(f"{r['id']:<32} {r['level']:<8} {r['summary']}")


@cli.command()
@click.pass_obj
def doctor(obj):
    """Check that every external tool works (Frog, enchant nl_NL, pandoc, pdftotext, WeasyPrint, Chromium).

    Exit 1 when a required tool fails; the table shows the command that repairs it.
    """
    from pipeline import doctor as doc

    config = _config(obj)
    rules = registry()
    opts = doc.options_from(config, lambda r: config.level_for(r, rules[r].level))
    findings = doc.examine(opts)
    click.echo(doc.table(findings), nl=False)
    if not doc.healthy(findings):
        _err(i18n._("leaflint: a required tool does not work; run the fix shown above, then `leaflint doctor` again"))
        sys.exit(ExitCode.FINDINGS)
    sys.exit(ExitCode.CLEAN)


_translate_help(cli)


def main() -> None:
    """The command line; every way out leaves through ``_leave``."""
    try:
        _main()
    except SystemExit as e:
        _leave(e.code)


def _leave(code) -> None:
    """Exit with ``code`` once the output is flushed and the atexit handlers ran (kept tables, worker
    pools), without tearing the interpreter down: freeing every module and object of a run costs
    about a tenth of a re-lint's CPU time, and the process ends anyway. With other threads still
    running (the language server's), Python's own exit waits for them."""
    import atexit
    import threading

    if not isinstance(code, int):  # sys.exit(None) or sys.exit("message"), as Python treats them
        if code is not None:
            _err(str(code))
        code = 0 if code is None else 1
    if threading.active_count() > 1 or not hasattr(atexit, "_run_exitfuncs"):
        sys.exit(code)
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe (`leaflint lint | head`) or a closed stream
            pass
    atexit._run_exitfuncs()
    os._exit(code)


def _main() -> None:
    try:
        cli.main(standalone_mode=False, prog_name="leaflint")
    except click.exceptions.Exit as e:
        sys.exit(e.exit_code)
    except click.ClickException as e:
        e.show()
        sys.exit(ExitCode.FAILURE)
    except click.Abort:
        _err(i18n._("leaflint: aborted"))
        sys.exit(ExitCode.FAILURE)
    except (Failure, ConfigError) as e:
        _err(f"leaflint: {e}")
        sys.exit(ExitCode.FAILURE)
    except DataFileError as e:
        _err(f"leaflint: {e}")
        sys.exit(ExitCode.FAILURE)
    except BrokenPipeError:
        sys.exit(ExitCode.CLEAN)
    except OSError as e:  # an output that cannot be written, a folder that cannot be read
        where = f" {e.filename}" if getattr(e, "filename", None) else ""
        _err(i18n._("leaflint: cannot read or write{where}: {cause}").format(where=where, cause=e.strerror or e))
        sys.exit(ExitCode.FAILURE)
    except KeyboardInterrupt:
        _err(i18n._("leaflint: interrupted"))
        sys.exit(130)
    except Exception as e:  # noqa: BLE001 - a tool failure is reported, never a traceback dump
        import traceback
        import os

        if os.environ.get("LEAFLINT_DEBUG"):
            traceback.print_exc()
        _err(i18n._("leaflint: internal error: {error} (set LEAFLINT_DEBUG=1 for the traceback)").format(
            error=f"{type(e).__name__}: {e}"))
        sys.exit(ExitCode.FAILURE)
    sys.exit(ExitCode.CLEAN)
