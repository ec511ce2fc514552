"""The credential codec: both forms round-trip; edits, copies and foreign keys are refused; fuzzed."""

from __future__ import annotations

import contextlib
from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.domain.credential import (
    CHIP_BYTES,
    COMPACT_BYTES,
    EPOCH,
    FACTORY_KEY,
    MAX_CARD_NUMBER,
    MAX_SITE_ID,
    CardKind,
    Credential,
    CredentialError,
    decode_chip,
    decode_compact,
    diversify_keys,
    encode_chip,
    encode_compact,
)

KEY = bytes(range(32))
OTHER_KEY = bytes(range(1, 33))
UID = bytes.fromhex("DEADBEEF")
START = datetime(2025, 3, 1, 8, 30, tzinfo=UTC)


def visitor(**changes: object) -> Credential:
    values: dict[str, object] = {
        "kind": CardKind.VISITOR,
        "card_number": 123_456,
        "site_id": 42,
        "valid_from": START,
        "valid_until": START + timedelta(hours=10),
    }
    values.update(changes)
    return Credential(**values)  # type: ignore[arg-type]


def reason(exc: pytest.ExceptionInfo[CredentialError]) -> str:
    return exc.value.reason


def test_chip_form_round_trips_in_two_blocks() -> None:
    cred = visitor()
    payload = encode_chip(cred, UID, KEY)
    assert len(payload) == CHIP_BYTES == 32
    assert payload[0] == 0x12  # version 1, visitor
    assert decode_chip(payload, UID, KEY) == cred


def test_compact_form_round_trips_in_fifteen_bytes() -> None:
    cred = visitor(kind=CardKind.MACHINE_ROOM, valid_until=START + timedelta(days=365))
    payload = encode_compact(cred, KEY)
    assert len(payload) == COMPACT_BYTES == 15
    assert decode_compact(payload, KEY) == cred


def test_times_in_another_zone_are_the_same_instants() -> None:
    beijing = timezone(timedelta(hours=8))
    cred = visitor(
        valid_from=START.astimezone(beijing), valid_until=(START + timedelta(hours=2)).astimezone(beijing)
    )
    decoded = decode_chip(encode_chip(cred, UID, KEY), UID, KEY)
    assert decoded == cred and decoded.valid_from.tzinfo is UTC


@pytest.mark.parametrize("offset", range(32))
def test_every_edited_byte_of_the_chip_form_is_refused(offset: int) -> None:
    payload = bytearray(encode_chip(visitor(), UID, KEY))
    payload[offset] ^= 0x01
    with pytest.raises(CredentialError) as exc:
        decode_chip(bytes(payload), UID, KEY)
    # Flipping the version nibble's low bit changes the version; everything else breaks the MAC.
    assert reason(exc) in ("signature", "version")


@pytest.mark.parametrize("offset", range(15))
def test_every_edited_byte_of_the_compact_form_is_refused(offset: int) -> None:
    payload = bytearray(encode_compact(visitor(), KEY))
    payload[offset] ^= 0x80
    with pytest.raises(CredentialError) as exc:
        decode_compact(bytes(payload), KEY)
    assert reason(exc) in ("signature", "version")


def test_a_payload_copied_to_another_card_is_refused() -> None:
    payload = encode_chip(visitor(), UID, KEY)
    with pytest.raises(CredentialError) as exc:
        decode_chip(payload, bytes.fromhex("DEADBEEE"), KEY)
    assert reason(exc) == "signature"
    # A 7-byte UID that ends like the original is still another card.
    with pytest.raises(CredentialError):
        decode_chip(payload, bytes.fromhex("000000") + UID, KEY)


def test_another_sites_key_is_refused() -> None:
    with pytest.raises(CredentialError) as exc:
        decode_chip(encode_chip(visitor(), UID, OTHER_KEY), UID, KEY)
    assert reason(exc) == "signature"
    with pytest.raises(CredentialError) as exc:
        decode_compact(encode_compact(visitor(), OTHER_KEY), KEY)
    assert reason(exc) == "signature"


def test_extending_validity_on_the_card_breaks_the_mac() -> None:
    payload = bytearray(encode_chip(visitor(), UID, KEY))
    until = int.from_bytes(payload[11:15], "big") + 60 * 24 * 30
    payload[11:15] = until.to_bytes(4, "big")
    with pytest.raises(CredentialError, match="signature"):
        decode_chip(bytes(payload), UID, KEY)


def test_wrong_lengths_versions_and_uids() -> None:
    good = encode_chip(visitor(), UID, KEY)
    with pytest.raises(CredentialError, match="length"):
        decode_chip(good[:-1], UID, KEY)
    with pytest.raises(CredentialError, match="version"):
        decode_chip(bytes([0x22]) + good[1:], UID, KEY)
    with pytest.raises(CredentialError, match="uid"):
        decode_chip(good, b"\x01\x02\x03", KEY)
    with pytest.raises(CredentialError, match="length"):
        decode_compact(b"\x00" * 14, KEY)


def test_short_site_keys_are_a_programming_error() -> None:
    with pytest.raises(ValueError, match="at least 16 bytes"):
        encode_chip(visitor(), UID, b"short")


@pytest.mark.parametrize(
    "changes",
    [
        {"card_number": MAX_CARD_NUMBER + 1},
        {"card_number": -1},
        {"site_id": MAX_SITE_ID + 1},
        {"valid_until": START},
        {"valid_from": EPOCH - timedelta(minutes=1)},
        {"valid_from": START.replace(second=30)},
        {"valid_from": START.replace(tzinfo=None)},
        {"kind": 2},
    ],
)
def test_credentials_out_of_range_are_refused(changes: dict[str, object]) -> None:
    with pytest.raises(CredentialError, match="fields"):
        visitor(**changes)


def test_what_the_compact_form_cannot_hold_is_said() -> None:
    with pytest.raises(CredentialError, match="does_not_fit"):
        encode_compact(visitor(valid_until=START + timedelta(days=800)), KEY)
    late = datetime(2084, 1, 1, tzinfo=UTC)
    with pytest.raises(CredentialError, match="does_not_fit"):
        encode_compact(visitor(valid_from=late, valid_until=late + timedelta(hours=1)), KEY)
    # The chip form holds both.
    cred = visitor(valid_until=START + timedelta(days=800))
    assert decode_chip(encode_chip(cred, UID, KEY), UID, KEY) == cred


def test_validity_window() -> None:
    cred = visitor()
    cred.check_valid_at(START)
    with pytest.raises(CredentialError, match="not_yet_valid"):
        cred.check_valid_at(START - timedelta(minutes=1))
    with pytest.raises(CredentialError, match="expired"):
        cred.check_valid_at(cred.valid_until)


def test_diversified_keys_differ_per_card_and_are_never_the_factory_key() -> None:
    key_a, key_b = diversify_keys(KEY, UID)
    assert len(key_a) == len(key_b) == 6
    assert key_a != key_b and FACTORY_KEY not in (key_a, key_b)
    assert diversify_keys(KEY, UID) == (key_a, key_b)  # deterministic
    assert diversify_keys(KEY, bytes.fromhex("DEADBEEE")) != (key_a, key_b)
    assert diversify_keys(OTHER_KEY, UID) != (key_a, key_b)


# -- fuzzing: nothing but CredentialError comes out of a decoder ------------------------------


@given(st.binary(max_size=64), st.sampled_from([UID, bytes(7), bytes(10), b"", b"\x01"]))
def test_fuzz_chip_decoder_raises_only_its_own_error(payload: bytes, uid: bytes) -> None:
    with contextlib.suppress(CredentialError):
        decode_chip(payload, uid, KEY)


@given(st.binary(min_size=32, max_size=32).map(lambda b: bytes([0x10 | b[0] & 0x0F]) + b[1:]))
def test_fuzz_chip_payloads_with_our_version_fail_the_mac(payload: bytes) -> None:
    with pytest.raises(CredentialError, match="signature"):
        decode_chip(payload, UID, KEY)


@given(st.binary(max_size=32))
def test_fuzz_compact_decoder_raises_only_its_own_error(payload: bytes) -> None:
    with contextlib.suppress(CredentialError):
        decode_compact(payload, KEY)


@given(
    st.sampled_from(list(CardKind)),
    st.integers(0, MAX_CARD_NUMBER),
    st.integers(0, MAX_SITE_ID),
    st.integers(0, (1 << 25) - 1),
    st.integers(1, (1 << 20) - 1),
    st.binary(min_size=4, max_size=4),
)
def test_round_trip_property(
    kind: CardKind, number: int, site: int, start: int, span: int, uid: bytes
) -> None:
    cred = Credential(
        kind, number, site, EPOCH + timedelta(minutes=start), EPOCH + timedelta(minutes=start + span)
    )
    assert decode_chip(encode_chip(cred, uid, KEY), uid, KEY) == cred
    assert decode_compact(encode_compact(cred, KEY), KEY) == cred
