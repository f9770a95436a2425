"""The deploy files agree with each other and with the code (issue 11, point 9)."""

from __future__ import annotations

import fnmatch
import os
import re
import shlex
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
import yaml
from packaging.requirements import Requirement
from packaging.version import Version

from tests.conftest import CONTENT, ROOT

DEPLOY = ROOT / "deploy"


def _unit() -> dict[str, list[str]]:
    """The systemd unit as key -> values (systemd allows a key more than once)."""
    values: dict[str, list[str]] = {}
    for line in (DEPLOY / "pilates-bot.service").read_text().splitlines():
        if "=" in line and not line.startswith(("#", "[")):
            key, _, value = line.partition("=")
            values.setdefault(key.strip(), []).append(value.strip())
    return values


def _seconds(value: str) -> int:
    match = re.fullmatch(r"(\d+)\s*(s|sec)?", value.strip())
    assert match, value
    return int(match.group(1))


def _locked() -> dict[str, tuple[Version, list[str]]]:
    """requirements.lock: name -> (pinned version, hashes)."""
    text = (ROOT / "requirements.lock").read_text().replace("\\\n", " ")
    pins: dict[str, tuple[Version, list[str]]] = {}
    for line in text.splitlines():
        if "==" in line and not line.lstrip().startswith("#"):
            name, _, rest = line.partition("==")
            version, *options = rest.split()
            hashes = [o.removeprefix("--hash=") for o in options if o.startswith("--hash=")]
            pins[name.strip().lower().replace("_", "-")] = (Version(version), hashes)
    return pins


def _runtime_requirements() -> list[Requirement]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    return [Requirement(spec) for spec in project["dependencies"]]


def test_compose_stop_grace_matches_the_units_stop_timeout() -> None:
    compose = yaml.safe_load((DEPLOY / "compose.yaml").read_text())
    grace = compose["services"]["bot"]["stop_grace_period"]
    assert _seconds(grace) == _seconds(_unit()["TimeoutStopSec"][0]) == 30


def test_several_workers_share_one_postgres_store_behind_the_tls_proxy() -> None:
    from bot.faces.cli import build_parser
    from bot.faces.settings import Settings
    from bot.store.postgres import is_postgres_url

    compose = yaml.safe_load((DEPLOY / "compose.workers.yaml").read_text())
    services = compose["services"]
    workers = {name: s for name, s in services.items() if name.startswith("worker")}
    assert len(workers) >= 2
    caddyfile = (DEPLOY / "Caddyfile.workers").read_text()
    for name, worker in workers.items():
        assert "ports" not in worker, "only the proxy is published"
        assert f"{name}:8443" in caddyfile, f"the proxy must send posts to {name}"
        assert is_postgres_url(worker["environment"]["PILATES_BOT_DB"])
        assert "@postgres:5432/" in worker["environment"]["PILATES_BOT_DB"]
        assert _seconds(worker["stop_grace_period"]) == _seconds(_unit()["TimeoutStopSec"][0])
        args = build_parser().parse_args(worker["command"])  # flags the bot knows
        settings = Settings.from_sources(args, environ={})
        assert settings.webhook_url is not None and settings.webhook_url.startswith("https://")
        assert (settings.listen, settings.port) == ("0.0.0.0", 8443)
        assert "/telegram" in caddyfile and settings.webhook_url.endswith("/telegram")
    assert set(services["proxy"]["ports"]) == {"80:80", "443:443"}  # TLS ends at the proxy
    assert "postgres" in services and "ports" not in services["postgres"]


def test_the_unit_documents_its_user_and_writes_only_its_state_directory() -> None:
    unit = _unit()
    text = (DEPLOY / "pilates-bot.service").read_text()
    user = unit["User"][0]
    assert re.search(rf"useradd .*\b{user}\b", text), "the unit must say how to create its user"
    assert unit["ProtectSystem"] == ["strict"]
    state = unit["StateDirectory"][0]
    # The database path comes from a flag (flags win over the EnvironmentFile) under the state
    # directory, the one place ProtectSystem=strict lets the service write.
    command = shlex.split(unit["ExecStart"][0])
    db = command[command.index("--db") + 1]
    assert db.startswith("${STATE_DIRECTORY}/"), db
    assert f"/var/lib/{state}" in text
    assert "Environment" not in unit or not any("PILATES_BOT_DB" in v for v in unit["Environment"])


def test_env_example_sets_no_path_that_breaks_either_deploy() -> None:
    settings = {}
    for line in (DEPLOY / ".env.example").read_text().splitlines():
        if "=" in line and not line.startswith("#"):
            key, _, value = line.partition("=")
            settings[key] = value
    assert set(settings) == {"TELEGRAM_BOT_TOKEN"}  # the rest are commented out
    assert settings["TELEGRAM_BOT_TOKEN"] == ""  # never a real token in the repository


def test_dockerfile_installs_the_lock_with_hashes_and_sqlite3() -> None:
    dockerfile = (DEPLOY / "Dockerfile").read_text()
    assert "COPY requirements.lock" in dockerfile
    assert "--require-hashes -r requirements.lock" in dockerfile
    assert "--no-deps ." in dockerfile  # the bot itself adds nothing unpinned
    assert re.search(r"apt-get install [^\n]*\bsqlite3\b", dockerfile)
    readme = (ROOT / "README.md").read_text()
    assert "sqlite3 /data/pilates-bot.sqlite3" in readme  # the backup command the image serves


def test_the_lock_pins_every_runtime_dependency_within_its_floor_with_hashes() -> None:
    locked = _locked()
    for requirement in _runtime_requirements():
        name = requirement.name.lower().replace("_", "-")
        assert name in locked, f"{name} is not in requirements.lock: run make lock"
        version, hashes = locked[name]
        assert requirement.specifier.contains(version), f"{name}=={version} {requirement}"
        assert hashes, name
    for name, (_, hashes) in locked.items():
        assert hashes, f"{name} has no hash"


def test_floors_exclude_versions_with_known_advisories() -> None:
    floors = {
        r.name.lower(): min(
            (Version(s.version) for s in r.specifier if s.operator == ">="), default=None
        )
        for r in _runtime_requirements()
    }
    assert floors["aiohttp"] is not None and floors["aiohttp"] >= Version("3.14.1")
    assert floors["pyyaml"] is not None and floors["pyyaml"] >= Version("5.4")  # CVE-2020-14343
    assert floors["babel"] is not None and floors["babel"] >= Version("2.9.1")  # CVE-2021-42771
    assert floors["markdown-it-py"] is not None and floors["markdown-it-py"] >= Version("2.2")
    locked = _locked()
    assert locked["h11"][0] >= Version("0.16.0")  # CVE-2025-43859, under httpx
    assert locked["idna"][0] >= Version("3.7")  # CVE-2024-3651


def _ignored(patterns: list[str], path: str) -> bool:
    """Docker's rule: the last pattern that matches decides; `!` re-includes."""
    ignored = False
    for pattern in patterns:
        negate = pattern.startswith("!")
        pattern = pattern.removeprefix("!").rstrip("/")
        parts = path.split("/")
        candidates = ["/".join(parts[: i + 1]) for i in range(len(parts))]
        if pattern.startswith("**/"):
            candidates += [p for p in parts]  # a name at any depth
            pattern = pattern.removeprefix("**/")
        if any(fnmatch.fnmatchcase(candidate, pattern) for candidate in candidates):
            ignored = not negate
    return ignored


@pytest.mark.parametrize("name", ["deploy/Dockerfile.dockerignore", ".dockerignore"])
def test_the_build_context_leaves_out_venv_git_caches_data_and_secrets(name: str) -> None:
    patterns = [
        line.strip()
        for line in (ROOT / name).read_text().splitlines()
        if line.strip() and not line.startswith("#")
    ]
    for path in (
        ".venv/bin/python",
        ".git/HEAD",
        ".mypy_cache/x",
        ".pytest_cache/x",
        "bot/__pycache__/cli.cpython-311.pyc",
        "data/pilates-bot.sqlite3",
        "deploy/.env",
        "tests/test_deploy.py",
        "bench/run.py",
    ):
        assert _ignored(patterns, path), path
    copied = re.findall(
        r"^COPY (?!--from)(?:--\S+ )?(.+?) \S+$", (DEPLOY / "Dockerfile").read_text(), re.M
    )
    for sources in copied:
        for source in sources.split():
            assert not _ignored(patterns, f"{source}/x" if (ROOT / source).is_dir() else source), (
                source
            )


def _healthcheck() -> str:
    dockerfile = (DEPLOY / "Dockerfile").read_text().replace("\\\n", " ")
    match = re.search(r"^HEALTHCHECK .*? CMD (.+)$", dockerfile, re.M)
    assert match
    return match.group(1)


@pytest.mark.parametrize("content", ["bundled", "empty", "missing"])
def test_the_health_check_fails_without_exercises(content: str, tmp_path: Path) -> None:
    folder = {"bundled": CONTENT, "empty": tmp_path / "empty", "missing": tmp_path / "nope"}[
        content
    ]
    (tmp_path / "empty").mkdir()
    bin_dir = str(Path(sys.executable).parent)
    env = {
        **os.environ,
        "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}",
        "PILATES_BOT_CONTENT": str(folder),
        "PILATES_BOT_DB": str(tmp_path / "pilates-bot.sqlite3"),
    }
    result = subprocess.run(["sh", "-c", _healthcheck()], env=env, cwd=tmp_path, timeout=120)
    assert (result.returncode == 0) is (content == "bundled")
