"""Production settings: refuse to start without SECRET_KEY, and pass Django's deploy checks."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run_manage(*args, **env_overrides):
    env = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DEBUG", "TESTING"}}
    env.update(DJANGO_SETTINGS_MODULE="meidanhame.settings", **env_overrides)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_mode_without_secret_key_names_the_variable():
    result = run_manage("check", DEBUG="0", TESTING="0")
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr
    assert "ImproperlyConfigured" in result.stderr


def test_production_settings_pass_the_deploy_checks():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DEBUG="0",
        TESTING="0",
        SECRET_KEY="x" * 20 + "-a-long-random-production-secret-for-the-check-" + "y" * 20,
        ALLOWED_HOSTS="meidanhame.fi",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout
