"""The report as one self-contained HTML file: inline CSS, charts drawn here as inline SVG, no
script and nothing fetched, so it opens anywhere (a mail attachment, a Telegram document).

Every piece of text (users' messages above all) goes through `html.escape`.
"""

from __future__ import annotations

from html import escape

from bot.faces.report.model import KINDS, DownVoted, Page, Report, Unanswered

COLOURS = {
    "exercise": "#2b8a3e",
    "faq": "#1971c2",
    "random": "#9c36b5",
    "session": "#0c8599",
    "suggestions": "#f08c00",
    "none": "#c92a2a",
}
STYLE = """
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#212529;
background:#f8f9fa}
main{max-width:980px;margin:0 auto;padding:24px}
h1{font-size:24px;margin:0 0 4px}
h2{font-size:19px;margin:32px 0 8px;border-bottom:1px solid #dee2e6;padding-bottom:4px}
.period{color:#495057;margin:0 0 16px}
.cards{display:flex;flex-wrap:wrap;gap:10px}
.card{background:#fff;border:1px solid #dee2e6;border-radius:8px;padding:10px 14px;min-width:110px}
.card b{display:block;font-size:22px}.card span{color:#495057;font-size:13px}
table{border-collapse:collapse;width:100%;background:#fff}
th,td{text-align:left;vertical-align:top;padding:6px 8px;border-bottom:1px solid #e9ecef}
th{font-size:13px;color:#495057}
pre{background:#f1f3f5;padding:8px;border-radius:6px;margin:4px 0;font-size:13px;
white-space:pre-wrap;overflow-wrap:anywhere}
table{table-layout:fixed}td{overflow-wrap:anywhere}
th.n{width:56px}th.q{width:34%}th.p{width:24%}
.muted{color:#868e96}.lang{font-size:12px;background:#e9ecef;border-radius:4px;padding:1px 5px}
details summary{cursor:pointer;color:#1971c2}
svg text{font:12px system-ui,sans-serif;fill:#343a40}
.legend span{display:inline-block;margin-right:14px;font-size:13px}
.legend i{display:inline-block;width:11px;height:11px;margin-right:4px;border-radius:2px}
"""


def _e(text: object) -> str:
    return escape(str(text), quote=True)


def _page(page: Page | None) -> str:
    if page is None:
        return '<span class="muted">no page matches: a new page?</span>'
    return f"<b>{_e(page.title)}</b><br><code>{_e(page.path)}</code>"


def _size(width: int, height: int) -> str:
    """Drawn at `width` x `height`, shrunk with the window (a phone) but never grown."""
    return (
        f'width="100%" viewBox="0 0 {width} {height}" style="max-width:{width}px" '
        'xmlns="http://www.w3.org/2000/svg"'
    )


def legend() -> str:
    items = "".join(f'<span><i style="background:{COLOURS[k]}"></i>{k}</span>' for k in KINDS)
    return f'<p class="legend">{items}</p>'


def days_chart(report: Report, width: int = 900, height: int = 240) -> str:
    """Answers per day, stacked by kind."""
    days = report.days
    if not days:
        return '<p class="muted">no days in the period</p>'
    top = max((sum(kinds.values()) for _, kinds in days), default=0) or 1
    left, bottom, plot_h = 40, 30, height - 40
    step = (width - left - 10) / len(days)
    bar = max(2.0, step * 0.7)
    parts = [
        f'<svg role="img" aria-label="answers per day by kind" {_size(width, height)}>',
        f'<line x1="{left}" y1="{height - bottom}" x2="{width - 10}" y2="{height - bottom}" '
        'stroke="#adb5bd"/>',
        f'<text x="4" y="14">{top}</text><text x="4" y="{height - bottom}">0</text>',
    ]
    for n, (day, kinds) in enumerate(days):
        x = left + n * step + (step - bar) / 2
        y = float(height - bottom)
        for kind in KINDS:
            h = kinds[kind] / top * plot_h
            if h > 0:
                y -= h
                parts.append(
                    f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar:.1f}" height="{h:.1f}" '
                    f'fill="{COLOURS[kind]}"><title>{_e(day)}: {kinds[kind]} {kind}</title></rect>'
                )
        if len(days) <= 31 and (len(days) <= 14 or n % 2 == 0):
            parts.append(
                f'<text x="{x + bar / 2:.1f}" y="{height - 10}" text-anchor="middle">'
                f"{_e(day[5:])}</text>"
            )
    parts.append("</svg>")
    return "".join(parts)


def bars(rows: list[tuple[str, dict[str, int]]], width: int = 900, label_w: int = 220) -> str:
    """Horizontal bars, one per row, stacked by kind where a row has several."""
    if not rows:
        return '<p class="muted">nothing asked in the period</p>'
    top = max(sum(v.values()) for _, v in rows) or 1
    row_h = 22
    height = row_h * len(rows) + 6
    parts = [f'<svg role="img" {_size(width, height)}>']
    for n, (label, values) in enumerate(rows):
        y = n * row_h + 3
        shown = label if len(label) <= 32 else label[:31] + "…"
        parts.append(f'<text x="0" y="{y + 14}">{_e(shown)}</text>')
        x = float(label_w)
        for kind, value in values.items():
            w = value / top * (width - label_w - 50)
            if w > 0:
                colour = COLOURS.get(kind, "#1971c2")
                parts.append(
                    f'<rect x="{x:.1f}" y="{y}" width="{w:.1f}" height="16" fill="{colour}">'
                    f"<title>{_e(label)}: {value} {_e(kind)}</title></rect>"
                )
                x += w
        parts.append(f'<text x="{x + 6:.1f}" y="{y + 14}">{sum(values.values())}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _unanswered(groups: tuple[Unanswered, ...]) -> str:
    if not groups:
        return '<p class="muted">None, or no message text kept for the period.</p>'
    rows = []
    for group in groups:
        first, *others = group.messages
        also = "".join(
            f"<li>{_e(text)}" + (f' <span class="muted">x{count}</span>' if count > 1 else "")
            for text, count in others
        )
        more = (
            f"<details><summary>{len(others)} more phrasing(s)</summary><ul>{also}</ul></details>"
            if others
            else ""
        )
        rows.append(
            f"<tr><td><b>{group.count}</b></td>"
            f'<td><span class="lang">{_e(group.lang)}</span> {_e(first[0])}{more}</td>'
            f"<td>{_page(group.page)}<br><span class=muted>score {group.page_score}</span></td>"
            f"<td><pre>{_e(group.faq_stub)}</pre></td></tr>"
        )
    head = (
        '<tr><th class="n">asked</th><th class="q">question</th><th class="p">likely page</th>'
        "<th>FAQ stub</th></tr>"
    )
    return f"<table>{head}{''.join(rows)}</table>"


def _down_voted(voted: tuple[DownVoted, ...]) -> str:
    if not voted:
        return '<p class="muted">No answer was voted down in the period.</p>'
    rows = []
    for item in voted:
        asked = "".join(f"<li>{_e(m)}" for m in item.messages[:10])
        notes = "".join(f"<li>{_e(n)}" for n in item.notes[:10])
        rows.append(
            f"<tr><td>{item.down} down<br>{item.up} up</td><td>{_e(item.kind)}</td>"
            f"<td>{_page(item.page)}<br>{_e(item.detail or '')}</td>"
            f"<td>{'<b>asked</b><ul>' + asked + '</ul>' if asked else ''}"
            f"{'<b>missing</b><ul>' + notes + '</ul>' if notes else ''}</td></tr>"
        )
    head = (
        '<tr><th class="n">votes</th><th class="n">kind</th><th class="p">answer</th>'
        "<th>messages and notes</th></tr>"
    )
    return f"<table>{head}{''.join(rows)}</table>"


def render_html(report: Report) -> str:
    t = report.totals
    cards = "".join(
        f'<div class="card"><b>{t[key]}</b><span>{_e(label)}</span></div>'
        for key, label in (
            ("answers", "answers"),
            ("people", "people a day"),
            ("unanswered", "unanswered"),
            ("helpful", "helpful"),
            ("not_helpful", "not helpful"),
            ("notes", "notes"),
            ("suggestions_chosen", "suggestions picked"),
        )
    )
    learned = "".join(
        f"<tr><td>{_page(p.page)}</td><td>"
        + ", ".join(f"{_e(text)} <span class=muted>x{n}</span>" for text, n in p.phrasings[:10])
        + f"</td><td><pre>{_e(p.keywords_stub) or '(all known)'}</pre></td></tr>"
        for p in report.phrasings
    )
    phrasings = (
        f"<table><tr><th>page</th><th>how people named it</th><th>under keywords:</th></tr>"
        f"{learned}</table>"
        if learned
        else '<p class="muted">No suggestion was picked in the period.</p>'
    )
    pages = [(p.title, {"asked": n}) for p, n in report.pages[:20]]
    languages = [(lang, kinds) for lang, kinds in report.languages.items()]
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>What people asked · Pilates bot report</title>
<style>{STYLE}</style></head>
<body><main>
<h1>What people asked</h1>
<p class="period">{_e(report.period)}</p>
<div class="cards">{cards}</div>
<h2>Answers by kind over time</h2>
{legend()}
{days_chart(report)}
<h2>Unanswered questions, most asked first</h2>
{_unanswered(report.unanswered)}
<h2>Phrasings learned from suggestions picked</h2>
{phrasings}
<h2>Most down-voted answers</h2>
{_down_voted(report.down_voted)}
<h2>Demand per page</h2>
{bars(pages)}
<h2>Demand per language</h2>
{legend()}
{bars(languages)}
</main></body></html>
"""
