from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.client.http import TIMEOUT
from kiosk.config import ConfigError, default_config_paths, load_config
from kiosk.storage.database import EngineSettings


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "kiosk.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_defaults_are_demo_mode_in_the_user_data_dir(tmp_path: Path) -> None:
    config = load_config()
    assert config.source is None
    assert config.printer_url == "emulated:" and config.encoder_url == "emulated:"
    assert config.database_url == f"sqlite:///{tmp_path / 'xdg-data' / 'lobby-kiosk' / 'kiosk.db'}"
    assert config.language == "zh_CN"


def test_the_sample_in_resources_is_valid_and_complete() -> None:
    sample = Path(__file__).resolve().parent.parent / "resources" / "kiosk.sample.toml"
    config = load_config(sample)
    assert config.site_name and config.source == sample


def test_file_found_in_user_config_dir() -> None:
    path = default_config_paths()[0]
    path.parent.mkdir(parents=True)
    path.write_text('[site]\nname = "蓝天大厦"\n', encoding="utf-8")
    assert load_config().site_name == "蓝天大厦"


def test_the_debian_packages_config_in_etc_is_found_before_the_xdg_one(tmp_path: Path) -> None:
    user, debian, xdg = default_config_paths()
    assert debian == tmp_path / "etc-lobby-kiosk" / "kiosk.toml"  # /etc/lobby-kiosk, isolated
    assert xdg == tmp_path / "xdg-etc" / "lobby-kiosk" / "kiosk.toml"
    for path, name in ((xdg, "XDG"), (debian, "Debian"), (user, "user")):
        path.parent.mkdir(parents=True)
        path.write_text(f'[site]\nname = "{name}"\n', encoding="utf-8")
        assert load_config().site_name == name  # each one written wins over those before it


def test_environment_overrides_database_url(tmp_path: Path) -> None:
    path = write(tmp_path, '[database]\nurl = "sqlite:///from-file.db"\n')
    config = load_config(path, {"KIOSK_DATABASE_URL": "postgresql+psycopg://k:pw@db.example/kiosk"})
    assert config.database_url == "postgresql+psycopg://k:pw@db.example/kiosk"


@pytest.mark.parametrize(
    ("text", "key", "fragment"),
    [
        ('[site]\nnmae = "x"\n', "site.nmae", "unknown key"),
        ('[sight]\nname = "x"\n', "sight", "unknown section"),
        ('[printer]\nurl = "lpt1"\n', "printer.url", "not a device URL"),
        ('[printer]\nurl = "escpos+tcp://"\n', "printer.url", "needs a host"),
        ('[printer]\nurl = "escpos+usb://0416"\n', "printer.url", "VID:PID"),
        ('[printer]\nurl = "emulated:?width=76"\n', "printer.url", "58 or 80"),
        ('[encoder]\nurl = "acme://x"\n', "encoder.url", "unknown scheme"),
        ('[database]\nurl = "mysql://x/y"\n', "database.url", "not supported"),
        ('[database]\nurl = "postgresql://x/y"\n', "database.url", "psycopg"),
        ('[database]\nurl = "not a url"\n', "database.url", "not a database URL"),
        ('[kiosk]\nlanguage = "fr"\n', "kiosk.language", "must be one of"),
        ("[kiosk]\nbadge_valid_hours = 0\n", "kiosk.badge_valid_hours", "between 1 and 24"),
        ('[kiosk]\nfullscreen = "yes"\n', "kiosk.fullscreen", "true or false"),
        ('[site]\ntimezone = "Mars/Olympus"\n', "site.timezone", "time zone"),
        ("site = 3\n", "site", "must be a table"),
        ("[site\n", "(file)", "not valid TOML"),
        ("[database]\nconnect_timeout_s = 0\n", "database.connect_timeout_s", "between 1 and 60"),
        ('[database]\nstatement_timeout_s = "15s"\n', "database.statement_timeout_s", "whole number"),
        ("[database]\nstatement_timeout_s = 1.5\n", "database.statement_timeout_s", "whole number"),
        ("[database]\npool_size = 0\n", "database.pool_size", "between 1 and 100"),
        ("[database]\nmax_overflow = -1\n", "database.max_overflow", "between 0 and 100"),
        ("[database]\npool_timeout_s = true\n", "database.pool_timeout_s", "whole number"),
        ('[database]\npre_ping = "yes"\n', "database.pre_ping", "true or false"),
        ("[database]\nstatement_timeout = 5\n", "database.statement_timeout", "unknown key"),
    ],
)
def test_bad_settings_name_the_key(tmp_path: Path, text: str, key: str, fragment: str) -> None:
    with pytest.raises(ConfigError) as info:
        load_config(write(tmp_path, text))
    assert info.value.key == key
    assert fragment in str(info.value)
    assert str(tmp_path / "kiosk.toml") in str(info.value)


def test_bad_environment_url_names_the_variable() -> None:
    with pytest.raises(ConfigError) as info:
        load_config(None, {"KIOSK_DATABASE_URL": "oracle://x"})
    assert "KIOSK_DATABASE_URL" in info.value.key


def test_missing_config_file_is_reported(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="does not exist"):
        load_config(tmp_path / "nope.toml")


def test_printer_profile_and_fallback(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        '[printer]\nurl = "escpos+tcp://10.0.0.5"\nfallback_url = "emulated:?width=58"\n'
        'encoding = "gbk"\nchinese_mode = false\ncodepage = 255\n',
    )
    config = load_config(path)
    assert (config.printer_fallback_url, config.printer_encoding) == ("emulated:?width=58", "gbk")
    assert (config.printer_chinese_mode, config.printer_codepage) == (False, 255)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ('[printer]\nfallback_url = "lpt2"\n', "printer.fallback_url"),
        ('[printer]\nencoding = "utf-8"\n', "printer.encoding"),
        ("[printer]\ncodepage = 300\n", "printer.codepage"),
    ],
)
def test_bad_printer_settings_name_the_key(tmp_path: Path, text: str, key: str) -> None:
    with pytest.raises(ConfigError) as info:
        load_config(write(tmp_path, text))
    assert info.value.key == key


# [database] timeouts and pool: key -> (lowest, highest) accepted.
DATABASE_LIMITS = {
    "connect_timeout_s": (1, 60),
    "statement_timeout_s": (1, 300),
    "pool_size": (1, 100),
    "max_overflow": (0, 100),
    "pool_timeout_s": (1, 60),
}


def test_database_timeouts_and_pool_have_safe_defaults() -> None:
    """Every wait under the station's own 10 s for an answer; 4 servers' pools within
    PostgreSQL's default 100 connections; pooled connections tested before use."""
    settings = load_config().database_settings
    assert settings == EngineSettings()
    assert (settings.connect_timeout_s, settings.statement_timeout_s, settings.pool_timeout_s) == (5, 5, 5)
    assert 4 * (settings.pool_size + settings.max_overflow) <= 100 - 3  # 3: superuser_reserved_connections
    assert settings.pre_ping
    assert max(settings.connect_timeout_s, settings.statement_timeout_s, settings.pool_timeout_s) < (
        TIMEOUT.read or 0
    )


def test_the_sample_documents_every_database_key_at_its_default() -> None:
    sample = Path(__file__).resolve().parent.parent / "resources" / "kiosk.sample.toml"
    with sample.open("rb") as fh:
        documented = tomllib.load(fh)["database"]
    assert set(documented) == set(DATABASE_LIMITS) | {"pre_ping"}
    defaults = EngineSettings()
    assert all(documented[key] == getattr(defaults, key) for key in documented)


def test_database_settings_are_read(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "[database]\nconnect_timeout_s = 2\nstatement_timeout_s = 30\npool_size = 3\n"
        "max_overflow = 0\npool_timeout_s = 9\npre_ping = false\n",
    )
    assert load_config(path).database_settings == EngineSettings(
        connect_timeout_s=2,
        statement_timeout_s=30,
        pool_size=3,
        max_overflow=0,
        pool_timeout_s=9,
        pre_ping=False,
    )


@settings(max_examples=80, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(key=st.sampled_from(sorted(DATABASE_LIMITS)), value=st.integers(-(10**6), 10**6))
def test_a_database_number_is_taken_within_its_range_and_refused_outside_it(
    tmp_path: Path, key: str, value: int
) -> None:
    path = write(tmp_path, f"[database]\n{key} = {value}\n")
    low, high = DATABASE_LIMITS[key]
    if low <= value <= high:
        assert getattr(load_config(path).database_settings, key) == value
        return
    with pytest.raises(ConfigError) as info:
        load_config(path)
    assert info.value.key == f"database.{key}"
    assert f"between {low} and {high}" in str(info.value)


def test_retention_defaults_are_documented_in_the_sample_and_read(tmp_path: Path) -> None:
    from kiosk.domain.retention import RetentionPolicy

    sample = Path(__file__).resolve().parent.parent / "resources" / "kiosk.sample.toml"
    documented = tomllib.loads(sample.read_text(encoding="utf-8"))["retention"]
    defaults = RetentionPolicy()
    keys = defaults.day_keys()
    assert {k: documented[k] for k in keys} == {k: getattr(defaults, k) for k in keys}
    assert load_config().retention == defaults
    text = '[retention]\nvisits_days = 90\nid_seals_days = 7\npurge_at = "01:30"\n'
    config = load_config(write(tmp_path, text))
    assert (config.retention.visits_days, config.retention.id_seals_days) == (90, 7)
    assert config.retention.purge_at.hour == 1


@pytest.mark.parametrize(
    ("text", "key", "fragment"),
    [
        ("[retention]\nvisits_days = 0\n", "retention.visits_days", "between 1 and 10950"),
        ('[retention]\npayments_days = "3y"\n', "retention.payments_days", "whole number"),
        ('[retention]\npurge_at = "3am"\n', "retention.purge_at", "time of day"),
        ("[retention]\nforever = true\n", "retention.forever", "unknown key"),
        # A seal or a printed badge outliving its visit would keep the visitor's data after the
        # visit was purged.
        (
            "[retention]\nvisits_days = 20\nid_seals_days = 10\n",
            "retention.print_jobs_days",
            "longer than visits_days (20)",
        ),
        ("[retention]\nid_seals_days = 200\n", "retention.id_seals_days", "longer than visits_days (180)"),
    ],
)
def test_bad_retention_settings_name_the_key(tmp_path: Path, text: str, key: str, fragment: str) -> None:
    with pytest.raises(ConfigError) as info:
        load_config(write(tmp_path, text))
    assert info.value.key == key and fragment in str(info.value)


def test_the_log_folder_is_the_platforms_unless_the_file_or_the_environment_names_one(tmp_path: Path) -> None:
    assert load_config().log_dir == tmp_path / "xdg-state" / "lobby-kiosk" / "log"
    path = write(tmp_path, '[log]\ndir = "/var/log/lobby-kiosk"\n')
    assert load_config(path, {}).log_dir == Path("/var/log/lobby-kiosk")
    assert load_config(path, {"KIOSK_LOG_DIR": "/srv/logs"}).log_dir == Path("/srv/logs")
    home = write(tmp_path, '[log]\ndir = "~/kiosk-logs"\n')
    assert load_config(home, {}).log_dir == Path.home() / "kiosk-logs"


# Relative once stripped, as the program reads it ("\r/" is the folder "/").
@given(st.text(min_size=1).filter(lambda t: t.strip() and not t.strip().startswith(("/", "~"))))
@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_a_relative_log_folder_is_refused_by_name(tmp_path: Path, folder: str) -> None:
    with pytest.raises(ConfigError) as info:
        load_config(None, {"KIOSK_LOG_DIR": folder})
    assert info.value.key == "KIOSK_LOG_DIR (environment)" and "not an absolute folder" in str(info.value)
    path = write(tmp_path, f"[log]\ndir = {_toml_string(folder)}\n")
    with pytest.raises(ConfigError) as info:
        load_config(path, {})
    assert info.value.key == "log.dir" and "not an absolute folder" in str(info.value)


def _toml_string(text: str) -> str:
    """``text`` as a TOML basic string: quotes, backslashes and control characters escaped."""
    escaped = "".join(
        f"\\u{ord(ch):04x}" if ch in '"\\' or ord(ch) < 0x20 or ord(ch) == 0x7F else ch for ch in text
    )
    return f'"{escaped}"'
