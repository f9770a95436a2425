"""The report as plain text: for the terminal, and (its head) as the /report summary."""

from __future__ import annotations

from bot.faces.report.model import KINDS, Page, Report

INDENT = "    "


def _page(page: Page | None) -> str:
    return f"{page.id} ({page.path})" if page is not None else "no page matches: a new page?"


def summary(report: Report) -> str:
    """A few lines: the totals and the most asked unanswered questions."""
    t = report.totals
    kinds = ", ".join(f"{t[k]} {k}" for k in KINDS)
    lines = [
        f"Answers {report.period}",
        f"{t['answers']} answers ({kinds}); {t['people']} people a day on average",
        f"Unanswered: {t['unanswered']} · helpful: {t['helpful']} · not helpful: "
        f"{t['not_helpful']} ({t['notes']} notes) · suggestions picked: {t['suggestions_chosen']}",
    ]
    if report.unanswered:
        lines.append("Most asked without an answer:")
        for group in report.unanswered[:5]:
            lines.append(f"  {group.count}x [{group.lang}] {group.messages[0][0]}")
    return "\n".join(lines)


def render_text(report: Report) -> str:
    lines = [summary(report), ""]
    lines.append("UNANSWERED QUESTIONS, most asked first")
    if not report.unanswered:
        lines.append("  none (or no message text kept for the period)")
    for group in report.unanswered:
        more = len(group.messages) - 1
        lines.append(f"  {group.count}x [{group.lang}] {group.messages[0][0]}")
        for text, count in group.messages[1:6]:
            lines.append(f"{INDENT}also: {text}" + (f" ({count}x)" if count > 1 else ""))
        if more > 5:
            lines.append(f"{INDENT}and {more - 5} more phrasing(s)")
        lines.append(f"{INDENT}page: {_page(group.page)} (score {group.page_score})")
        lines.append(f"{INDENT}FAQ stub, under `faq:`:")
        lines.extend(INDENT + line for line in group.faq_stub.splitlines())
    lines += ["", "PHRASINGS LEARNED FROM SUGGESTIONS PICKED (proposed as keywords)"]
    if not report.phrasings:
        lines.append("  none")
    for learned in report.phrasings:
        said = ", ".join(f'"{t}" x{n}' for t, n in learned.phrasings[:8])
        lines.append(f"  {_page(learned.page)}: {said}")
        if learned.keywords_stub:
            lines.append(f"{INDENT}under `keywords:`:")
            lines.extend(INDENT + line for line in learned.keywords_stub.splitlines())
    lines += ["", "MOST DOWN-VOTED ANSWERS"]
    if not report.down_voted:
        lines.append("  none")
    for voted in report.down_voted:
        what = f"{voted.kind} {_page(voted.page)}" + (f" · {voted.detail}" if voted.detail else "")
        lines.append(f"  👎 {voted.down} 👍 {voted.up}  {what}")
        lines.extend(f"{INDENT}asked: {m}" for m in voted.messages[:5])
        lines.extend(f"{INDENT}missing: {n}" for n in voted.notes[:5])
    lines += ["", "DEMAND PER PAGE"]
    lines.extend(f"  {count:6d}  {page.id}" for page, count in report.pages[:20])
    lines += ["", "PER LANGUAGE"]
    for lang, kinds in report.languages.items():
        detail = ", ".join(f"{kinds[k]} {k}" for k in KINDS)
        lines.append(f"  {lang}: {sum(kinds.values())} ({detail})")
    lines += ["", "ANSWERS BY KIND PER DAY", "  day         " + " ".join(f"{k:>11}" for k in KINDS)]
    for day, kinds in report.days:
        lines.append(f"  {day}  " + " ".join(f"{kinds[k]:>11}" for k in KINDS))
    return "\n".join(lines) + "\n"
